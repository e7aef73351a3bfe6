import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { listDist, readDist, readerPages, siteDir } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';
import { countNear, countNot, decodePng, marginIntruders, offPaletteColourful, type Pixels } from '../support/png.ts';
import { site as config } from '../../src/site.config.ts';
import { SAFE_MARGIN } from '../../src/lib/og/template.ts';

const { background, ink, accent } = config.palette;
const ORIGIN = 'https://www.myrituals.me';

/** The meta tags of a page, `property` and `name` alike, with their content unescaped. */
function metaTags(html: string): [string, string][] {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]);
}
const one = (tags: [string, string][], key: string) => {
  const found = tags.filter(([k]) => k === key).map(([, v]) => v);
  expect(found, key).toHaveLength(1);
  return found[0]!;
};
const all = (tags: [string, string][], key: string) => tags.filter(([k]) => k === key).map(([, v]) => v);

/** HTML pages a person lands on (redirect stubs for old addresses carry no page of their own). */
function pages(dir: string): string[] {
  return readerPages(dir).filter((f) => !/http-equiv="refresh"/i.test(readDist(dir, f)));
}

const postSlugs = (dir: string) =>
  listDist(dir)
    .map((f) => /^posts\/([^/]+)\/index\.html$/.exec(f)?.[1])
    .filter((s): s is string => Boolean(s) && !/http-equiv="refresh"/i.test(readDist(dir, `posts/${s}/index.html`)));

async function card(dir: string, path: string): Promise<Pixels> {
  return decodePng(join(dir, path));
}

function expectACard(img: Pixels, label: string): void {
  expect([img.width, img.height], label).toEqual([1200, 630]);
  // Not blank: text in ink and the mark, tag and rule in the accent colour on the background.
  expect(countNear(img, ink, 12), label).toBeGreaterThan(3000);
  expect(countNear(img, accent, 12), label).toBeGreaterThan(1000);
  expect(marginIntruders(img, SAFE_MARGIN, background), label).toEqual([]);
}

describe('Open Graph images of the fixture site', () => {
  const dir = siteDir('site');
  const files = listDist(dir);

  it('has one card per public post and a default card, and none for drafts or scheduled posts', () => {
    const cards = files.filter((f) => f.startsWith('og/posts/')).map((f) => f.replace(/^og\/posts\/|\.png$/g, ''));
    expect(cards.sort()).toEqual(postSlugs(dir).sort());
    expect(cards.length).toBeGreaterThan(10);
    expect(files).toContain('og/default.png');
    expect(files.filter((f) => /^og\//.test(f) && /draft|future|later-today/.test(f))).toEqual([]);
  });

  it('draws every card at 1200×630, not blank, inside the safe margin', async () => {
    for (const path of files.filter((f) => f.startsWith('og/'))) expectACard(await card(dir, path), path);
  });

  it('gives each post its own picture', async () => {
    const a = await card(dir, 'og/posts/fixture-massage-study.png');
    const b = await card(dir, 'og/posts/fixture-mdx-post.png');
    expect(a.data.equals(b.data)).toBe(false);
  });
});

describe('social meta tags on the fixture site', () => {
  const dir = siteDir('site');

  it('are on every page: title, description, absolute image that exists, its size and alt, type, URL, Twitter card, canonical', () => {
    const list = pages(dir);
    expect(list.length).toBeGreaterThan(20);
    for (const page of list) {
      const html = readDist(dir, page);
      const tags = metaTags(html);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, page).toBeTruthy();
      expect(one(tags, 'og:title'), page).not.toBe('');
      expect(one(tags, 'og:description'), page).not.toBe('');
      expect(one(tags, 'og:url'), page).toBe(canonical);
      const image = one(tags, 'og:image');
      expect(image, page).toMatch(/^https:\/\/www\.myrituals\.me\/og\/(posts\/[a-z0-9-]+|default)\.png$/);
      expect(existsSync(join(dir, new URL(image).pathname)), `${page}: ${image}`).toBe(true);
      expect(one(tags, 'og:image:width'), page).toBe('1200');
      expect(one(tags, 'og:image:height'), page).toBe('630');
      expect(one(tags, 'og:image:alt').length, page).toBeGreaterThan(10);
      expect(['article', 'website'], page).toContain(one(tags, 'og:type'));
      expect(one(tags, 'twitter:card'), page).toBe('summary_large_image');
    }
  });

  it('make a post an article with its own card, published time, author page and tags', () => {
    const html = readDist(dir, 'posts/fixture-massage-study/index.html');
    const tags = metaTags(html);
    expect(one(tags, 'og:type')).toBe('article');
    expect(one(tags, 'og:title')).toBe('Fixture post with a citation');
    expect(one(tags, 'og:image')).toBe(`${ORIGIN}/og/posts/fixture-massage-study.png`);
    expect(one(tags, 'og:image:alt')).toContain('Fixture post with a citation');
    expect(one(tags, 'article:published_time')).toBe('2026-11-01T00:00:00-04:00');
    expect(one(tags, 'article:modified_time')).toBe('2026-11-05T00:00:00-05:00');
    expect(one(tags, 'article:author')).toBe(`${ORIGIN}/authors/ada-fixture/`);
    expect(all(tags, 'article:tag')).toEqual(['massage', 'recovery', 'research']);
  });

  it('give every post page article tags and every other page the default card as a website', () => {
    for (const page of pages(dir)) {
      const tags = metaTags(readDist(dir, page));
      const slug = /^posts\/([^/]+)\/index\.html$/.exec(page)?.[1];
      if (slug) {
        expect(one(tags, 'og:type'), page).toBe('article');
        expect(one(tags, 'og:image'), page).toBe(`${ORIGIN}/og/posts/${slug}.png`);
        expect(one(tags, 'article:published_time'), page).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);
        expect(all(tags, 'article:tag').length, page).toBeGreaterThan(0);
      } else {
        expect(one(tags, 'og:type'), page).toBe('website');
        expect(one(tags, 'og:image'), page).toBe(`${ORIGIN}/og/default.png`);
        expect(all(tags, 'article:published_time'), page).toEqual([]);
      }
    }
  });
});

describe('Open Graph under a base path', () => {
  it('points og:image into the base, where the file is', () => {
    const dir = siteDir('base');
    const tags = metaTags(readDist(dir, 'posts/fixture-mdx-post/index.html'));
    expect(one(tags, 'og:image')).toBe(`${ORIGIN}/blog/og/posts/fixture-mdx-post.png`);
    expect(one(tags, 'og:url')).toBe(`${ORIGIN}/blog/posts/fixture-mdx-post/`);
    expect(listDist(dir)).toContain('og/posts/fixture-mdx-post.png');
    expect(one(metaTags(readDist(dir, 'index.html')), 'og:image')).toBe(`${ORIGIN}/blog/og/default.png`);
  });
});

describe('Open Graph cards for hard titles (tests/fixtures/og)', () => {
  let dir = '';
  let log = '';
  const ogCache = join(OUT, 'og', 'og-cache');
  beforeAll(() => {
    const result = buildSite(
      {
        name: 'og',
        contentDir: join(FIXTURES, 'og'),
        now: FIXTURE_NOW,
        // Its own cache, so these cards are drawn by this build.
        env: { OG_CACHE_DIR: ogCache },
      },
      // Built every time: the log of this very build is read below.
      { reuse: false },
    );
    expect(result.ok, result.output).toBe(true);
    dir = result.outDir;
    log = result.output;
  });

  it('starts drawing the cards ahead of the pages, the very cards the pages then use', () => {
    // The pipeline starts the four public posts' cards and the site's card as soon as the content is read...
    expect(log).toContain('5 Open Graph cards not in the cache: drawing started ahead of the pages');
    // ...and writes exactly those: a card drawn twice would be cached apart, and a draft's or
    // scheduled post's card would be there too.
    expect(readdirSync(ogCache).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    // And each card in the build is the cached card, byte for byte (a hard link where the disk allows).
    const cached = new Set(
      readdirSync(ogCache)
        .filter((f) => f.endsWith('.png'))
        .map((f) => readFileSync(join(ogCache, f)).toString('base64')),
    );
    const built = listDist(dir).filter((f) => f.startsWith('og/'));
    expect(built).toHaveLength(5);
    for (const f of built) expect(cached.has(readFileSync(join(dir, f)).toString('base64')), f).toBe(true);
  });

  it('draws emoji from the bundled set: the emoji title differs from the same title without', async () => {
    const emoji = await card(dir, 'og/posts/emoji-title.png');
    const plain = await card(dir, 'og/posts/emoji-title-plain.png');
    expectACard(emoji, 'emoji');
    expect(emoji.data.equals(plain.data)).toBe(false);
    // The leaf and the figure bring colours the palette does not have; an empty box would not.
    expect(offPaletteColourful(emoji, [background, ink, accent]) - offPaletteColourful(plain, [background, ink, accent])).toBeGreaterThan(
      500,
    );
    expect(one(metaTags(readDist(dir, 'posts/emoji-title/index.html')), 'og:title')).toBe('Stretch 🌿 and breathe 🧘‍♀️');
  });

  it('keeps a background-coloured margin around a very long title', async () => {
    const img = await card(dir, 'og/posts/very-long-title.png');
    expectACard(img, 'very long title');
    expect(countNot(img, background)).toBeGreaterThan(30_000);
  });

  it('draws accents, curly quotes and dashes', async () => {
    expectACard(await card(dir, 'og/posts/latin-extended.png'), 'latin extended');
    const alt = one(metaTags(readDist(dir, 'posts/latin-extended/index.html')), 'og:image:alt');
    expect(alt).toContain('Zoë’s “café” stretch — Łódź, São Paulo & Ærø');
    expect(alt).toContain('Zoë Núñez-Łukasiewicz');
  });

  it('gives drafts and scheduled posts no card', () => {
    const cards = listDist(dir).filter((f) => f.startsWith('og/posts/'));
    expect(cards.sort()).toEqual([
      'og/posts/emoji-title-plain.png',
      'og/posts/emoji-title.png',
      'og/posts/latin-extended.png',
      'og/posts/very-long-title.png',
    ]);
  });
});
