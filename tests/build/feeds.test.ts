/**
 * The feeds as subscribers' readers get them: the built RSS and JSON feeds of
 * the fixture sites, read with an independent parser (feedsmith), checked
 * against the fixture content as the standalone checker reads it, plus the
 * RSS structure rules checked here by hand.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed, type RssFeed as Rss } from 'feedsmith';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/content/read-content.ts';
import type { CheckedPost } from '../../src/lib/content/types.ts';
import { site } from '../../src/site.config.ts';
import { buildSite, type SiteBuild } from '../support/build-site.ts';
import { allText, listDist, readDist, readerPages, siteDir } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';
import { SITES } from '../support/sites.ts';
import { assertWellFormedXml } from '../support/xml.ts';

type RssFeed = Rss.Feed<string>;
type RssItem = Rss.Item<string>;

const NOW = new Date(FIXTURE_NOW);
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MARKERS = ['DRAFTMARKER', 'FUTUREMARKER', 'LATERTODAYMARKER'];

/** The public fixture posts, newest first, as the standalone checker (not Astro) reads them. */
function publicPosts(contentDir: string): (CheckedPost & { data: NonNullable<CheckedPost['data']> })[] {
  return readContent({ contentDir, timeZone: site.timezone, now: NOW })
    .posts.filter((p): p is CheckedPost & { data: NonNullable<CheckedPost['data']> } => Boolean(p.data))
    .filter((p) => !p.data.draft && p.data.date.getTime() <= NOW.getTime())
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.slug.localeCompare(b.slug));
}

const FIXTURE_POSTS = publicPosts(join(FIXTURES, 'content'));

// Which posts are public at the fixtures' "now", newest first: written out by hand, not worked out by the code under test.
const PUBLIC_SLUGS = [
  'custom-slug-fixture',
  'fixture-hero-image',
  'fixture-mdx-post',
  'fixture-massage-study',
  ...Array.from({ length: 10 }, (_, i) => `archive-filler-${String(10 - i).padStart(2, '0')}`),
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function origin(base: string): string {
  return `${site.url}${base}`;
}

function permalink(base: string, slug: string): string {
  return `${origin(base)}posts/${slug}/`;
}

function readRss(dir: string, path: string): { xml: string; feed: RssFeed } {
  const xml = readDist(dir, path);
  return { xml, feed: parseRssFeed(xml) };
}

/** Every URL-bearing attribute value in an HTML fragment (srcset split into its URLs). */
function urlsInHtml(html: string): string[] {
  const out: string[] = [];
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    if ('attrs' in node) {
      for (const a of node.attrs) {
        if (['href', 'src', 'poster', 'cite', 'action'].includes(a.name)) out.push(a.value);
        if (a.name === 'srcset') out.push(...a.value.split(',').map((c) => c.trim().split(/\s+/)[0]!));
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return out;
}

/** A dist path for an absolute URL of this site, or undefined for other sites. */
function distPathOf(url: string, base: string): string | undefined {
  if (!url.startsWith(origin(base))) return undefined;
  const path = decodeURI(url.slice(origin(base).length).replace(/[?#].*$/, ''));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** The RSS 2.0 rules a reader relies on, checked by hand on the raw XML and the parsed feed. */
function expectValidRss(xml: string, feed: RssFeed, selfUrl: string, base: string, dir: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(xml).toMatch(/<rss version="2\.0"[\s>]/);
  expect(xml.match(/<channel>/g)).toHaveLength(1);
  // Every prefix used is declared on <rss>.
  const rssTag = xml.match(/<rss [^>]*>/)![0];
  for (const prefix of new Set([...xml.matchAll(/<(\w+):\w+[\s>/]/g)].map((m) => m[1]!))) {
    expect(rssTag, `namespace prefix ${prefix}`).toContain(`xmlns:${prefix}=`);
  }
  // Required channel elements.
  expect(feed.title?.trim()).toBeTruthy();
  expect(feed.description?.trim()).toBeTruthy();
  expect(feed.link).toMatch(new RegExp(`^${escapeRe(origin(base))}`));
  expect(feed.language).toBe(site.lang);
  expect(feed.atom?.links).toContainEqual({ href: selfUrl, rel: 'self', type: 'application/rss+xml' });
  // Channel image: url, title and link must match the channel; at most 144 px wide.
  expect(feed.image?.title).toBe(feed.title);
  expect(feed.image?.link).toBe(feed.link);
  expect(feed.image?.width).toBeLessThanOrEqual(144);
  expect(existsSync(join(dir, distPathOf(feed.image!.url!, base)!))).toBe(true);
  // lastBuildDate: RFC 822, never after the build's now, not before the newest item.
  expect(feed.lastBuildDate).toMatch(RFC_822);
  const built = new Date(feed.lastBuildDate!).getTime();
  expect(built).toBeLessThanOrEqual(NOW.getTime());
  for (const item of feed.items ?? []) {
    expect(item.title || item.description, 'an item needs a title or a description').toBeTruthy();
    expect(item.link).toMatch(new RegExp(`^${escapeRe(origin(base))}posts/[a-z0-9-]+/$`));
    expect(item.guid?.isPermaLink).toBe(true);
    expect(item.guid?.value).toMatch(new RegExp(`^${escapeRe(origin(base))}posts/[a-z0-9-]+/$`));
    expect(item.pubDate).toMatch(RFC_822);
    expect(new Date(item.pubDate!).getTime()).toBeLessThanOrEqual(built);
    expect(item.content?.encoded?.trim()).toBeTruthy();
  }
  // Well-formed for a strict parser, and no XSL view: browsers are dropping XSLT (the subscribe page explains feeds).
  assertWellFormedXml(xml, selfUrl);
  expect(xml).not.toContain('xml-stylesheet');
}

function expectAbsoluteUrls(items: readonly RssItem[], base: string, dir: string): number {
  let count = 0;
  for (const item of items) {
    for (const url of urlsInHtml(item.content!.encoded!)) {
      count++;
      expect(url, `in ${item.link}`).toMatch(/^(https?:\/\/|mailto:|tel:|sms:)/);
      const local = distPathOf(url, base);
      if (url.startsWith(site.url)) {
        expect(local, `${url} is on this site but outside its base ${base}`).toBeDefined();
        expect(existsSync(join(dir, local!)), `${url} in ${item.link} is not in the build`).toBe(true);
      }
    }
  }
  return count;
}

describe.each(['site', 'base'] as const)('feeds of the "%s" fixture build', (name) => {
  const build: SiteBuild = SITES[name];
  const base = build.base ?? '/';
  const expected = FIXTURE_POSTS.slice(0, site.feedItems);
  let dir: string;
  let rss: { xml: string; feed: RssFeed };
  let items: RssItem[];
  beforeAll(() => {
    dir = siteDir(name);
    rss = readRss(dir, 'rss.xml');
    items = rss.feed.items ?? [];
  });

  it('carries the public posts, newest first, and nothing else', () => {
    expect(FIXTURE_POSTS.map((p) => p.slug)).toEqual(PUBLIC_SLUGS);
    expect(items.map((i) => i.link)).toEqual(PUBLIC_SLUGS.slice(0, site.feedItems).map((slug) => permalink(base, slug)));
  });

  it('is valid RSS 2.0 with language, image, lastBuildDate and self link', () => {
    expectValidRss(rss.xml, rss.feed, `${origin(base)}rss.xml`, base, dir);
    // Newest publish or update date among the items, as nothing is dated ahead of now here.
    const newest = Math.max(...expected.map((p) => Math.max(p.data.date.getTime(), p.data.updated?.getTime() ?? 0)));
    expect(new Date(rss.feed.lastBuildDate!).getTime()).toBe(newest);
  });

  it('lists the public posts, newest first, as many as the site setting allows', () => {
    expect(expected.length).toBeGreaterThan(5);
    expect(items.map((i) => i.link)).toEqual(expected.map((p) => permalink(base, p.slug)));
  });

  it('gives each item its title, summary, date, author, tags and a guid that is its first permalink', () => {
    const authors = readContent({ contentDir: join(FIXTURES, 'content'), timeZone: site.timezone, now: NOW }).authors;
    items.forEach((item, i) => {
      const post = expected[i]!;
      expect(item.title).toBe(post.data.title);
      expect(item.description).toBe(post.data.description);
      expect(new Date(item.pubDate!).getTime()).toBe(post.data.date.getTime());
      expect(item.dc?.creators).toEqual([authors.find((a) => a.id === post.data.author)!.data.name]);
      expect(item.categories?.map((c) => c.name)).toEqual(post.data.tags);
      expect(item.guid?.value).toBe(permalink(base, post.data.previousSlugs[0] ?? post.slug));
    });
  });

  it('carries the full HTML of Markdown and MDX posts with every URL absolute, under the base', () => {
    expect(expectAbsoluteUrls(items, base, dir)).toBeGreaterThan(5);
    const byLink = (slug: string) => items.find((i) => i.link === permalink(base, slug))!.content!.encoded!;
    // MDX: the expression ran and the JSX element is there.
    expect(byLink('fixture-mdx-post')).toContain('a session lasts 10 minutes');
    expect(byLink('fixture-mdx-post')).toContain('<aside class="callout">A callout written in JSX.</aside>');
    // Relative links, #fragment links, processed images and their srcset.
    const study = byLink('fixture-massage-study');
    expect(study).toContain(`href="${permalink(base, 'fixture-mdx-post')}"`);
    expect(study).toContain(`href="${permalink(base, 'fixture-massage-study')}#sources-heading"`);
    // A [@key] marker links to the source's entry on the post's page.
    expect(study).toContain(
      `(<a href="${permalink(base, 'fixture-massage-study')}#source-crane2012" id="cite-crane2012-1" class="citation" role="doc-biblioref">Crane et al., 2012</a>)`,
    );
    const hero = byLink('fixture-hero-image');
    expect(hero).toMatch(new RegExp(`<img [^>]*src="${escapeRe(origin(base))}_astro/body\\.[^"]+"`));
    expect(hero).toMatch(new RegExp(`srcset="${escapeRe(origin(base))}_astro/body\\.[^" ]+ \\d+w, `));
  });

  it("ends a post's content with its sources", () => {
    const study = items.find((i) => i.link === permalink(base, 'fixture-massage-study'))!.content!.encoded!;
    const citation = FIXTURE_POSTS.find((p) => p.slug === 'fixture-massage-study')!.data.citations[0]!;
    const sources = study.lastIndexOf('<h2>Sources</h2>');
    expect(sources).toBeGreaterThan(study.indexOf('A 2012 study is cited below'));
    expect(study.slice(sources)).toContain(`<a href="https://doi.org/${citation.doi}">`);
    expect(study.slice(sources)).toContain(citation.title);
    expect(study.trimEnd().endsWith('</section>')).toBe(true);
  });

  it('attaches the hero image, or else the Open Graph card, as media:content, absolute and in the build', () => {
    const hero = items.find((i) => i.link === permalink(base, 'fixture-hero-image'))!;
    const media = hero.media?.contents?.[0];
    expect(media).toMatchObject({ medium: 'image', type: 'image/jpeg' });
    expect(media?.url).toMatch(new RegExp(`^${escapeRe(origin(base))}_astro/`));
    expect(existsSync(join(dir, distPathOf(media!.url!, base)!))).toBe(true);
    // A post without a hero carries its Open Graph card.
    const card = items.find((i) => i.link === permalink(base, 'fixture-mdx-post'))!.media?.contents?.[0];
    expect(card).toMatchObject({
      url: `${origin(base)}og/posts/fixture-mdx-post.png`,
      medium: 'image',
      type: 'image/png',
      width: 1200,
      height: 630,
    });
    // Whatever a feed names must be in the build.
    for (const item of items) {
      for (const m of item.media?.contents ?? []) {
        expect(existsSync(join(dir, distPathOf(m.url!, base)!)), `${m.url} in ${item.link}`).toBe(true);
        expect(m.type).toMatch(/^image\//);
      }
    }
  });

  it('has a JSON Feed 1.1 with the same items as the RSS feed', () => {
    const json = JSON.parse(readDist(dir, 'feed.json'));
    const feed = parseJsonFeed(json);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe(rss.feed.title);
    expect(feed.home_page_url).toBe(origin(base));
    expect(feed.feed_url).toBe(`${origin(base)}feed.json`);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(items.map((i) => i.guid?.value));
    json.items.forEach((item: Record<string, unknown>, i: number) => {
      const post = expected[i]!;
      expect(item.url).toBe(permalink(base, post.slug));
      expect(item.title).toBe(post.data.title);
      expect(item.summary).toBe(post.data.description);
      expect(item.content_html).toBe(items[i]!.content?.encoded);
      expect(item.date_published).toMatch(RFC_3339);
      expect(item.date_modified).toMatch(RFC_3339);
      expect(new Date(item.date_published as string).getTime()).toBe(post.data.date.getTime());
      expect(new Date(item.date_modified as string).getTime()).toBe((post.data.updated ?? post.data.date).getTime());
      expect(item.tags).toEqual(post.data.tags);
      expect((item.authors as { name: string }[])[0]?.name).toBeTruthy();
    });
    expect(json.items.find((i: { url: string }) => i.url === permalink(base, 'fixture-hero-image')).image).toMatch(
      new RegExp(`^${escapeRe(origin(base))}_astro/`),
    );
  });

  it('has a feed per tag and per author, found from their pages, which link to a page that explains it', () => {
    const tags = [...new Set(FIXTURE_POSTS.flatMap((p) => p.data.tags))];
    const authors = [...new Set(FIXTURE_POSTS.map((p) => p.data.author))];
    const feeds = [
      ...tags.map((tag) => ({
        page: `tags/${tag}/`,
        feed: `tags/${tag}/rss.xml`,
        posts: FIXTURE_POSTS.filter((p) => p.data.tags.includes(tag)),
      })),
      ...authors.map((id) => ({
        page: `authors/${id}/`,
        feed: `authors/${id}/rss.xml`,
        posts: FIXTURE_POSTS.filter((p) => p.data.author === id),
      })),
    ];
    for (const { page, feed: path, posts } of feeds) {
      const { xml, feed } = readRss(dir, path);
      expectValidRss(xml, feed, `${origin(base)}${path}`, base, dir);
      expect(feed.link).toBe(`${origin(base)}${page}`);
      expect(feed.items?.map((i) => i.link) ?? []).toEqual(posts.slice(0, site.feedItems).map((p) => permalink(base, p.slug)));
      const html = readDist(dir, `${page}index.html`);
      expect(html).toMatch(
        new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="${escapeRe(`${origin(base)}${path}`)}"`),
      );
      // The visible "Follow" link leads to an HTML page with the feed's address, not to the XML.
      const follow = `subscribe/${page}`;
      expect(html).toContain(`href="${base}${follow}"`);
      expect(readDist(dir, `${follow}index.html`)).toContain(`value="${origin(base)}${path}"`);
    }
    // No feed for a tag that only a draft uses.
    expect(existsSync(join(dir, 'tags/draftonlytag/rss.xml'))).toBe(false);
  });

  it('lets readers find the feeds from every page, and subscribe from the footer', () => {
    const pages = readerPages(dir);
    const redirects = pages.filter((p) => readDist(dir, p).includes('http-equiv="refresh"'));
    const real = pages.filter((p) => !redirects.includes(p));
    expect(real.length).toBeGreaterThan(20);
    for (const page of real) {
      const html = readDist(dir, page);
      expect(html, page).toContain(
        `<link rel="alternate" type="application/rss+xml" title="${site.title} (RSS)" href="${origin(base)}rss.xml">`,
      );
      expect(html, page).toContain(
        `<link rel="alternate" type="application/feed+json" title="${site.title} (JSON Feed)" href="${origin(base)}feed.json">`,
      );
    }
    expect(readDist(dir, 'index.html')).toContain(`<a href="${base}subscribe/">Subscribe</a>`);
    const subscribe = readDist(dir, 'subscribe/index.html');
    expect(subscribe).toContain(`value="${origin(base)}rss.xml"`);
    expect(subscribe).toContain(`href="${base}feed.json"`);
    for (const path of ['subscribe/tags/massage/', 'subscribe/authors/ada-fixture/']) expect(subscribe).toContain(`href="${base}${path}"`);
    // No page sends a reader to raw XML: browsers show it as code (or warn about XSLT).
    // (A reader's add-a-feed link carries the address as a parameter: that is a link to the reader, not to the XML.)
    const own = new RegExp(`<a [^>]*href="(?:${escapeRe(origin(base))}|${escapeRe(base)}(?!/))[^"?]*\\.xml"`);
    for (const page of real) expect(own.test(readDist(dir, page)), `${page} links to a feed's XML`).toBe(false);
  });

  it('never carries a draft or a scheduled post', () => {
    const feedFiles = listDist(dir).filter((p) => p.endsWith('rss.xml') || p === 'feed.json');
    expect(feedFiles.length).toBeGreaterThan(3);
    const text = feedFiles.map((p) => readDist(dir, p)).join('\n');
    for (const marker of MARKERS) expect(text).not.toContain(marker);
    expect(allText(dir)).not.toContain('DRAFTMARKER');
  });
});

describe('feeds of the "empty" fixture build', () => {
  it('are valid with no items', () => {
    const dir = siteDir('empty');
    const { xml, feed } = readRss(dir, 'rss.xml');
    expectValidRss(xml, feed, `${site.url}/rss.xml`, '/', dir);
    expect(feed.items ?? []).toEqual([]);
    // With nothing published, the feed last changed "now".
    expect(new Date(feed.lastBuildDate!).getTime()).toBe(NOW.getTime());
    const json = JSON.parse(readDist(dir, 'feed.json'));
    expect(parseJsonFeed(json).title).toBe(site.title);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items).toEqual([]);
    const author = readRss(dir, 'authors/ada-fixture/rss.xml');
    expectValidRss(author.xml, author.feed, `${site.url}/authors/ada-fixture/rss.xml`, '/', dir);
    expect(listDist(dir).filter((p) => p.startsWith('tags/') && p.endsWith('rss.xml'))).toEqual([]);
  });
});

/**
 * Guids across edits, under the /blog/ base: a copy of the fixture content
 * where one post has a new title and text, one has moved to a new address
 * (with previousSlugs), and a post that moved before it was copied in
 * (tests/fixtures/feeds/) brings footnotes and a srcset of its own. Built with
 * a short feed; every guid must be the one the unedited "base" build gave.
 */
describe('feeds after a title edit and a rename', () => {
  const base = '/blog/';
  const contentDir = join(OUT, 'feeds-edited-content');
  const postsDir = join(contentDir, 'posts');
  const FEED_ITEMS = 5;
  let dir: string;
  let edited: RssFeed;
  let original: RssFeed;
  let expected: ReturnType<typeof publicPosts>;

  beforeAll(() => {
    rmSync(contentDir, { recursive: true, force: true });
    cpSync(join(FIXTURES, 'content'), contentDir, { recursive: true });
    cpSync(join(FIXTURES, 'feeds'), postsDir, { recursive: true });
    const mdx = join(postsDir, '2026-11-10-fixture-mdx-post.mdx');
    writeFileSync(
      mdx,
      readFileSync(mdx, 'utf8')
        .replace('title: Fixture MDX post', 'title: A new headline for the MDX post')
        .replace('This MDX post says', 'This edited MDX post now says'),
    );
    const hero = join(postsDir, '2026-11-15-fixture-hero-image.md');
    writeFileSync(
      hero,
      readFileSync(hero, 'utf8').replace(
        'tags: [',
        'previousSlugs: [fixture-hero-image]\nredirectFrom: [/blog/post/hero-on-the-old-site, /post/hero-outside-the-blog]\ntags: [',
      ),
    );
    renameSync(hero, join(postsDir, '2026-11-15-fixture-hero-image-moved.md'));
    expected = publicPosts(contentDir);

    // The build is reused while the edited content (and everything buildSite hashes) is unchanged.
    const hash = createHash('sha256');
    for (const f of readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).sort()) {
      hash.update(f);
      if (/\.(md|mdx|ya?ml)$/.test(f)) hash.update(readFileSync(join(contentDir, f)));
    }
    const result = buildSite({
      name: 'feeds-edited',
      contentDir,
      base,
      now: FIXTURE_NOW,
      env: { SITE_FEED_ITEMS: String(FEED_ITEMS), CONTENT_HASH: hash.digest('hex') },
    });
    if (!result.ok) throw new Error(`The edited copy failed to build:\n${result.output}`);
    dir = result.outDir;
    edited = parseRssFeed(readDist(dir, 'rss.xml'));
    original = parseRssFeed(readDist(siteDir('base'), 'rss.xml'));
  }, 180_000);

  const item = (feed: RssFeed, slug: string) => feed.items!.find((i) => i.link === permalink(base, slug))!;

  it('keeps the feed to the configured number of items, newest first', () => {
    expect(expected.length).toBeGreaterThan(FEED_ITEMS);
    expect(edited.items!.map((i) => i.link)).toEqual(expected.slice(0, FEED_ITEMS).map((p) => permalink(base, p.slug)));
    expectValidRss(readDist(dir, 'rss.xml'), edited, `${origin(base)}rss.xml`, base, dir);
  });

  it('gives the retitled post its old guid and the new title', () => {
    const before = item(original, 'fixture-mdx-post');
    const after = item(edited, 'fixture-mdx-post');
    expect(after.title).toBe('A new headline for the MDX post');
    expect(after.title).not.toBe(before.title);
    expect(after.content?.encoded).toContain('This edited MDX post now says');
    expect(after.guid).toEqual(before.guid);
  });

  it('gives the moved post its old guid at its new address, and forwards the old address', () => {
    const before = item(original, 'fixture-hero-image');
    const after = item(edited, 'fixture-hero-image-moved');
    expect(after.guid).toEqual(before.guid);
    expect(after.guid?.value).toBe(permalink(base, 'fixture-hero-image'));
    const redirect = readDist(dir, 'posts/fixture-hero-image/index.html');
    expect(redirect).toContain(`url=${origin(base)}posts/fixture-hero-image-moved/`);
    expect(redirect).toContain(`<link rel="canonical" href="${origin(base)}posts/fixture-hero-image-moved/">`);
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    const json = JSON.parse(readDist(dir, 'feed.json'));
    expect(json.items.find((i: { url: string }) => i.url === after.link).id).toBe(before.guid?.value);
  });

  it('keeps the first address of a post that moved before', () => {
    const moved = item(edited, 'fixture-renamed-post');
    expect(moved.guid?.value).toBe(permalink(base, 'fixture-first-address'));
    expect(readDist(dir, 'posts/fixture-first-address/index.html')).toContain(`url=${origin(base)}posts/fixture-renamed-post/`);
  });

  it("forwards addresses from the old site: a page inside the site's folder, host rules for every one, and the API's map", () => {
    const to = `${base}posts/fixture-hero-image-moved/`;
    expect(readDist(dir, 'post/hero-on-the-old-site/index.html')).toContain(`url=${origin(base)}posts/fixture-hero-image-moved/`);
    // Outside /blog/ only the host's rules can answer, so no page is written there.
    expect(existsSync(join(dir, '..', 'post'))).toBe(false);
    const rules = readDist(dir, '_redirects').split('\n');
    for (const from of [
      '/blog/post/hero-on-the-old-site',
      '/blog/post/hero-on-the-old-site/',
      '/post/hero-outside-the-blog',
      '/blog/posts/fixture-hero-image/',
    ]) {
      expect(rules).toContain(`${from} ${to} 301!`);
    }
    const map = JSON.parse(readDist(dir, 'api/v1/redirects.json')) as {
      count: number;
      redirects: { from: string; to: string; status: number }[];
    };
    expect(map.redirects).toContainEqual({
      from: '/post/hero-outside-the-blog',
      to: `${origin(base)}posts/fixture-hero-image-moved/`,
      status: 301,
    });
    expect(map.count).toBe(map.redirects.length);
    // The sitemap lists real pages only.
    expect(readDist(dir, 'sitemap-0.xml')).not.toContain('hero-on-the-old-site');
  });

  it('changes no other guid', () => {
    const originalGuids = new Map(original.items!.map((i) => [i.title, i.guid?.value]));
    const kept = edited.items!.filter((i) => originalGuids.has(i.title));
    expect(kept.length).toBeGreaterThanOrEqual(FEED_ITEMS - 2);
    for (const i of kept) expect(i.guid?.value).toBe(originalGuids.get(i.title));
  });

  it('makes footnote links, relative links and a hand-written srcset absolute under the base', () => {
    expect(expectAbsoluteUrls(edited.items!, base, dir)).toBeGreaterThan(10);
    const html = item(edited, 'fixture-renamed-post').content!.encoded!;
    const page = permalink(base, 'fixture-renamed-post');
    expect(html).toContain(`href="${permalink(base, 'fixture-massage-study')}"`);
    expect(html).toContain(`href="${page}#user-content-fn-study"`);
    expect(html).toContain(`href="${page}#user-content-fnref-study"`);
    expect(html).toContain(`href="${permalink(base, 'fixture-massage-study')}#sources-heading"`);
    expect(html).toContain(`srcset="${origin(base)}feed-icon.png 1x, ${origin(base)}apple-touch-icon.png 2x"`);
  });
});
