import { z } from 'zod';
import { citationSchema, type Citation } from './citation.ts';
import { citationKeys } from './citation-keys.ts';
import { dateTextField } from './date-text.ts';
import { notASlug, SLUG_PATTERN } from './slug.ts';
import { decodePercent, hasUndecodablePercent } from '../lib/percent-decode.ts';

export const TITLE_MAX = 100;
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 180;
export const TAGS_MIN = 1;
export const TAGS_MAX = 5;

/** A citation after the schema: its key is always there, written or derived. */
export type KeyedCitation = Citation & { key: string };

/**
 * One old address of a post on another site, as a path on its host:
 * `/post/massage-after-exercise`. The host, a query and a fragment are not part
 * of it (redirect rules match the path alone).
 */
export function redirectPathProblem(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    return `"${path}" is a full web address; write only the path after the site name, like ${pathOnly(path) ?? '/post/massage-after-exercise'}`;
  }
  if (!path.startsWith('/')) return `"${path}" must start with /, like /post/massage-after-exercise`;
  if (path.startsWith('//')) return `"${path}" starts with //, which browsers read as another website; start it with a single /`;
  if (/\s/.test(path)) return `"${path}" has a space in it; copy the old address exactly (a space in an address is written %20)`;
  if (/[?#]/.test(path)) return `"${path}" has a ? or #; redirects match the path alone, so remove the ? or # and what follows`;
  // Every host rule and the redirect page's file name are made from the decoded path.
  const decoded = decodePercent(path);
  if (hasUndecodablePercent(path)) {
    return `"${path}" has a % that is not part of an escape like %20; copy the old address exactly as the browser shows it (a % sign itself is written %25)`;
  }
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(decoded)) {
    return `"${path}" has an invisible control character${decoded === path ? '' : ' (written as a % escape)'}, which no address can hold; retype the address`;
  }
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) {
    return `"${path}" has a . or .. part, which browsers remove before asking; write the path as the browser shows it after you open it`;
  }
  return undefined;
}

function pathOnly(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** `importedFrom.hash`: a fingerprint of the file as the import wrote it. */
export const IMPORT_HASH_PATTERN = /^[0-9a-f]{16}$/;

/**
 * A post's frontmatter as the writer writes it. Dates stay text here (see
 * date-text.ts): the reader (src/lib/content/) turns them into instants in the
 * studio's zone. Pictures are paths relative to the post file; `author` is the
 * name of a file in content/authors/.
 */
export const postSchema = z
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
    author: z
      .string({ error: 'is missing; add `author:` with the name of a file in content/authors/ (without .yaml)' })
      .min(1, { error: 'is empty; write the name of a file in content/authors/ (without .yaml)' })
      .meta({ description: 'The id of an author file in content/authors/ (its file name).', examples: ['lauren-walker'] }),
    date: dateTextField().meta({
      description: "When the post goes public: a day (midnight in the studio's time zone) or a time with its offset.",
      examples: ['2026-11-27', '2026-11-27T07:00:00-05:00'],
    }),
    updated: dateTextField()
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
          else
            ctx.addIssue({
              code: 'custom',
              path: [i, 'key'],
              message: `"${c.key}" is already the key of citation #${earlier + 1}; give each source its own key`,
            });
        });
      })
      // Every source leaves with its key, written or derived, so pages, feeds and the API agree on it.
      .transform((list): KeyedCitation[] => {
        const keys = citationKeys(list);
        return list.map((c, i) => ({ ...c, key: keys[i]! }));
      })
      .default([])
      .meta({ description: 'Sources the post relies on; the text cites each as [@key].' }),
    reviewedBy: z
      .string({ error: 'must be the id of an author file in content/authors/ (without .yaml), like lauren-walker' })
      .min(1, { error: 'is empty; write the id of an author file in content/authors/ (without .yaml), like lauren-walker' })
      .optional()
      .meta({
        description: 'The id of the author file of the qualified person (with their credentials) who checked the health content.',
        examples: ['lauren-walker'],
      }),
    lastReviewed: dateTextField()
      .optional()
      .meta({ description: 'The day that person last checked the post.', examples: ['2026-11-28'] }),
    tags: z
      .array(
        z.string({ error: 'must be text' }).regex(SLUG_PATTERN, {
          error: (issue) => notASlug(issue.input, 'thai-massage'),
        }),
        { error: 'must be a list like [massage, recovery]' },
      )
      .min(TAGS_MIN, { error: 'needs at least one tag, like [massage]' })
      .max(TAGS_MAX, { error: `has more than ${TAGS_MAX} tags; keep the ${TAGS_MAX} that matter most` })
      .refine((tags) => new Set(tags).size === tags.length, { error: 'lists the same tag twice' })
      .meta({ description: `1 to ${TAGS_MAX} topics, lowercase and hyphenated.`, examples: [['massage', 'recovery']] }),
    image: z
      .strictObject(
        {
          src: z
            .string({ error: 'must be a path to a picture, like ./images/hero.jpg' })
            .min(1, { error: 'is empty; write the path to a picture, like ./images/hero.jpg' })
            .meta({ description: 'Path to the picture, relative to the post file.', examples: ['./images/hero.jpg'] }),
          alt: z
            .string({ error: 'is missing; describe the picture for people who cannot see it' })
            .trim()
            .min(3, { error: 'is too short; describe what the picture shows' })
            .meta({ description: 'What the picture shows, for screen readers.', examples: ['A therapist working on a calf muscle'] }),
        },
        {
          error: (issue) =>
            issue.code === 'invalid_type'
              ? `must be two lines indented under \`image:\`: \`src: ${typeof issue.input === 'string' && issue.input ? (/^\.{1,2}\//.test(issue.input) ? issue.input : `./images/${issue.input}`) : './images/hero.jpg'}\` and \`alt: what the picture shows\``
              : undefined,
        },
      )
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
    // identity (and a redirect) when the address changes (src/lib/feeds/guid.ts).
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
    redirectFrom: z
      .array(
        z.string({ error: 'must be text' }).superRefine((path, ctx) => {
          const problem = redirectPathProblem(path);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
        { error: 'must be a list of old addresses, like [/post/massage-after-exercise]' },
      )
      .refine((paths) => new Set(paths).size === paths.length, { error: 'lists the same old address twice; keep one' })
      .default([])
      .meta({
        description:
          'Old addresses of this post on another site, as paths like /post/massage-after-exercise. Each one forwards to this post once the site is served from that domain.',
        examples: [['/post/massage-after-exercise']],
      }),
    // Written by `npm run import`: how a second import finds this post again and
    // tells whether someone has edited it since (the hash no longer matches).
    importedFrom: z
      .strictObject({
        source: z
          .string({ error: 'must be text' })
          .trim()
          .min(1, { error: 'is empty; it names the post this one was imported from' })
          .meta({
            description: 'The original post: its feed id or its address on the old site.',
            examples: ['https://www.myrituals.me/post/massage-after-exercise'],
          }),
        hash: z
          .string()
          .regex(IMPORT_HASH_PATTERN, { error: 'is not a fingerprint written by the import; remove the line' })
          .optional()
          .meta({ description: 'A fingerprint of the file as imported; leave it as it is.', examples: ['0123456789abcdef'] }),
      })
      .optional()
      .meta({ description: 'Where an imported post came from; `npm run import` writes and reads it. Leave it as it is.' }),
  })
  .superRefine((post, ctx) => {
    if (post.lastReviewed && post.reviewedBy === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastReviewed'],
        message: "is set, but `reviewedBy:` is not; add the reviewer's author id, or remove `lastReviewed:`",
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

/** Validated frontmatter: dates still as written. */
export type PostFrontmatter = z.output<typeof postSchema>;
