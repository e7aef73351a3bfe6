import { describe, expect, it } from 'vitest';
import type { Citation } from '../../src/schema/citation.ts';
import { createUrls } from '../../src/lib/urls.ts';
import {
  blogPosting,
  breadcrumbList,
  collectionPage,
  profilePage,
  webSite,
  citationLd,
  isoDuration,
  reviewLd,
  serializeJsonLd,
  studio,
  studioId,
  type SeoContext,
} from '../../src/lib/seo/json-ld.ts';
import { robotsTxt } from '../../src/lib/seo/robots.ts';
import { isNoindexPath, sitemapPolicy } from '../../src/lib/seo/sitemap.ts';
import { CRANE_2012 } from './support/citations.ts';

const site: SeoContext['site'] = {
  title: 'Test Studio',
  description: 'A studio used in tests, with two places to book a session.',
  lang: 'en-US',
  timezone: 'America/New_York',
  locations: [
    {
      name: 'North Side',
      bookingUrl: 'https://book.example.com/north',
      businessType: 'HealthClub',
      address: { street: '1 Test Street', locality: 'Testville', region: 'FL', postalCode: '00001', country: 'US' },
      geo: { latitude: 28.5, longitude: -81.25 },
      phone: { display: '(555) 010-0100', e164: '+15550100100' },
      hours: [{ days: ['Monday', 'Tuesday'], opens: '09:00', closes: '17:30' }],
    },
    { name: 'South', bookingUrl: 'https://book.example.com/south' },
  ],
  textToBook: { display: '407-555-0100', e164: '+14075550100' },
  socials: [{ label: 'Instagram', url: 'https://instagram.example.com/studio' }],
};
const ctx: SeoContext = { site, urls: createUrls({ url: 'https://example.com', base: '/blog/' }) };

const journal: Citation = CRANE_2012;
const report: Citation = {
  authors: ['World Health Organization'],
  year: 2020,
  title: 'Guidelines on physical activity',
  container: 'WHO Press',
  url: 'https://who.example.org/guidelines',
};

const post = {
  slug: 'first-post',
  title: 'A post </script><script>alert(1)</script>',
  description: 'What the post is about, in one sentence for search results.',
  date: new Date('2026-11-20T05:00:00Z'),
  updated: new Date('2026-11-22T17:30:00Z'),
  tags: ['massage', 'recovery'],
  citations: [journal, report],
  readingMinutes: 7,
};
const author = { id: 'ada', name: 'Ada Writer', role: 'Massage therapist', links: [{ url: 'https://ada.example.com' }] };

describe('isoDuration', () => {
  it('writes minutes as ISO 8601 durations', () => {
    expect(isoDuration(1)).toBe('PT1M');
    expect(isoDuration(7)).toBe('PT7M');
    expect(isoDuration(60)).toBe('PT1H');
    expect(isoDuration(95)).toBe('PT1H35M');
  });
});

describe('blogPosting', () => {
  const ld = blogPosting(ctx, post, author, {
    url: 'https://example.com/blog/_astro/hero.jpg',
    width: 1200,
    height: 675,
    alt: 'A calm room',
  });

  it('names the post, its page, author, publisher and dates in the studio time zone', () => {
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.title,
      description: post.description,
      url: 'https://example.com/blog/posts/first-post/',
      datePublished: '2026-11-20T00:00:00-05:00',
      dateModified: '2026-11-22T12:30:00-05:00',
      timeRequired: 'PT7M',
      author: { '@type': 'Person', name: 'Ada Writer', url: 'https://example.com/blog/authors/ada/', sameAs: ['https://ada.example.com'] },
      publisher: {
        '@type': 'HealthAndBeautyBusiness',
        '@id': studioId(ctx.urls),
        name: 'Test Studio',
        department: [{ '@id': 'https://example.com/blog/book/#north-side' }, { '@id': 'https://example.com/blog/book/#south' }],
      },
      image: { '@type': 'ImageObject', url: 'https://example.com/blog/_astro/hero.jpg', width: 1200, height: 675 },
    });
  });

  it('uses the publication date as the modified date when there is no update', () => {
    const plain = blogPosting(ctx, { ...post, updated: undefined }, author);
    expect(plain.dateModified).toBe(plain.datePublished);
    expect(plain).not.toHaveProperty('image');
  });

  it('points mainEntityOfPage at the original address of a post first published elsewhere', () => {
    const moved = blogPosting(ctx, { ...post, canonical: 'https://elsewhere.example.org/original' }, author);
    expect(moved.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': 'https://elsewhere.example.org/original' });
  });

  it('puts the reviewer, their licence and the review day on the WebPage, where schema.org defines reviewedBy and lastReviewed', () => {
    const reviewer = {
      id: 'rita',
      name: 'Rita Reviewer',
      role: 'Licensed massage therapist',
      credentials: [
        { type: 'Licensed Massage Therapist', abbreviation: 'LMT', number: 'MA00000', issuedBy: 'Florida Board of Massage Therapy' },
        { type: 'Yoga teacher' },
      ],
    };
    // 2026-11-28 at 03:00 UTC is still the 27th in New York.
    const reviewed = blogPosting(ctx, post, author, undefined, { reviewer, lastReviewed: new Date('2026-11-28T03:00:00Z') });
    expect(reviewed.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': 'https://example.com/blog/posts/first-post/',
      reviewedBy: {
        '@type': 'Person',
        name: 'Rita Reviewer',
        url: 'https://example.com/blog/authors/rita/',
        jobTitle: 'Licensed massage therapist',
        hasCredential: [
          {
            '@type': 'EducationalOccupationalCredential',
            credentialCategory: 'license',
            name: 'Licensed Massage Therapist',
            identifier: 'MA00000',
            recognizedBy: { '@type': 'Organization', name: 'Florida Board of Massage Therapy' },
          },
          { '@type': 'EducationalOccupationalCredential', credentialCategory: 'license', name: 'Yoga teacher' },
        ],
      },
      lastReviewed: '2026-11-27',
    });
    expect(reviewLd(ctx, { reviewer: { id: 'rita', name: 'Rita Reviewer' } })).toEqual({
      reviewedBy: { '@type': 'Person', name: 'Rita Reviewer', url: 'https://example.com/blog/authors/rita/' },
    });
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': 'https://example.com/blog/posts/first-post/' });
  });

  it('lists each structured citation', () => {
    expect(ld.citation).toEqual([citationLd(journal), citationLd(report)]);
    expect(blogPosting(ctx, { ...post, citations: [] }, author)).not.toHaveProperty('citation');
  });
});

describe('citationLd', () => {
  it('describes a journal article with its DOI', () => {
    expect(citationLd(journal)).toEqual({
      '@type': 'ScholarlyArticle',
      name: journal.title,
      author: [
        { '@type': 'Person', name: 'Crane, J. D.' },
        { '@type': 'Person', name: 'Tarnopolsky, M. A.' },
      ],
      datePublished: '2012',
      isPartOf: { '@type': 'Periodical', name: 'Science Translational Medicine' },
      url: 'https://doi.org/10.1126/scitranslmed.3002882',
      identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1126/scitranslmed.3002882' },
    });
  });

  it('describes other works with their publisher and URL, and organisations as authors', () => {
    expect(citationLd(report)).toEqual({
      '@type': 'CreativeWork',
      name: report.title,
      author: [{ '@type': 'Organization', name: 'World Health Organization' }],
      datePublished: '2020',
      publisher: { '@type': 'Organization', name: 'WHO Press' },
      url: 'https://who.example.org/guidelines',
    });
  });
});

describe('studio', () => {
  it('is the business behind the site, with each studio as a department', () => {
    const ld = studio(ctx, new Map([['North Side', 'https://example.com/blog/_astro/north.jpg']]));
    expect(ld).toMatchObject({
      '@type': 'HealthAndBeautyBusiness',
      '@id': 'https://example.com/blog/#studio',
      url: 'https://example.com/blog/',
      telephone: '+14075550100',
      sameAs: ['https://instagram.example.com/studio'],
    });
    expect(ld.department).toEqual([
      {
        '@type': 'HealthClub',
        '@id': 'https://example.com/blog/book/#north-side',
        name: 'Test Studio North Side',
        url: 'https://example.com/blog/book/#north-side',
        parentOrganization: { '@id': 'https://example.com/blog/#studio' },
        address: {
          '@type': 'PostalAddress',
          streetAddress: '1 Test Street',
          addressLocality: 'Testville',
          addressRegion: 'FL',
          postalCode: '00001',
          addressCountry: 'US',
        },
        geo: { '@type': 'GeoCoordinates', latitude: 28.5, longitude: -81.25 },
        telephone: '+15550100100',
        openingHoursSpecification: [
          { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday'], opens: '09:00', closes: '17:30' },
        ],
        image: 'https://example.com/blog/_astro/north.jpg',
        potentialAction: { '@type': 'ReserveAction', target: 'https://book.example.com/north' },
      },
      {
        // Nothing but the name and booking link set: nothing else is said, and the type is the default.
        '@type': 'DaySpa',
        '@id': 'https://example.com/blog/book/#south',
        name: 'Test Studio South',
        url: 'https://example.com/blog/book/#south',
        parentOrganization: { '@id': 'https://example.com/blog/#studio' },
        potentialAction: { '@type': 'ReserveAction', target: 'https://book.example.com/south' },
      },
    ]);
  });
});

describe('pages', () => {
  it('a collection page lists its items in order', () => {
    const ld = collectionPage(ctx, { name: 'Topic #massage', description: 'Posts about massage.', path: 'tags/massage/' }, [
      { name: 'First', url: 'https://example.com/blog/posts/first/' },
      { name: 'Second', url: 'https://example.com/blog/posts/second/' },
    ]);
    expect(ld).toMatchObject({ '@type': 'CollectionPage', '@id': 'https://example.com/blog/tags/massage/', name: 'Topic #massage' });
    expect(ld.mainEntity).toEqual({
      '@type': 'ItemList',
      numberOfItems: 2,
      itemListElement: [
        { '@type': 'ListItem', position: 1, url: 'https://example.com/blog/posts/first/', name: 'First' },
        { '@type': 'ListItem', position: 2, url: 'https://example.com/blog/posts/second/', name: 'Second' },
      ],
    });
  });

  it("a writer's page is a ProfilePage about the person, who works for the studio", () => {
    const ld = profilePage(ctx, { ...author, bio: 'Ada writes about massage.' }, 'authors/ada/');
    expect(ld).toMatchObject({
      '@type': 'ProfilePage',
      url: 'https://example.com/blog/authors/ada/',
      mainEntity: {
        '@type': 'Person',
        '@id': 'https://example.com/blog/authors/ada/#person',
        name: 'Ada Writer',
        jobTitle: 'Massage therapist',
        sameAs: ['https://ada.example.com'],
        worksFor: { '@id': 'https://example.com/blog/#studio' },
      },
    });
    expect(ld.mainEntity).not.toHaveProperty('image');
  });

  it('the site offers its search page to search engines', () => {
    expect(webSite(ctx).potentialAction).toMatchObject({
      '@type': 'SearchAction',
      target: { urlTemplate: 'https://example.com/blog/search/?q={search_term_string}' },
    });
  });
});

describe('breadcrumbList', () => {
  it('numbers the crumbs from 1', () => {
    expect(
      breadcrumbList([
        { name: 'Home', url: 'https://example.com/' },
        { name: 'Post', url: 'https://example.com/p/' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.com/' },
        { '@type': 'ListItem', position: 2, name: 'Post', item: 'https://example.com/p/' },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element, and parses back to the same data', () => {
    const ld = blogPosting(ctx, post, author);
    const text = serializeJsonLd(ld);
    expect(text).not.toMatch(/<|>|&/);
    expect(JSON.parse(text)).toEqual(ld);
  });
});

describe('robotsTxt', () => {
  it('allows everything and names the sitemap', () => {
    expect(robotsTxt({ sitemapUrl: 'https://example.com/blog/sitemap-index.xml' })).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.com/blog/sitemap-index.xml\n',
    );
  });

  it('lists paths to keep out when given', () => {
    expect(robotsTxt({ sitemapUrl: 'https://x.org/s.xml', disallow: ['/drafts/'] })).toContain('Disallow: /drafts/\n');
  });
});

describe('sitemapPolicy', () => {
  const urls = createUrls({ url: 'https://example.com', base: '/blog/' });
  const posts = [
    { slug: 'first-post', date: new Date('2026-11-20T05:00:00Z'), updated: new Date('2026-11-22T17:30:00Z') },
    { slug: 'from-elsewhere', date: new Date('2026-11-21T05:00:00Z'), canonical: 'https://elsewhere.example.org/a' },
    { slug: 'own-canonical', date: new Date('2026-11-21T05:00:00Z'), canonical: 'https://example.com/blog/posts/own-canonical/' },
  ];
  const policy = sitemapPolicy(posts, urls, 'America/New_York');

  it("dates a post by its update, else its publishing time, with the studio's offset", () => {
    expect(policy.lastmod('https://example.com/blog/posts/first-post/')).toBe('2026-11-22T12:30:00-05:00');
    expect(policy.lastmod('https://example.com/blog/posts/own-canonical/')).toBe('2026-11-21T00:00:00-05:00');
    expect(policy.lastmod('https://example.com/blog/tags/massage/')).toBeUndefined();
  });

  it('leaves out the pages that ask not to be indexed, and says so for those paths alone', () => {
    expect(policy.includes('https://example.com/blog/search/')).toBe(false);
    expect(policy.includes('https://example.com/blog/404.html')).toBe(false);
    expect(isNoindexPath('search/')).toBe(true);
    expect(isNoindexPath('posts/first-post/')).toBe(false);
  });

  it('leaves out posts whose original is elsewhere', () => {
    expect(policy.includes('https://example.com/blog/posts/from-elsewhere/')).toBe(false);
    expect(policy.includes('https://example.com/blog/posts/own-canonical/')).toBe(true);
    expect(policy.includes('https://example.com/blog/posts/first-post/')).toBe(true);
  });
});
