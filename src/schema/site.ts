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

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'must be the number in international form, like +14075552331' });

/** A phone number as people read it and as links dial it. */
export const phoneSchema = z.strictObject({
  display: z.string().min(7),
  /** The same number in E.164 form, used in tel: and sms: links. */
  e164,
});

/** Days as schema.org's opening hours name them. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a time on the 24-hour clock, like "09:00" or "19:30"' });

/** One line of opening hours: these days, from `opens` to `closes`. */
export const openingHoursSchema = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` }))
      .min(1)
      .refine((days) => new Set(days).size === days.length, { error: 'names a day twice' }),
    opens: clock,
    closes: clock,
  })
  .refine((h) => h.opens < h.closes, { error: '`closes` must be later than `opens` on the same day', path: ['closes'] });

/**
 * The schema.org type each studio is published as. DaySpa is the most specific
 * type under HealthAndBeautyBusiness that fits a massage studio (schema.org has
 * no massage type); a studio that is more of a gym can say HealthClub.
 */
export const BUSINESS_TYPES = ['DaySpa', 'HealthAndBeautyBusiness', 'HealthClub'] as const;

/**
 * A studio. Only `name` and `bookingUrl` are needed; pages, the footer and the
 * structured data show each other detail once it is set, and never guess one.
 */
export const locationSchema = z.strictObject({
  name: z.string().min(1),
  bookingUrl: httpsUrl,
  businessType: z.enum(BUSINESS_TYPES).default('DaySpa'),
  address: z
    .strictObject({
      street: z.string().min(3),
      /** City or town. */
      locality: z.string().min(2),
      /** State or region, e.g. FL. */
      region: z.string().min(2),
      postalCode: z.string().regex(/^[A-Za-z0-9 -]{3,10}$/, { error: 'must be a postal code such as 32801' }),
      /** Two-letter country code, e.g. US. */
      country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as US' }),
    })
    .optional(),
  geo: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .optional(),
  phone: phoneSchema.optional(),
  hours: z.array(openingHoursSchema).min(1).optional(),
  /** A photo of the studio: a path from the project folder, like src/assets/places/orlando.jpg, and what it shows. */
  photo: z
    .strictObject({
      src: z.string().regex(/^[\w./-]+\.(jpe?g|png|webp|avif)$/i, {
        error: 'must be a path to a JPEG, PNG, WebP or AVIF file, like src/assets/places/orlando.jpg',
      }),
      alt: z.string().min(5, { error: 'must say what the photo shows, for people who cannot see it' }),
    })
    .optional(),
});

/**
 * Where an e-mail sign-up form posts. The form is plain HTML sent straight to
 * the service, with no script of theirs on the site. For Mailchimp and
 * MailerLite, `action` is the form address from their "embedded form" code.
 */
export const newsletterSchema = z.discriminatedUnion(
  'provider',
  [
    z.strictObject({
      provider: z.literal('buttondown'),
      username: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'must be your Buttondown username' }),
    }),
    z.strictObject({ provider: z.literal('mailchimp'), action: httpsUrl }),
    z.strictObject({ provider: z.literal('mailerlite'), action: httpsUrl }),
    z.strictObject({
      provider: z.literal('other'),
      /** The service's name, shown next to the form. */
      name: z.string().min(2),
      action: httpsUrl,
      /** The name of the form field that carries the address. */
      emailField: z.string().min(1).default('email'),
    }),
  ],
  { error: 'provider must be one of buttondown, mailchimp, mailerlite, other' },
);

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
  researchTags: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a tag as posts write it, like research' }))
    .default([]),
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
  base: z.string().regex(/^\/([a-z0-9][a-z0-9-]*\/)*$/, { error: 'must start and end with "/", for example "/" or "/blog/"' }),
  lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'must be a language tag such as en or en-US' }),
  timezone: timeZone,
  locations: z.array(locationSchema).min(1),
  /**
   * What a client can book, as a reader would say it mid-sentence ("massage", "Thai yoga massage"):
   * the booking box and the booking page list them.
   */
  services: z.array(z.string().trim().min(2).max(60)).min(1),
  textToBook: phoneSchema.optional(),
  /** An e-mail newsletter service; the subscribe pages then offer a sign-up form that posts to it. */
  newsletter: newsletterSchema.optional(),
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
