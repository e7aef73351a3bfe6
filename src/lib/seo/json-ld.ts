/**
 * Structured data (schema.org JSON-LD) for search engines: the post as a
 * BlogPosting, each studio as a local business of its type (DaySpa unless the
 * settings say otherwise) within the studio, the pages that list posts as
 * CollectionPages, writers as ProfilePages, and breadcrumbs. Plain functions
 * from plain data; the site settings and URL builder are passed in so tests can
 * use their own.
 */
import type { Citation } from '../../schema/citation.ts';
import type { SiteConfig } from '../../schema/site.ts';
import { doiUrl } from '../citations.ts';
import type { Credential } from '../evidence/review.ts';
import type { Urls } from '../urls.ts';
import { calendarDate, isoWithOffset } from '../zoned-time.ts';
import { placeId } from '../places.ts';

export type JsonLd = { [key: string]: unknown };

type StudioSettings = SiteConfig['locations'][number];
/** A studio as the settings give it (its type may be left to the default). */
export type Location = Omit<StudioSettings, 'businessType'> & Partial<Pick<StudioSettings, 'businessType'>>;

export interface SeoContext {
  site: Pick<SiteConfig, 'title' | 'description' | 'lang' | 'timezone' | 'textToBook' | 'socials'> & { locations: readonly Location[] };
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

/** The address of a studio's entry on the booking page: its structured data's @id and url. */
export function placeUrl(urls: Urls, location: Pick<Location, 'name'>): string {
  return urls.absolute(`book/#${placeId(location.name)}`);
}

/**
 * One studio as a local business of its type, with what the settings give of
 * its address, position, phone, hours and photo (`photoUrl`, absolute), and a
 * ReserveAction that leads to its booking calendar.
 */
export function place(ctx: SeoContext, location: Location, photoUrl?: string): JsonLd {
  const { site, urls } = ctx;
  const a = location.address;
  return {
    '@type': location.businessType ?? 'DaySpa',
    '@id': placeUrl(urls, location),
    name: `${site.title} ${location.name}`,
    url: placeUrl(urls, location),
    parentOrganization: { '@id': studioId(urls) },
    ...(a
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: a.street,
            addressLocality: a.locality,
            addressRegion: a.region,
            postalCode: a.postalCode,
            addressCountry: a.country,
          },
        }
      : {}),
    ...(location.geo ? { geo: { '@type': 'GeoCoordinates', latitude: location.geo.latitude, longitude: location.geo.longitude } } : {}),
    ...(location.phone ? { telephone: location.phone.e164 } : {}),
    ...(location.hours
      ? {
          openingHoursSpecification: location.hours.map((h) => ({
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: h.days,
            opens: h.opens,
            closes: h.closes,
          })),
        }
      : {}),
    ...(photoUrl ? { image: photoUrl } : {}),
    potentialAction: { '@type': 'ReserveAction', target: location.bookingUrl },
  };
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

/** The studio, publisher of every post, with its studios as departments (photos by studio name, absolute URLs). */
export function studio(ctx: SeoContext, photos: ReadonlyMap<string, string> = new Map()): JsonLd {
  const { site } = ctx;
  return {
    '@context': CONTEXT,
    ...studioCore(ctx),
    description: site.description,
    image: ctx.urls.absolute('apple-touch-icon.png'),
    ...(site.textToBook ? { telephone: site.textToBook.e164 } : {}),
    ...(site.socials.length ? { sameAs: site.socials.map((s) => s.url) } : {}),
    department: site.locations.map((l) => place(ctx, l, photos.get(l.name))),
  };
}

/** The site, with the search box search engines may offer next to it. */
export function webSite(ctx: SeoContext): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${ctx.urls.absolute('')}#site`,
    name: ctx.site.title,
    url: ctx.urls.absolute(''),
    inLanguage: ctx.site.lang,
    publisher: { '@id': studioId(ctx.urls) },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${ctx.urls.absolute('search/')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export interface ListedItem {
  name: string;
  /** Absolute URL. */
  url: string;
}

export interface PageFacts {
  name: string;
  description: string;
  /** Path under the base. */
  path: string;
}

function webPageCore(ctx: SeoContext, type: string, page: PageFacts): JsonLd {
  const url = ctx.urls.absolute(page.path);
  return {
    '@context': CONTEXT,
    '@type': type,
    '@id': url,
    url,
    name: page.name,
    description: page.description,
    inLanguage: ctx.site.lang,
    isPartOf: { '@id': `${ctx.urls.absolute('')}#site` },
  };
}

/** A page that lists posts (or topics, or writers): its items in order. */
export function collectionPage(ctx: SeoContext, page: PageFacts, items: readonly ListedItem[]): JsonLd {
  return {
    ...webPageCore(ctx, 'CollectionPage', page),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: items.length,
      itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: item.url, name: item.name })),
    },
  };
}

/** A page of another kind (booking, subscribing): what it is and what it is about. */
export function webPage(ctx: SeoContext, type: 'WebPage' | 'ContactPage', page: PageFacts, about?: JsonLd): JsonLd {
  return { ...webPageCore(ctx, type, page), ...(about ? { about } : {}) };
}

export interface ProfileFacts extends AuthorFacts {
  bio: string;
  /** Absolute URL of their photo. */
  imageUrl?: string | undefined;
}

/** A writer's page: the person, their role, their other profiles, and the studio they work for. */
export function profilePage(ctx: SeoContext, author: ProfileFacts, path: string): JsonLd {
  const sameAs = author.links?.map((l) => l.url) ?? [];
  return {
    ...webPageCore(ctx, 'ProfilePage', { name: author.name, description: author.bio, path }),
    mainEntity: {
      '@type': 'Person',
      '@id': `${ctx.urls.absolute(path)}#person`,
      name: author.name,
      description: author.bio,
      url: ctx.urls.absolute(path),
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.imageUrl ? { image: author.imageUrl } : {}),
      ...(sameAs.length ? { sameAs } : {}),
      worksFor: { '@id': studioId(ctx.urls) },
    },
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
      '@id': `${urls.absolute(`authors/${author.id}/`)}#person`,
      name: author.name,
      url: urls.absolute(`authors/${author.id}/`),
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(sameAs.length ? { sameAs } : {}),
    },
    // The studio, and its studios by reference: each is described on the booking page under that @id.
    publisher: { ...studioCore(ctx), department: site.locations.map((l) => ({ '@id': placeUrl(urls, l) })) },
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
