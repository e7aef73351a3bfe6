/**
 * The outputs src/data/ makes from the build's posts without a build: the
 * feeds (feeds.ts), the JSON API (api.ts), the picture that stands for a post
 * (post-image.ts) and the bodies they carry (post-html.ts). Astro's virtual
 * modules are fixtures (tests/unit/support/astro-fixtures.ts): getImage()
 * names its output after the picture and width, the container names the entry
 * it rendered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SitePost } from '../../src/data/posts.ts';
import { openHtmlCache, shareHtmlCache, type HtmlCache } from '../../src/lib/post-html-cache.ts';
import type { AstroFixture } from './support/astro-fixtures.ts';
import { aPost, authorEntry, clearSession, picture, postEntry, shareFixtureSession } from './support/astro-fixtures.ts';

const astro = vi.hoisted(() => ({ posts: [], authors: [], calls: [] }) as AstroFixture);
vi.mock('astro:content', async () => (await import('./support/astro-fixtures.ts')).mockedAstroContent(astro));
vi.mock('astro:assets', async () => (await import('./support/astro-fixtures.ts')).mockedAstroAssets(astro));
vi.mock('astro:container', async () => (await import('./support/astro-fixtures.ts')).mockedContainerModule());
vi.mock('astro/container', async () => (await import('./support/astro-fixtures.ts')).mockedContainer(astro));
vi.mock('@astrojs/mdx/container-renderer', async () => (await import('./support/astro-fixtures.ts')).mockedMdxRenderer());

const NOW = '2026-11-27T12:00:00-05:00';
const HERO = picture('/_astro/hero.jpg', 1600, 900);

/** Three public posts (plain Markdown, Markdown with pictures, MDX) and a draft, stored as a build stores them. */
function threePostsAndADraft(cache: HtmlCache) {
  return [
    postEntry(
      aPost('with-pictures', {
        title: 'A room with a view',
        date: new Date('2026-11-20T05:00:00Z'),
        tags: ['massage', 'rooms'],
        image: { src: './images/hero.jpg', alt: 'The treatment room at dawn' },
      }),
      { hero: HERO, bodyPictures: ['./images/body.jpg'] },
    ),
    postEntry(aPost('a-draft', { date: new Date('2026-11-26T05:00:00Z'), draft: true })),
    postEntry(aPost('mdx-post', { format: 'mdx', date: new Date('2026-11-15T05:00:00Z'), authorId: 'ben-sample', tags: ['stretching'] })),
    postEntry(
      aPost('plain', {
        title: 'Plain words',
        date: new Date('2026-11-25T05:00:00Z'),
        updated: new Date('2026-11-26T05:00:00Z'),
        tags: ['massage'],
      }),
      { html: '<p>Plain text, with <a href="/posts/with-pictures/">a link</a>.</p>', cache },
    ),
  ];
}

const AUTHORS = [
  authorEntry('ada-fixture', 'Ada Fixture', picture('/_astro/ada.png', 800, 800)),
  authorEntry('ben-sample', 'Ben Sample', picture('/_astro/ben.png', 300, 300)),
];

async function load(env: Record<string, string> = {}) {
  vi.resetModules();
  astro.calls = [];
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  shareFixtureSession('build', NOW);
  const [posts, feeds, api, postImage] = await Promise.all([
    import('../../src/data/posts.ts'),
    import('../../src/data/feeds.ts'),
    import('../../src/data/api.ts'),
    import('../../src/data/post-image.ts'),
  ]);
  return { ...posts, ...feeds, ...api, ...postImage };
}

const request = (posts: SitePost[]) => ({
  title: 'Wellness Rituals',
  description: 'The journal.',
  homePath: '',
  selfPath: 'rss.xml',
  posts,
});

let cache: HtmlCache;

beforeEach(() => {
  cache = openHtmlCache(mkdtempSync(join(tmpdir(), 'blog-post-html-')));
  shareHtmlCache(cache);
  astro.posts = threePostsAndADraft(cache);
  astro.authors = AUTHORS;
});

afterEach(() => {
  rmSync(cache.dir, { recursive: true, force: true });
  shareHtmlCache(undefined);
  clearSession();
  vi.unstubAllEnvs();
});

describe('feeds', () => {
  it('carry the public posts newest first, each with its full text, links made absolute', async () => {
    const data = await load();
    const json = parseJsonFeed(await (await data.jsonFeedResponse(request(await data.getPosts()))).json());
    expect(json.items?.map((i) => i.id)).toEqual([
      'https://www.myrituals.me/posts/plain/',
      'https://www.myrituals.me/posts/with-pictures/',
      'https://www.myrituals.me/posts/mdx-post/',
    ]);
    expect(json.items?.map((i) => i.content_html)).toEqual([
      // Markdown without pictures: the HTML the content loader made.
      '<p>Plain text, with <a href="https://www.myrituals.me/posts/with-pictures/">a link</a>.</p>',
      // Pictures still to process, and MDX: rendered by Astro's container, as the page renders them.
      '<p>with-pictures as the container renders it</p>',
      '<p>mdx-post as the container renders it</p>',
    ]);
    expect(json.items?.map((i) => i.authors)).toEqual([
      [{ name: 'Ada Fixture', url: 'https://www.myrituals.me/authors/ada-fixture/' }],
      [{ name: 'Ada Fixture', url: 'https://www.myrituals.me/authors/ada-fixture/' }],
      [{ name: 'Ben Sample', url: 'https://www.myrituals.me/authors/ben-sample/' }],
    ]);
  });

  it("show the hero's largest JPEG, or the Open Graph card for a post without one", async () => {
    const data = await load();
    const rss = parseRssFeed(await (await data.rssResponse(request(await data.getPosts()))).text());
    const media = new Map(rss.items?.map((i) => [i.link, i.media?.contents?.[0]]));
    expect(media.get('https://www.myrituals.me/posts/with-pictures/')).toMatchObject({
      url: 'https://www.myrituals.me/_astro/hero_1200.jpg',
      type: 'image/jpeg',
      width: 1200,
      height: 675,
      description: { value: 'The treatment room at dawn' },
    });
    expect(media.get('https://www.myrituals.me/posts/plain/')).toMatchObject({
      url: 'https://www.myrituals.me/og/posts/plain.png',
      type: 'image/png',
      width: 1200,
      height: 630,
      description: { value: 'Plain words' },
    });
  });

  it('say they last changed at their newest post\'s update, but never after the build\'s "now"', async () => {
    const data = await load();
    const posts = await data.getPosts();
    // `plain` was updated on 26 November, after every other post's date.
    expect(data.feedUpdated(posts)).toEqual(new Date('2026-11-26T05:00:00Z'));
    const rss = parseRssFeed(await (await data.rssResponse(request(posts))).text());
    expect(rss.lastBuildDate).toBe('Thu, 26 Nov 2026 05:00:00 GMT');

    const updatedAhead = posts.map((p) => (p.slug === 'plain' ? { ...p, updated: new Date('2026-12-01T05:00:00Z') } : p));
    expect(data.feedUpdated(updatedAhead)).toEqual(new Date('2026-11-27T17:00:00Z'));
    expect(data.feedUpdated([])).toEqual(new Date('2026-11-27T17:00:00Z'));
  });

  it('carry the newest site.feedItems posts', async () => {
    const data = await load({ SITE_FEED_ITEMS: '2' });
    expect(data.feedPosts(await data.getPosts()).map((p) => p.slug)).toEqual(['plain', 'with-pictures']);
    const json = parseJsonFeed(await (await data.jsonFeedResponse(request(await data.getPosts()))).json());
    expect(json.items?.map((i) => i.url)).toEqual([
      'https://www.myrituals.me/posts/plain/',
      'https://www.myrituals.me/posts/with-pictures/',
    ]);
  });

  it('render each body once in a build, however many feeds carry it, yet tell Astro every time', async () => {
    const data = await load();
    const posts = await data.getPosts();
    await data.rssResponse(request(posts));
    await data.jsonFeedResponse(request(posts));
    await data.rssResponse({ ...request(posts.filter((p) => p.tags.includes('massage'))), selfPath: 'tags/massage/rss.xml' });
    const count = (call: string) => astro.calls.filter((c) => c === call).length;
    expect(count('container with-pictures')).toBe(1);
    expect(count('container mdx-post')).toBe(1);
    expect(count('container plain')).toBe(0);
    // render() marks the route as showing the entry (Astro's incremental build tracks it): once for each
    // feed that carries the post, and once more for the one body the container renders. A cached body
    // has nothing there to track (Astro keeps hashes for compiled MDX only); the route's key holds its file's digest.
    expect(count('render plain')).toBe(0);
    expect(count('render with-pictures')).toBe(3 + 1);
    expect(count('render mdx-post')).toBe(2 + 1);
  });
});

describe('the JSON API', () => {
  it('lists the public posts only, newest first', async () => {
    const data = await load();
    const { model } = await data.apiModel();
    expect(model.postsPages(20)[0]?.posts.map((p) => p.slug)).toEqual(['plain', 'with-pictures', 'mdx-post']);
    expect(model.search().posts.map((p) => p.slug)).toEqual(['plain', 'with-pictures', 'mdx-post']);
  });

  it("gives a post in full: its body as the page renders it, its hero's JPEG and its card", async () => {
    const data = await load();
    const { posts } = await data.apiModel();
    const source = posts.find((s) => s.post.slug === 'with-pictures')!;
    const { post } = await data.apiPost(source);
    expect(post.html).toBe('<p>with-pictures as the container renders it</p>');
    expect(post.feature_image).toEqual({
      url: 'https://www.myrituals.me/_astro/hero_1200.jpg',
      alt: 'The treatment room at dawn',
      width: 1200,
      height: 675,
    });
    expect(post.og_image).toBe('https://www.myrituals.me/og/posts/with-pictures.png');
    expect(post.author.name).toBe('Ada Fixture');
  });

  it('gives a Markdown body from the post HTML cache, as the content loader wrote it', async () => {
    const data = await load();
    const { posts } = await data.apiModel();
    cache.write('body-of-plain', '<p>Written by the loader of this build.</p>\n');
    const { post } = await data.apiPost(posts.find((s) => s.post.slug === 'plain')!);
    expect(post.html).toBe('<p>Written by the loader of this build.</p>');
  });

  it('stops, naming the post, when its body is missing from the cache', async () => {
    const data = await load();
    const { posts } = await data.apiModel();
    rmSync(join(cache.dir, 'body-of-plain.html'));
    await expect(data.apiPost(posts.find((s) => s.post.slug === 'plain')!)).rejects.toThrow(
      `The body of "plain" is missing from ${cache.dir}; build again`,
    );
  });

  it('gives authors a JPEG avatar 400 pixels wide at most', async () => {
    const data = await load();
    const { model } = await data.apiModel();
    expect(model.authors().authors.map((a) => [a.id, a.avatar, a.count])).toEqual([
      ['ada-fixture', 'https://www.myrituals.me/_astro/ada_400.jpeg', 2],
      ['ben-sample', 'https://www.myrituals.me/_astro/ben_300.jpeg', 1],
    ]);
  });

  it('is made once in a build', async () => {
    const data = await load();
    expect(await data.apiModel()).toBe(await data.apiModel());
  });
});

describe('the picture that stands for a post', () => {
  it("is its hero's largest JPEG, or its Open Graph card", async () => {
    const data = await load();
    const bySlug = new Map((await data.getPosts()).map((p) => [p.slug, p]));
    expect(await data.postImageFacts(bySlug.get('with-pictures')!)).toEqual({
      url: 'https://www.myrituals.me/_astro/hero_1200.jpg',
      width: 1200,
      height: 675,
      alt: 'The treatment room at dawn',
    });
    expect(await data.postImageFacts(bySlug.get('plain')!)).toEqual({
      url: 'https://www.myrituals.me/og/posts/plain.png',
      width: 1200,
      height: 630,
      alt: 'Plain words',
    });
  });
});
