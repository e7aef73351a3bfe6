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
import { rawHtml } from './raw-html.ts';
import { redirectFrom } from './redirect-from.ts';
import { citationMarkers } from './citation-markers.ts';
import { citationRecords } from './citation-records.ts';
import { citationYear } from './citation-year.ts';
import { claimWords } from './claim-words.ts';
import { healthReview } from './health-review.ts';
import type { EvidenceSettings } from '../../../schema/site.ts';

export type { PostRule, RuleContext } from './rule.ts';

const RULES: readonly PostRule[] = [
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
  rawHtml,
  redirectFrom,
  citationMarkers,
  citationYear,
  citationRecords,
];

/** What the evidence rules check against when the studio's settings are not given: nothing. */
const NO_EVIDENCE_SETTINGS: Pick<EvidenceSettings, 'claimWords' | 'researchTags' | 'reviewMaxAgeDays'> = { claimWords: [], researchTags: [], reviewMaxAgeDays: 365 };

/** Every rule, with the studio's evidence settings (claim words, research tags, review age) where they apply. */
export function contentRules(evidence: Pick<EvidenceSettings, 'claimWords' | 'researchTags' | 'reviewMaxAgeDays'> = NO_EVIDENCE_SETTINGS): PostRule[] {
  return [...RULES, claimWords(evidence.claimWords), healthReview(evidence)];
}
