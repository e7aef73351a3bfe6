import { z } from 'zod';

/** A time zone name the runtime knows, such as America/New_York. */
const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'is not a time zone name; use an IANA name such as America/New_York' },
);

const httpsUrl = z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' });

export const locationSchema = z.strictObject({
  name: z.string().min(1),
  address: z.string().min(1).optional(),
  bookingUrl: httpsUrl,
});

export const socialLinkSchema = z.strictObject({
  label: z.string().min(1),
  url: httpsUrl,
});

/** Health-content settings: what the content check asks of posts that make health claims. */
export const evidenceSchema = z.strictObject({
  /**
   * Words and phrases that state a health effect. A sentence using one, in a
   * paragraph that cites nothing (`[@key]`), gets a warning. Matched whole and
   * without regard to case; "heals" does not match "healthy".
   */
  claimWords: z.array(z.string().trim().min(2)).default([]),
  /** Tags that mark a post as reporting research: such posts want a reviewer and carry the disclaimer. */
  researchTags: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a tag as posts write it, like research' })).default([]),
  /** A review older than this many days is due again. */
  reviewMaxAgeDays: z.int().min(1).max(3650),
  /** Shown on research posts, under the text. */
  disclaimer: z.string().trim().min(20).max(400),
});

export const siteSchema = z.strictObject({
  /** The studio's name: page titles, feeds, Open Graph images, JSON-LD publisher. */
  title: z.string().min(1).max(60),
  /** A sentence about the blog for the home page, feeds and meta description. */
  description: z.string().min(20).max(200),
  /** Where the site is deployed, without the base path; every absolute URL is built from it. */
  url: httpsUrl.refine((u) => new URL(u).pathname === '/', {
    error: 'must be the bare origin (https://example.com); put a sub-folder in `base`',
  }),
  /** The folder the site is served from: "/" or something like "/blog/". */
  base: z
    .string()
    .regex(/^\/([a-z0-9][a-z0-9-]*\/)*$/, { error: 'must start and end with "/", for example "/" or "/blog/"' }),
  lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'must be a language tag such as en or en-US' }),
  timezone: timeZone,
  locations: z.array(locationSchema).min(1),
  textToBook: z
    .strictObject({
      display: z.string().min(7),
      /** The same number in E.164 form, used in sms: links. */
      e164: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'must look like +14075352331' }),
    })
    .optional(),
  socials: z.array(socialLinkSchema).default([]),
  postsPerPage: z.int().min(1).max(50),
  /** How many items the RSS and JSON feeds carry. */
  feedItems: z.int().min(1).max(200),
  /** How many posts one page of the JSON API lists. */
  apiPageSize: z.int().min(1).max(100),
  /** How many related posts (sharing a tag) show under a post; 0 hides the list. */
  relatedPosts: z.int().min(0).max(12).default(3),
  /**
   * An address Crossref and PubMed can write to about the site's lookups
   * (`npm run check -- --online`, `npm run cite`); both ask for one in the
   * User-Agent. An example.com address is a placeholder that still has to be set.
   */
  contact: z.email({ error: 'must be an email address the studio reads, like web@yourstudio.com' }),
  evidence: evidenceSchema,
  /** Colours for the Open Graph images and the theme-color meta tag. */
  palette: z.strictObject({
    background: z.string().regex(/^#[0-9a-f]{6}$/i),
    ink: z.string().regex(/^#[0-9a-f]{6}$/i),
    accent: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
});

export type SiteConfig = z.output<typeof siteSchema>;
export type EvidenceSettings = z.output<typeof evidenceSchema>;
export type SiteConfigInput = z.input<typeof siteSchema>;
