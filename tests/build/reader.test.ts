/**
 * The reader features in the built fixture sites: search index, archive,
 * related posts, pagination links, sitemap, robots.txt, JSON-LD, images,
 * the Content-Security-Policy and page weight.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listDist, readDist, readerPages, siteDir } from '../support/dist.ts';
import { POST_BUDGET_BYTES, pageWeight } from '../../scripts/lib/page-weight.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FONT_BUDGET_BYTES } from '../../src/lib/fonts/faces.ts';
import { FIXTURE_SETTINGS } from '../support/sites.ts';

/** The settings the fixture sites are built with: the studio's own, with made-up studios. */
const settings = siteSettings({ SITE_SETTINGS_FILE: FIXTURE_SETTINGS });

const NEVER = /DRAFTMARKER|FUTUREMARKER|LATERTODAYMARKER|draftonlytag|futureonlytag|draft-fixture|future-fixture|later-today/;

/** Built pages that are posts (not the small pages that forward an old address). */
function postPages(dir: string): string[] {
  return listDist(dir).filter((f) => /^posts\/[^/]+\/index\.html$/.test(f) && readDist(dir, f).includes('<article class="post'));
}

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => {
    const data = JSON.parse(m[1]!) as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(data) ? data : [data];
  });
}

const ofType = (html: string, type: string) => jsonLd(html).filter((d) => d['@type'] === type);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .trim();
const h1 = (html: string) => text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!);
const tagsOf = (html: string) => [.../<p class="post-tags">([\s\S]*?)<\/p>/.exec(html)![1]!.matchAll(/>#([a-z0-9-]+)</g)].map((m) => m[1]!);

describe('search index (Pagefind)', () => {
  for (const name of ['site', 'base']) {
    it(`indexes exactly the public posts of "${name}", under their served address`, () => {
      const dir = siteDir(name);
      const base = name === 'base' ? '/blog/' : '/';
      // One index a year of publication (src/lib/search-parts.ts), each with its fragments.
      const fragments = listDist(dir).filter((f) => /^pagefind\/[^/]+\/fragment\//.test(f));
      const indexed = fragments.map((f) => {
        const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
        expect(raw.startsWith('pagefind_dcd')).toBe(true);
        const record = JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string; meta: { title: string } };
        expect(`${record.meta.title} ${record.content}`).not.toMatch(NEVER);
        // The booking box and post navigation are not part of the post.
        expect(record.content).not.toContain('Book a session');
        // Results show the title, date and matching words: the header (topics, byline) is not searched as text.
        expect(record.content).not.toMatch(/#[a-z]+#|min read|^By /);
        expect(record.meta).toMatchObject({ title: expect.any(String), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
        return record.url;
      });
      expect(indexed.sort()).toEqual(
        postPages(dir)
          .map((f) => `${base}${f.replace(/index\.html$/, '')}`)
          .sort(),
      );
    });
  }

  it('an empty site still has a search bundle', () => {
    expect(listDist(siteDir('empty'))).toContain('pagefind/pagefind.js');
  });

  it('loads Pagefind on the search page only', () => {
    const dir = siteDir('site');
    const pages = readerPages(dir);
    const withSearch = pages.filter((f) => /pagefind\/pagefind\.js|wasm-unsafe-eval/.test(readDist(dir, f)));
    expect(withSearch).toEqual(['search/index.html']);
  });
});

describe('archive', () => {
  it('lists every public post in exactly one month page, and counts them', () => {
    const dir = siteDir('site');
    const posts = postPages(dir).map((f) => `/${f.replace(/index\.html$/, '')}`);
    const months = listDist(dir).filter((f) => /^archive\/\d{4}\/\d{2}\/index\.html$/.test(f));
    expect(months.length).toBeGreaterThan(1);
    const listed = months.flatMap((f) => [...readDist(dir, f).matchAll(/<h2 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]!));
    expect(listed.sort()).toEqual(posts.sort());
    const index = readDist(dir, 'archive/index.html');
    const counted = [...index.matchAll(/<h2><a href="[^"]+">\d{4}<\/a> <span class="count">(\d+) posts?<\/span>/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(counted).toBe(posts.length);
    for (const f of months) {
      const [, y, m] = /^archive\/(\d{4})\/(\d{2})\//.exec(f)!;
      expect(index).toContain(`href="/archive/${y}/${m}/"`);
    }
  });

  it('has breadcrumbs, visible and as JSON-LD', () => {
    const html = readDist(siteDir('base'), 'archive/2026/11/index.html');
    expect(html).toMatch(/<nav class="crumbs" aria-label="Breadcrumb">/);
    const [crumbs] = ofType(html, 'BreadcrumbList');
    const items = (crumbs!.itemListElement as { position: number; item: string }[]).map((i) => i.item);
    expect(items).toEqual([
      `${settings.url}/blog/`,
      `${settings.url}/blog/archive/`,
      `${settings.url}/blog/archive/2026/`,
      `${settings.url}/blog/archive/2026/11/`,
    ]);
  });
});

describe('related posts', () => {
  it('under each post, lists other public posts that share a topic, at most as many as configured', () => {
    const dir = siteDir('site');
    const pages = postPages(dir);
    const withRelated = pages.filter((f) => readDist(dir, f).includes('id="related-heading"'));
    expect(withRelated.length).toBeGreaterThan(0);
    for (const f of pages) {
      const html = readDist(dir, f);
      const own = tagsOf(html);
      const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      const links = [...section.matchAll(/<a href="\/posts\/([^/]+)\/">/g)].map((m) => m[1]!);
      expect(links.length).toBeLessThanOrEqual(settings.relatedPosts);
      for (const slug of links) {
        expect(`posts/${slug}/index.html`).not.toBe(f);
        expect(pages).toContain(`posts/${slug}/index.html`);
        expect(tagsOf(readDist(dir, `posts/${slug}/index.html`)).some((t) => own.includes(t))).toBe(true);
      }
    }
  });
});

describe('pagination links in <head>', () => {
  it('page 1 points to page 2 as next, page 2 back to page 1 as prev', () => {
    const dir = siteDir('base');
    const head = (f: string) => readDist(dir, f).split('</head>')[0]!;
    expect(head('index.html')).toContain('<link rel="next" href="/blog/page/2/">');
    expect(head('index.html')).not.toContain('rel="prev"');
    expect(head('page/2/index.html')).toContain('<link rel="prev" href="/blog/">');
  });
});

describe('sitemap and robots.txt', () => {
  for (const name of ['site', 'base']) {
    it(`"${name}": lists every public post with its last change, and no page that is not meant for search`, () => {
      const dir = siteDir(name);
      const root = `${settings.url}${name === 'base' ? '/blog/' : '/'}`;
      const index = readDist(dir, 'sitemap-index.xml');
      expect(index).toContain(`<loc>${root}sitemap-0.xml</loc>`);
      const xml = readDist(dir, 'sitemap-0.xml');
      expect(xml).not.toMatch(NEVER);
      const entries = new Map([...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!, m[2]]));
      for (const f of postPages(dir)) {
        const url = `${root}${f.replace(/index\.html$/, '')}`;
        expect([...entries.keys()]).toContain(url);
        const [posting] = ofType(readDist(dir, f), 'BlogPosting');
        expect(new Date(entries.get(url)!).getTime()).toBe(new Date(posting!.dateModified as string).getTime());
      }
      for (const url of entries.keys()) {
        expect(url.startsWith(root)).toBe(true);
        expect(url).not.toMatch(/\/search\/|404|fixture-first-address/);
      }
      expect([...entries.keys()]).toContain(root);
    });
  }

  it('an updated post has lastmod from `updated`, not `date`', () => {
    const xml = readDist(siteDir('site'), 'sitemap-0.xml');
    // fixture-massage-study: date 2026-11-01, updated 2026-11-05 (midnight in New York).
    expect(xml).toContain(`<loc>${settings.url}/posts/fixture-massage-study/</loc><lastmod>2026-11-05T05:00:00.000Z</lastmod>`);
  });

  it('robots.txt names the sitemap with its absolute address, base path included', () => {
    expect(readDist(siteDir('site'), 'robots.txt')).toContain(`Sitemap: ${settings.url}/sitemap-index.xml`);
    expect(readDist(siteDir('base'), 'robots.txt')).toContain(`Sitemap: ${settings.url}/blog/sitemap-index.xml`);
  });
});

describe('JSON-LD', () => {
  const dir = siteDir('site');

  it('describes each post as a BlogPosting that matches the page', () => {
    for (const f of postPages(dir)) {
      const html = readDist(dir, f);
      const [posting] = ofType(html, 'BlogPosting');
      expect(posting, f).toBeDefined();
      expect(posting!.headline).toBe(h1(html));
      expect((posting!.author as { '@type': string })['@type']).toBe('Person');
      expect((posting!.publisher as { '@type': string; name: string }).name).toBe(settings.title);
      const minutes = Number(/(\d+) min read/.exec(html)![1]);
      expect(posting!.timeRequired).toBe(`PT${minutes}M`);
      const sources = /<section class="sources"[\s\S]*?<\/section>/.exec(html)?.[0];
      const cited = sources ? [...sources.matchAll(/<li[ >]/g)].length : 0;
      expect(((posting!.citation as unknown[]) ?? []).length).toBe(cited);
      const [crumbs] = ofType(html, 'BreadcrumbList');
      const items = crumbs!.itemListElement as { item: string }[];
      expect(items.at(-1)!.item).toBe(`${settings.url}/${f.replace(/index\.html$/, '')}`);
    }
  });

  it('names the reviewer, their licence and the review date on the page the post is the main entity of', () => {
    const [posting] = ofType(readDist(dir, 'posts/fixture-massage-study/index.html'), 'BlogPosting');
    expect(posting!.mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      '@id': `${settings.url}/posts/fixture-massage-study/`,
      reviewedBy: {
        '@type': 'Person',
        name: 'Ada Fixture',
        url: `${settings.url}/authors/ada-fixture/`,
        jobTitle: 'Test massage therapist',
        hasCredential: [
          {
            '@type': 'EducationalOccupationalCredential',
            credentialCategory: 'license',
            name: 'Licensed Massage Therapist',
            identifier: 'MA00000',
            recognizedBy: { '@type': 'Organization', name: 'Florida Board of Massage Therapy' },
          },
        ],
      },
      lastReviewed: '2026-11-05',
    });
    const [unreviewed] = ofType(readDist(dir, 'posts/fixture-mdx-post/index.html'), 'BlogPosting');
    expect(unreviewed!.mainEntityOfPage).not.toHaveProperty('reviewedBy');
  });

  it('gives every post an image the build contains: its hero, else its Open Graph card', () => {
    const files = listDist(dir);
    for (const f of postPages(dir)) {
      const html = readDist(dir, f);
      const [posting] = ofType(html, 'BlogPosting');
      const image = posting!.image as { url: string; width: number; height: number };
      expect(image.width, f).toBeGreaterThan(0);
      expect(image.height, f).toBeGreaterThan(0);
      const path = new URL(image.url).pathname;
      expect(files, f).toContain(path.slice(1));
      if (html.includes('<figure class="hero">')) expect(html, f).toContain(`${path} 1200w`);
      else expect(path, f).toMatch(/^\/og\//);
    }
  });

  it('describes the studio and each of its studios on the home page, with what the settings give', () => {
    const [business] = ofType(readDist(dir, 'index.html'), 'HealthAndBeautyBusiness');
    expect(business!.name).toBe(settings.title);
    const departments = business!.department as Record<string, unknown>[];
    expect(departments.map((d) => (d.potentialAction as { target: string }).target)).toEqual(settings.locations.map((l) => l.bookingUrl));
    expect(departments.map((d) => d['@type'])).toEqual(['DaySpa', 'HealthAndBeautyBusiness']);
    const [north, south] = departments;
    expect(north).toMatchObject({
      '@id': `${settings.url}/book/#fixture-north`,
      address: {
        '@type': 'PostalAddress',
        streetAddress: '100 Example Avenue, Suite 2',
        addressLocality: 'Testville',
        postalCode: '00001',
      },
      geo: { '@type': 'GeoCoordinates', latitude: 28.5, longitude: -81.4 },
      telephone: '+15550100100',
      openingHoursSpecification: [
        { dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '09:00', closes: '19:00' },
        { dayOfWeek: ['Saturday'], opens: '10:00', closes: '16:00' },
      ],
    });
    // The studio's photo is a JPEG of the build.
    expect(listDist(dir)).toContain(new URL(north!.image as string).pathname.slice(1));
    // Nothing is said that the settings do not say.
    expect(south).not.toHaveProperty('geo');
    expect(south).not.toHaveProperty('telephone');
    expect(south).not.toHaveProperty('openingHoursSpecification');
    expect(south).not.toHaveProperty('image');
  });

  it("names the studios as the publisher's departments on every post, by the @id the booking page describes them under", () => {
    const book = jsonLd(readDist(dir, 'book/index.html'));
    const described = new Set(
      book.flatMap((d) => ((d.about as { department?: { '@id': string }[] })?.department ?? []).map((x) => x['@id'])),
    );
    expect(described.size).toBe(settings.locations.length);
    for (const f of postPages(dir)) {
      const [posting] = ofType(readDist(dir, f), 'BlogPosting');
      const departments = (posting!.publisher as { department: { '@id': string }[] }).department.map((d) => d['@id']);
      expect(new Set(departments), f).toEqual(described);
    }
  });

  it('gives every page meant for search engines structured data that fits it', () => {
    const expected: [RegExp, string][] = [
      [/^index\.html$/, 'WebSite'],
      [/^posts\/[^/]+\/index\.html$/, 'BlogPosting'],
      [/^authors\/[^/]+\/index\.html$/, 'ProfilePage'],
      [/^(page\/\d+|tags|tags\/[^/]+|authors|archive(\/\d{4}(\/\d{2})?)?)\/index\.html$/, 'CollectionPage'],
      [/^book\/index\.html$/, 'ContactPage'],
      [/^subscribe\/index\.html$/, 'WebPage'],
    ];
    const pages = listDist(dir).filter((f) => f.endsWith('.html'));
    let checked = 0;
    for (const f of pages) {
      const html = readDist(dir, f);
      if (/<meta name="robots" content="noindex/.test(html) || /http-equiv="refresh"/i.test(html)) continue;
      const types = jsonLd(html).map((d) => d['@type']);
      const rule = expected.find(([re]) => re.test(f));
      expect(rule, `${f} is indexable but no rule says what structured data it needs`).toBeDefined();
      expect(types, f).toContain(rule![1]);
      if (f !== 'index.html') expect(types, `${f} has no breadcrumbs`).toContain('BreadcrumbList');
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('lists the posts of a collection page in the order the page shows them', () => {
    const html = readDist(dir, 'tags/recovery/index.html');
    const [page] = ofType(html, 'CollectionPage');
    const listed = (page!.mainEntity as { itemListElement: { url: string }[] }).itemListElement.map((i) => new URL(i.url).pathname);
    const shown = [...html.matchAll(/class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(shown);
  });
});

describe('images', () => {
  const html = readDist(siteDir('site'), 'posts/fixture-hero-image/index.html');

  it('the hero is a <picture> with AVIF and WebP, sized, loaded first', () => {
    const picture = /<figure class="hero">([\s\S]*?)<\/figure>/.exec(html)![1]!;
    expect(picture).toMatch(/<source[^>]+type="image\/avif"/);
    expect(picture).toMatch(/<source[^>]+type="image\/webp"/);
    const img = /<img[^>]+>/.exec(picture)![0];
    expect(img).toMatch(/ width="\d+"/);
    expect(img).toMatch(/ height="\d+"/);
    expect(img).toContain('loading="eager"');
  });

  it('body images are WebP with width, height, candidates for each screen, sizes and lazy loading', () => {
    const prose = /<div class="prose">([\s\S]*?)<\/div>/.exec(html)![1]!;
    const img = /<img[^>]+>/.exec(prose)![0];
    expect(img).toMatch(/ width="\d+"/);
    expect(img).toMatch(/ height="\d+"/);
    expect(img).toContain('loading="lazy"');
    expect(img).toMatch(/ sizes="[^"]+38rem[^"]*"/);
    const candidates = /srcset="([^"]+)"/
      .exec(img)![1]!
      .split(',')
      .map((c) => c.trim().split(/\s+/));
    expect(candidates.length).toBeGreaterThan(1);
    for (const [url] of candidates) expect(url).toMatch(/\.webp$/);
    const descriptors = candidates.map((c) => c[1]);
    expect(new Set(descriptors).size).toBe(descriptors.length);
  });
});

describe('Content-Security-Policy', () => {
  for (const name of ['site', 'base']) {
    it(`"${name}": every page has one, allowing only hashed inline scripts and nothing from other origins`, () => {
      const dir = siteDir(name);
      for (const f of readerPages(dir)) {
        const html = readDist(dir, f);
        if (/<meta[^>]+http-equiv="refresh"/i.test(html)) continue;
        const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
        expect(csp, `${f} has no CSP`).toBeDefined();
        const directives = new Map(
          csp!
            .split(';')
            .map((d) => d.trim())
            .filter(Boolean)
            .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]),
        );
        expect(directives.get('default-src')).toEqual(["'self'"]);
        expect(directives.get('object-src')).toEqual(["'none'"]);
        const scripts = directives.get('script-src')!;
        expect(scripts).not.toContain("'unsafe-inline'");
        // Forms may post to the newsletter service from the subscribe page alone; nothing else names another origin.
        const newsletter = f === 'subscribe/index.html' ? 'https://buttondown.com' : undefined;
        expect(directives.get('form-action'), f).toEqual(newsletter ? ["'self'", newsletter] : ["'self'"]);
        for (const [name, sources] of directives) {
          for (const source of sources) if (name !== 'form-action') expect(source, `${f}: ${source}`).toMatch(/^'/);
        }
        for (const m of html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
          if (/type="application\/ld\+json"/.test(m[1]!)) continue;
          const hash = `'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`;
          expect(scripts, `${f}: inline script not allowed by hash`).toContain(hash);
        }
        for (const m of html.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*\s(?:src|srcset)="([^"]+)"/g)) {
          expect(m[1], `${f} loads from elsewhere`).not.toMatch(/^(https?:)?\/\//);
        }
        for (const m of html.matchAll(/<link\b[^>]*rel="(?:stylesheet|icon|preload|modulepreload|apple-touch-icon)"[^>]*href="([^"]+)"/g)) {
          expect(m[1], `${f} loads from elsewhere`).not.toMatch(/^(https?:)?\/\//);
        }
      }
    });
  }
});

describe('page weight', () => {
  it(`every post is at most ${POST_BUDGET_BYTES / 1024} KB gzipped (HTML, CSS and JS; pictures and fonts apart), with no external script`, () => {
    const dir = siteDir('site');
    const read = (f: string) => {
      try {
        return readFileSync(join(dir, f));
      } catch {
        return undefined;
      }
    };
    const weights = postPages(dir).map((f) => pageWeight(f, readDist(dir, f), '/', read));
    expect(weights.some((w) => w.images > 0)).toBe(true);
    for (const w of weights) {
      expect(w.gzip.total, w.page).toBeLessThanOrEqual(POST_BUDGET_BYTES);
      expect(w.gzip.js, `${w.page} loads a script file`).toBe(0);
    }
  });
});

describe('fonts', () => {
  const dir = siteDir('site');

  it(`come from this site, at most ${FONT_BUDGET_BYTES / 1024} KB in all, with two preloaded and each face swapping in`, () => {
    const home = readDist(dir, 'index.html');
    const faces = [...home.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
    const files = [...new Set(faces.flatMap((f) => [...f.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!.replace(/["']/g, ''))))];
    expect(files.length).toBeGreaterThanOrEqual(2);
    let total = 0;
    for (const url of files) {
      expect(url).toMatch(/^\/_astro\/[^/]+\.woff2$/);
      total += readFileSync(join(dir, url)).length;
    }
    expect(total).toBeLessThanOrEqual(FONT_BUDGET_BYTES);
    for (const face of faces.filter((f) => f.includes('url('))) expect(face).toContain('font-display:swap');
    // Every web font has a stand-in scaled to its size.
    expect(faces.filter((f) => /size-adjust/.test(f) && /local\(/.test(f)).length).toBe(2);
    const preloads = [...home.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin>/g)].map((m) => m[1]!);
    expect(preloads.length).toBe(2);
    for (const p of preloads) expect(files).toContain(p);
  });
});
