/**
 * src/data/posts.ts without a build: `astro:content` serves fixture entries
 * (tests/unit/support/astro-fixtures.ts) and the pipeline's session is a stub
 * with a fixed "now". Each test loads the module afresh, since a build's data
 * layer reads once and remembers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHtmlCache, shareHtmlCache } from '../../src/lib/post-html-cache.ts';
import type { AstroFixture } from './support/astro-fixtures.ts';
import { aPost, authorEntry, brokenEntry, clearSession, picture, postEntry, shareFixtureSession } from './support/astro-fixtures.ts';
import { CRANE_2012 } from './support/citations.ts';

const astro = vi.hoisted(() => ({ posts: [], authors: [], calls: [] }) as AstroFixture);
vi.mock('astro:content', async () => (await import('./support/astro-fixtures.ts')).mockedAstroContent(astro));

/** The build's one "now": noon in the studio's zone (17:00 UTC). */
const NOW = '2026-11-27T12:00:00-05:00';

const problem = (file: string) => ({
  file,
  line: 3,
  field: 'description',
  message: 'is too short; write at least 50 characters',
  severity: 'error' as const,
});

/** In file order, which is not the order lists show. */
function contentOfTheDay() {
  return [
    postEntry(aPost('older-post', { date: new Date('2026-11-01T04:00:00Z'), authorId: 'ben-sample' })),
    postEntry(aPost('tie-b', { date: new Date('2026-11-10T05:00:00Z') })),
    postEntry(aPost('draft-post', { date: new Date('2026-11-02T05:00:00Z'), draft: true })),
    postEntry(aPost('this-evening', { date: new Date('2026-11-27T23:00:00Z') })),
    postEntry(aPost('tie-a', { date: new Date('2026-11-10T05:00:00Z') })),
    postEntry(aPost('has-problems', { date: new Date('2026-11-05T05:00:00Z'), valid: false }), {
      problems: [problem('content/posts/has-problems.md')],
    }),
    brokenEntry('no-frontmatter', [
      { file: 'content/posts/no-frontmatter.md', line: 1, field: '', message: 'has no frontmatter', severity: 'error' },
    ]),
    postEntry(aPost('this-morning', { date: new Date('2026-11-27T16:00:00Z') })),
  ];
}

const AUTHORS = [authorEntry('ben-sample', 'Ben Sample'), authorEntry('a-guest', 'Zoë Guest'), authorEntry('ada-fixture', 'Ada Fixture')];

async function dataLayer(mode: 'build' | 'dev' | undefined, now = NOW) {
  vi.resetModules();
  astro.calls = [];
  if (mode) shareFixtureSession(mode, now);
  return import('../../src/data/posts.ts');
}

beforeEach(() => {
  astro.posts = contentOfTheDay();
  astro.authors = AUTHORS;
});

afterEach(() => {
  clearSession();
  vi.unstubAllEnvs();
});

describe('a build', () => {
  it('lists the public posts only, newest first, a tie broken by slug', async () => {
    const data = await dataLayer('build');
    const posts = await data.getPosts();
    // Left out: the draft, the post due this evening, and the two with problems.
    expect(posts.map((p) => p.slug)).toEqual(['this-morning', 'tie-a', 'tie-b', 'older-post']);
    expect(posts.map((p) => p.visibility)).toEqual(['public', 'public', 'public', 'public']);
    expect(data.showsUnpublished).toBe(false);
  });

  it('publishes as of the session\'s "now", not the clock or BLOG_NOW', async () => {
    vi.stubEnv('BLOG_NOW', '2026-12-31T00:00:00-05:00');
    const atNoon = await dataLayer('build', NOW);
    expect((await atNoon.getPosts()).map((p) => p.slug)).not.toContain('this-evening');
    expect(atNoon.buildNow()).toEqual(new Date('2026-11-27T17:00:00Z'));

    const atSeven = await dataLayer('build', '2026-11-27T19:00:00-05:00');
    expect((await atSeven.getPosts()).map((p) => p.slug)).toEqual(['this-evening', 'this-morning', 'tie-a', 'tie-b', 'older-post']);
  });

  it('without a session (a tool outside the pipeline), publishes as of BLOG_NOW', async () => {
    vi.stubEnv('BLOG_NOW', '2026-11-27T18:30:00-05:00');
    const data = await dataLayer(undefined);
    expect(data.showsUnpublished).toBe(false);
    expect((await data.getPosts()).map((p) => p.slug)).toEqual(['this-evening', 'this-morning', 'tie-a', 'tie-b', 'older-post']);
  });

  it('reads the collections once, however often it is asked', async () => {
    const data = await dataLayer('build');
    await Promise.all([data.getPosts(), data.getAuthors(), data.getAuthorsWithPosts()]);
    await data.summariesOf(await data.getPosts());
    expect(astro.calls).toEqual(['getCollection posts', 'getCollection authors']);
  });

  it('gives a list only what its cards show, with the author by name', async () => {
    astro.posts = [
      postEntry(
        aPost('stretch-before-bed', {
          title: 'Stretch before bed',
          description: 'Five slow stretches for the evening, each held for a minute, to help you sleep.',
          authorId: 'ben-sample',
          date: new Date('2026-11-20T05:00:00Z'),
          readingMinutes: 4,
          // None of these is on a card (a card names only the first tag): a change to them must not reach a list's cache key.
          digest: 'abc123',
          tags: ['stretching', 'sleep'],
          citations: [CRANE_2012],
          updated: new Date('2026-11-21T05:00:00Z'),
          previousSlugs: ['stretching-at-night'],
          image: { src: './images/bed.jpg', alt: 'A bed' },
        }),
        { hero: picture('/_astro/bed.jpg', 1600, 900) },
      ),
    ];
    const data = await dataLayer('build');
    expect(await data.summariesOf(await data.getPosts())).toStrictEqual([
      {
        slug: 'stretch-before-bed',
        title: 'Stretch before bed',
        description: 'Five slow stretches for the evening, each held for a minute, to help you sleep.',
        date: new Date('2026-11-20T05:00:00Z'),
        readingMinutes: 4,
        authorName: 'Ben Sample',
        visibility: 'public',
        hero: { src: { src: '/_astro/bed.jpg', width: 1600, height: 900, format: 'jpg' }, alt: 'A bed' },
        topic: 'stretching',
      },
    ]);
  });

  it('gives summaries in the order asked, and refuses a post the build does not show', async () => {
    const data = await dataLayer('build');
    const summaries = await data.summariesOf([{ slug: 'older-post' }, { slug: 'this-morning' }]);
    expect(summaries.map((s) => [s.slug, s.authorName])).toEqual([
      ['older-post', 'Ben Sample'],
      ['this-morning', 'Ada Fixture'],
    ]);
    await expect(data.summariesOf([{ slug: 'draft-post' }])).rejects.toThrow('No summary for "draft-post"');
  });

  it('lists authors by name, each with their own posts newest first', async () => {
    const data = await dataLayer('build');
    expect((await data.getAuthors()).map((a) => a.name)).toEqual(['Ada Fixture', 'Ben Sample', 'Zoë Guest']);
    expect([...(await data.getAuthorMap()).keys()].sort()).toEqual(['a-guest', 'ada-fixture', 'ben-sample']);
    const withPosts = await data.getAuthorsWithPosts();
    expect(withPosts.map(({ author, posts }) => [author.id, posts.map((p) => p.slug)])).toEqual([
      ['ada-fixture', ['this-morning', 'tie-a', 'tie-b']],
      ['ben-sample', ['older-post']],
      ['a-guest', []],
    ]);
  });

  it('gives a post its hero as the picture Astro resolved, with the alt text from the post', async () => {
    const hero = picture('/_astro/hero.jpg', 1600, 900);
    astro.posts = [
      postEntry(aPost('with-hero', { image: { src: './images/hero.jpg', alt: 'A quiet treatment room' } }), { hero }),
      postEntry(aPost('without-hero')),
    ];
    const data = await dataLayer('build');
    const bySlug = new Map((await data.getPosts()).map((p) => [p.slug, p]));
    expect(bySlug.get('with-hero')?.hero).toEqual({ src: hero, alt: 'A quiet treatment room' });
    expect(bySlug.get('without-hero')?.hero).toBeUndefined();
  });

  it("renders a post's body from its own entry, and has no body for a post it does not show", async () => {
    const data = await dataLayer('build');
    const body = (await data.postBody({ slug: 'tie-a' })) as unknown as { Content: { entryId: string } };
    expect(body.Content.entryId).toBe('tie-a');
    await expect(data.postEntry({ slug: 'draft-post' })).rejects.toThrow('No content entry for "draft-post"');
  });

  it('gives the HTML of a body the content loader put in the post HTML cache', async () => {
    const cache = openHtmlCache(mkdtempSync(join(tmpdir(), 'blog-post-html-')));
    shareHtmlCache(cache);
    try {
      astro.posts = [postEntry(aPost('cached', { date: new Date('2026-11-01T05:00:00Z') }), { html: '<p>From the cache.</p>', cache })];
      const data = await dataLayer('build');
      expect(await data.postBody({ slug: 'cached' })).toEqual({ html: '<p>From the cache.</p>\n' });
      expect(astro.calls).not.toContain('render cached');
    } finally {
      shareHtmlCache(undefined);
      rmSync(cache.dir, { recursive: true, force: true });
    }
  });
});

describe('the dev server', () => {
  it('shows drafts and scheduled posts with their visibility, in the same order', async () => {
    const data = await dataLayer('dev');
    expect(data.showsUnpublished).toBe(true);
    expect((await data.getPosts()).map((p) => [p.slug, p.visibility])).toEqual([
      ['this-evening', 'scheduled'],
      ['this-morning', 'public'],
      ['tie-a', 'public'],
      ['tie-b', 'public'],
      ['draft-post', 'draft'],
      ['older-post', 'public'],
    ]);
    const [evening] = await data.summariesOf([{ slug: 'this-evening' }]);
    expect(evening?.visibility).toBe('scheduled');
  });

  it('lists the posts it cannot show, with their problems', async () => {
    const data = await dataLayer('dev');
    expect(await data.getBrokenPosts()).toEqual([
      { slug: 'has-problems', file: 'content/posts/has-problems.md', problems: [problem('content/posts/has-problems.md')] },
      {
        slug: 'no-frontmatter',
        file: 'content/posts/no-frontmatter.md',
        problems: [{ file: 'content/posts/no-frontmatter.md', line: 1, field: '', message: 'has no frontmatter', severity: 'error' }],
      },
    ]);
  });

  it('reads the content again on every request, so edits show', async () => {
    astro.posts = [postEntry(aPost('first-version', { title: 'Before the edit' }))];
    const data = await dataLayer('dev');
    expect((await data.getPosts()).map((p) => p.title)).toEqual(['Before the edit']);
    astro.posts = [postEntry(aPost('first-version', { title: 'After the edit' }))];
    expect((await data.getPosts()).map((p) => p.title)).toEqual(['After the edit']);
  });
});
