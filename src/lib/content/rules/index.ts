/** Every content rule, in the order their problems read best within a file. */
import type { PostRule } from './rule.ts';
import { duplicateSlug } from './duplicate-slug.ts';
import { unknownAuthor } from './unknown-author.ts';
import { unknownTag } from './unknown-tag.ts';
import { titleLength } from './title-length.ts';
import { descriptionLength } from './description-length.ts';
import { emptyBody } from './empty-body.ts';
import { placeholderText } from './placeholder-text.ts';
import { headingLevels } from './heading-levels.ts';
import { postLinks } from './post-links.ts';
import { imageAlt } from './image-alt.ts';
import { bodyImageFiles } from './body-image-files.ts';
import { studyYear } from './study-year.ts';
import { citationMarkers } from './citation-markers.ts';
import { citationRecords } from './citation-records.ts';
import { claimWords } from './claim-words.ts';
import { healthReview } from './health-review.ts';
import { site } from '../../../site.config.ts';

export type { PostRule, RuleContext } from './rule.ts';

export const RULES: readonly PostRule[] = [
  duplicateSlug,
  unknownAuthor,
  unknownTag,
  titleLength,
  descriptionLength,
  emptyBody,
  placeholderText,
  headingLevels,
  postLinks,
  imageAlt,
  bodyImageFiles,
  studyYear,
  citationMarkers,
  citationRecords,
  claimWords(site.evidence.claimWords),
  healthReview(site.evidence),
];
