/**
 * Structured data (schema.org JSON-LD) for search engines: the post as a
 * BlogPosting, breadcrumbs, and the studio as a HealthAndBeautyBusiness.
 * Plain functions from plain data; the site settings and URL builder are passed
 * in so tests can use their own.
 */
import type { Citation } from '../../schema/citation.ts';
import type { SiteConfig } from '../../schema/site.ts';
import { doiUrl } from '../citations.ts';
import type { Credential } from '../evidence/review.ts';
import type { Urls } from '../urls.ts';
import { calendarDate, isoWithOffset } from '../zoned-time.ts';

export type JsonLd = { [key: string]: unknown };

export interface SeoContext {
  site: Pick<SiteConfig, 'title' | 'description' | 'lang' | 'timezone' | 'locations' | 'textToBook' | 'socials'>;
  urls: Urls;
}

export interface PostFacts {
  slug: string;
  title: string;
  description: string;
  date: Date;
  updated?: Date | undefined;
  tags: readonly string[];
  citations: readonly Citation[];
  readingMinutes: number;
  /** An address outside the site that is the original, when there is one. */
  canonical?: string | undefined;
}

export interface AuthorFacts {
  id: string;
  name: string;
  role?: string | undefined;
  links?: readonly { url: string }[] | undefined;
}

/** Who checked a post's health content, and when: an author with their credentials. */
export interface ReviewFacts {
  reviewer: AuthorFacts & { credentials?: readonly Credential[] | undefined };
  lastReviewed?: Date | undefined;
}

export interface ImageFacts {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt?: string | undefined;
}

const CONTEXT = 'https://schema.org';

/** "PT7M", "PT1H5M": schema.org wants durations in ISO 8601. */
export function isoDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `PT${m}M`;
  return m === 0 ? `PT${h}H` : `PT${h}H${m}M`;
}

/** The one identifier of the studio, so the publisher of every post is the same node as the home page's business. */
export function studioId(urls: Urls): string {
  return `${urls.absolute('')}#studio`;
}

function studioCore(ctx: SeoContext): JsonLd {
  return {
    '@type': 'HealthAndBeautyBusiness',
    '@id': studioId(ctx.urls),
    name: ctx.site.title,
    url: ctx.urls.absolute(''),
    logo: ctx.urls.absolute('apple-touch-icon.png'),
  };
}

/** The studio with its locations, for the home page. */
export function studio(ctx: SeoContext): JsonLd {
  const { site } = ctx;
  return {
    '@context': CONTEXT,
    ...studioCore(ctx),
    description: site.description,
    image: ctx.urls.absolute('apple-touch-icon.png'),
    ...(site.textToBook ? { telephone: site.textToBook.e164 } : {}),
    ...(site.socials.length ? { sameAs: site.socials.map((s) => s.url) } : {}),
    department: site.locations.map((l) => ({
      '@type': 'HealthAndBeautyBusiness',
      name: `${site.title} ${l.name}`,
      ...(l.address ? { address: l.address } : {}),
      url: l.bookingUrl,
      potentialAction: { '@type': 'ReserveAction', target: l.bookingUrl },
    })),
  };
}

/** A person writes "Family, G. I."; anything without a comma is taken as an organisation. */
function citedAuthor(name: string): JsonLd {
  return { '@type': name.includes(',') ? 'Person' : 'Organization', name };
}

export function citationLd(c: Citation): JsonLd {
  const periodical = c.volume !== undefined || c.issue !== undefined || c.pages !== undefined || c.article !== undefined;
  return {
    '@type': periodical ? 'ScholarlyArticle' : 'CreativeWork',
    name: c.title,
    author: c.authors.map(citedAuthor),
    datePublished: String(c.year),
    ...(periodical
      ? { isPartOf: { '@type': 'Periodical', name: c.container } }
      : { publisher: { '@type': 'Organization', name: c.container } }),
    ...(c.pages ? { pagination: c.pages } : {}),
    url: c.doi ? doiUrl(c.doi) : c.url,
    ...(c.doi ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: c.doi } } : {}),
  };
}

/** A licence as schema.org describes one, so the reviewer's qualification can be checked. */
export function credentialLd(c: Credential): JsonLd {
  return {
    '@type': 'EducationalOccupationalCredential',
    credentialCategory: 'license',
    name: c.type,
    ...(c.number ? { identifier: c.number } : {}),
    ...(c.issuedBy ? { recognizedBy: { '@type': 'Organization', name: c.issuedBy } } : {}),
  };
}

/**
 * `reviewedBy` and `lastReviewed`, which schema.org defines on the WebPage:
 * they go on the post's `mainEntityOfPage`.
 */
export function reviewLd(ctx: Pick<SeoContext, 'urls'> & { site: Pick<SeoContext['site'], 'timezone'> }, review: ReviewFacts): JsonLd {
  const { reviewer } = review;
  const credentials = reviewer.credentials ?? [];
  return {
    reviewedBy: {
      '@type': 'Person',
      name: reviewer.name,
      url: ctx.urls.absolute(`authors/${reviewer.id}/`),
      ...(reviewer.role ? { jobTitle: reviewer.role } : {}),
      ...(credentials.length ? { hasCredential: credentials.map(credentialLd) } : {}),
    },
    ...(review.lastReviewed ? { lastReviewed: calendarDate(review.lastReviewed, ctx.site.timezone) } : {}),
  };
}

export function blogPosting(ctx: SeoContext, post: PostFacts, author: AuthorFacts, image?: ImageFacts, review?: ReviewFacts): JsonLd {
  const { site, urls } = ctx;
  const pageUrl = urls.absolute(`posts/${post.slug}/`);
  const sameAs = author.links?.map((l) => l.url) ?? [];
  return {
    '@context': CONTEXT,
    '@type': 'BlogPosting',
    '@id': `${pageUrl}#post`,
    url: pageUrl,
    mainEntityOfPage: { '@type': 'WebPage', '@id': post.canonical ?? pageUrl, ...(review ? reviewLd(ctx, review) : {}) },
    headline: post.title,
    description: post.description,
    inLanguage: site.lang,
    datePublished: isoWithOffset(post.date, site.timezone),
    dateModified: isoWithOffset(post.updated ?? post.date, site.timezone),
    author: {
      '@type': 'Person',
      name: author.name,
      url: urls.absolute(`authors/${author.id}/`),
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(sameAs.length ? { sameAs } : {}),
    },
    publisher: studioCore(ctx),
    ...(image
      ? {
          image: {
            '@type': 'ImageObject',
            url: image.url,
            width: image.width,
            height: image.height,
            ...(image.alt ? { caption: image.alt } : {}),
          },
        }
      : {}),
    keywords: post.tags.join(', '),
    timeRequired: isoDuration(post.readingMinutes),
    ...(post.citations.length ? { citation: post.citations.map(citationLd) } : {}),
  };
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: "<" is escaped so a
 * title containing "</script>" cannot end the element early.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
