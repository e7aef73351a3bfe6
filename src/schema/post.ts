import { z } from 'zod';
import { citationSchema, type Citation } from './citation.ts';
import { citationKeys } from '../lib/citations/keys.ts';
import { SLUG_PATTERN } from '../lib/slugs.ts';
import { DATE_FIX_HINT, normalizeParsedDate, parsePublishDate } from '../lib/publish-date.ts';

export const TITLE_MAX = 100;
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 180;
export const TAGS_MIN = 1;
export const TAGS_MAX = 5;

/** `date:` and `updated:`: a day (start of day in the site's zone) or a timestamp with its offset. */
export function publishDate(timeZone: string) {
  return z
    .union([z.date(), z.string()], { error: `is not a date; ${DATE_FIX_HINT}` })
    .transform((value, ctx) => {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) {
          ctx.addIssue({ code: 'custom', message: `is not a date; ${DATE_FIX_HINT}` });
          return z.NEVER;
        }
        return normalizeParsedDate(value, timeZone);
      }
      const parsed = parsePublishDate(value, timeZone);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: `${parsed.reason}; ${DATE_FIX_HINT}` });
        return z.NEVER;
      }
      return parsed.instant;
    });
}

/** A citation after the schema: its key is always there, written or derived. */
export type KeyedCitation = Citation & { key: string };

export interface PostSchemaHelpers<Image extends z.ZodType, Author extends z.ZodType, Reviewer extends z.ZodType = Author> {
  image: () => Image;
  /** Astro passes `reference('authors')`; the standalone checker passes a string and checks ids itself. */
  author: Author;
  /** The same kind of field for `reviewedBy`, with its own wording; `author` when not given. */
  reviewer?: Reviewer;
  timeZone: string;
}

export function createPostSchema<Image extends z.ZodType, Author extends z.ZodType, Reviewer extends z.ZodType = Author>(
  h: PostSchemaHelpers<Image, Author, Reviewer>,
) {
  return z
    .strictObject({
      title: z
        .string({ error: 'is missing; add a line like `title: Massage after exercise`' })
        .trim()
        .min(3, { error: 'is too short; give the post a real title' })
        .max(TITLE_MAX, { error: `is longer than ${TITLE_MAX} characters; shorten it` })
        .meta({ description: `Headline, at most ${TITLE_MAX} characters.`, examples: ['Massage after exercise'] }),
      description: z
        .string({ error: 'is missing; add one or two sentences that sum the post up (50 to 180 characters)' })
        .trim()
        .min(DESCRIPTION_MIN, { error: `is shorter than ${DESCRIPTION_MIN} characters; write one full sentence that sums the post up` })
        .max(DESCRIPTION_MAX, { error: `is longer than ${DESCRIPTION_MAX} characters; search engines and feeds would cut it, so shorten it` })
        .meta({
          description: `Summary for search results, feeds and the API: ${DESCRIPTION_MIN} to ${DESCRIPTION_MAX} characters.`,
          examples: ['What a 2012 study found when one leg got a massage after hard exercise and the other did not.'],
        }),
      author: h.author.meta({ description: 'The id of an author file in content/authors/ (its file name).', examples: ['lauren-walker'] }),
      date: publishDate(h.timeZone).meta({
        description: 'When the post goes public: a day (midnight in the studio\'s time zone) or a time with its offset.',
        examples: ['2026-11-27', '2026-11-27T07:00:00-05:00'],
      }),
      updated: publishDate(h.timeZone)
        .optional()
        .meta({ description: 'When the post last changed in a way readers should know about.', examples: ['2026-12-02'] }),
      readTime: z
        .int({ error: 'must be a whole number of minutes, like 4' })
        .min(1, { error: 'must be at least 1 minute' })
        .max(120, { error: 'is more than 120 minutes; leave it out and let the site work it out' })
        .optional()
        .meta({ description: 'Minutes to read, only to override the computed figure.', examples: [4] }),
      citations: z
        .array(citationSchema, { error: 'must be a list of sources, each starting with "- authors:"' })
        .superRefine((list, ctx) => {
          const first = new Map<string, number>();
          list.forEach((c, i) => {
            if (c.key === undefined) return;
            const earlier = first.get(c.key);
            if (earlier === undefined) first.set(c.key, i);
            else ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `"${c.key}" is already the key of citation #${earlier + 1}; give each source its own key` });
          });
        })
        // Every source leaves with its key, written or derived, so pages, feeds and the API agree on it.
        .transform((list): KeyedCitation[] => {
          const keys = citationKeys(list);
          return list.map((c, i) => ({ ...c, key: keys[i]! }));
        })
        .default([])
        .meta({ description: 'Sources the post relies on; the text cites each as [@key].' }),
      reviewedBy: (h.reviewer ?? (h.author as z.ZodType as Reviewer))
        .optional()
        .meta({
          description: 'The id of the author file of the qualified person (with their credentials) who checked the health content.',
          examples: ['lauren-walker'],
        }),
      lastReviewed: publishDate(h.timeZone)
        .optional()
        .meta({ description: 'The day that person last checked the post.', examples: ['2026-11-28'] }),
      tags: z
        .array(
          z.string({ error: 'must be text' }).regex(SLUG_PATTERN, {
            error: 'must be lowercase words joined by hyphens, like thai-massage',
          }),
          { error: 'must be a list like [massage, recovery]' },
        )
        .min(TAGS_MIN, { error: 'needs at least one tag, like [massage]' })
        .max(TAGS_MAX, { error: `has more than ${TAGS_MAX} tags; keep the ${TAGS_MAX} that matter most` })
        .refine((tags) => new Set(tags).size === tags.length, { error: 'lists the same tag twice' })
        .meta({ description: `1 to ${TAGS_MAX} topics, lowercase and hyphenated.`, examples: [['massage', 'recovery']] }),
      image: z
        .strictObject({
          src: h.image().meta({ description: 'Path to the picture, relative to the post file.', examples: ['./images/hero.jpg'] }),
          alt: z
            .string({ error: 'is missing; describe the picture for people who cannot see it' })
            .trim()
            .min(3, { error: 'is too short; describe what the picture shows' })
            .meta({ description: 'What the picture shows, for screen readers.', examples: ['A therapist working on a calf muscle'] }),
        })
        .optional()
        .meta({ description: 'Hero picture shown above the post and in shares.' }),
      draft: z.boolean({ error: 'must be true or false' }).default(false).meta({
        description: 'A draft never appears on the published site, whatever its date.',
      }),
      canonical: z
        .url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' })
        .optional()
        .meta({ description: 'The original address, when the post was first published elsewhere.' }),
      slug: z
        .string()
        .regex(SLUG_PATTERN, { error: 'must be lowercase words joined by hyphens, like massage-after-exercise' })
        .optional()
        .meta({ description: 'The address of the post; by default the file name without its date.' }),
      // Feed readers know a post by its first address; listing old ones keeps that
      // identity (and a redirect) when the address changes. See README "Feeds".
      previousSlugs: z
        .array(
          z.string({ error: 'must be text' }).regex(SLUG_PATTERN, {
            error: 'must be an old address of this post: lowercase words joined by hyphens, like massage-after-exercise',
          }),
          { error: 'must be a list of old addresses, like [massage-after-exercise]' },
        )
        .refine((slugs) => new Set(slugs).size === slugs.length, { error: 'lists the same old address twice; keep one' })
        .default([])
        .meta({
          description:
            'Addresses this post had before, oldest first, when its file name or `slug` changed after publishing. Subscribers keep seeing it as the same post, and the old address forwards to the new one.',
          examples: [['massage-after-exercise']],
        }),
    })
    .superRefine((post, ctx) => {
      if (post.updated && post.updated.getTime() < post.date.getTime()) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'is before `date`; a post cannot be updated before it is published, so fix one of the two',
        });
      }
      if (post.lastReviewed && post.reviewedBy === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['lastReviewed'],
          message: 'is set, but `reviewedBy:` is not; add the reviewer\'s author id, or remove `lastReviewed:`',
        });
      }
      if (post.slug && post.previousSlugs.includes(post.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: ['previousSlugs'],
          message: `lists "${post.slug}", the current \`slug\`; list only addresses the post no longer has`,
        });
      }
    });
}

export type PostSchema = ReturnType<typeof createPostSchema<z.ZodString, z.ZodString>>;
export type PostData = z.output<PostSchema>;
