/**
 * src/data/route-keys.ts without a build: what changes a page's cache key
 * from one build to the next. Each "build" loads the data layer afresh over
 * fixture entries (tests/unit/support/astro-fixtures.ts), as a real rebuild
 * reads its content anew.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Post } from '../../src/lib/post-model.ts';
import type { AstroFixture } from './support/astro-fixtures.ts';
import { aPost, authorEntry, clearSession, postEntry, shareFixtureSession } from './support/astro-fixtures.ts';

const astro = vi.hoisted(() => ({ posts: [], authors: [], calls: [] }) as AstroFixture);
vi.mock('astro:content', async () => (await import('./support/astro-fixtures.ts')).mockedAstroContent(astro));

const NOW = '2026-11-27T12:00:00-05:00';

const BODY_POST = { slug: 'body-edit', title: 'Warm stones', date: new Date('2026-11-20T05:00:00Z'), digest: 'before', readingMinutes: 3 };

/** One build over `posts` (each with `html` as its body): the keys of a list page and of each post's page. */
async function build(posts: { post: Post; html: string }[], authorName = 'Ada Fixture') {
  vi.resetModules();
  astro.posts = posts.map(({ post, html }) => postEntry(post, { html }));
  astro.authors = [authorEntry('ada-fixture', authorName)];
  shareFixtureSession('build', NOW);
  const data = await import('../../src/data/posts.ts');
  const { withCacheKeys } = await import('../../src/data/route-keys.ts');
  const all = await data.getPosts();
  const [list] = await withCacheKeys([{ params: { page: '2' }, props: { posts: await data.summariesOf(all) } }]);
  const pages = await withCacheKeys(all.map((post) => ({ params: { slug: post.slug }, props: { post } })));
  return { list: list!.cacheKey, page: Object.fromEntries(pages.map((p) => [p.params.slug, p.cacheKey])) };
}

const neighbour = { post: aPost('neighbour', { date: new Date('2026-11-10T05:00:00Z') }), html: '<p>Next door.</p>' };

afterEach(() => clearSession());

describe('cache keys', () => {
  it('are the same in two builds of the same content', async () => {
    const first = await build([{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour]);
    const second = await build([{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour]);
    expect(second).toEqual(first);
  });

  it("change for the edited post's own page when only its body changed, and for no list", async () => {
    const before = await build([{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour]);
    // A comma added: the file's digest and its HTML change, nothing a card shows does.
    const after = await build([
      { post: aPost(BODY_POST.slug, { ...BODY_POST, digest: 'after' }), html: '<p>Stones, and oil</p>' },
      neighbour,
    ]);
    expect(after.page['body-edit']).not.toBe(before.page['body-edit']);
    expect(after.list).toBe(before.list);
    expect(after.page.neighbour).toBe(before.page.neighbour);
  });

  it('change for a list when a post it shows is retitled', async () => {
    const before = await build([{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour]);
    const after = await build([
      { post: aPost(BODY_POST.slug, { ...BODY_POST, title: 'Hot stones' }), html: '<p>Stones and oil</p>' },
      neighbour,
    ]);
    expect(after.list).not.toBe(before.list);
    expect(after.page['body-edit']).not.toBe(before.page['body-edit']);
    expect(after.page.neighbour).toBe(before.page.neighbour);
  });

  it('change for a list when a post it shows changes its reading time or first topic, but not for a later tag it does not show', async () => {
    const tagged = { ...BODY_POST, tags: ['stones', 'warmth'] };
    const before = await build([{ post: aPost(BODY_POST.slug, tagged), html: '<p>Stones and oil</p>' }, neighbour]);
    const longer = await build([
      { post: aPost(BODY_POST.slug, { ...tagged, readingMinutes: 4 }), html: '<p>Stones and oil</p>' },
      neighbour,
    ]);
    const newFirst = await build([
      { post: aPost(BODY_POST.slug, { ...tagged, tags: ['oil', 'warmth'] }), html: '<p>Stones and oil</p>' },
      neighbour,
    ]);
    const newSecond = await build([
      { post: aPost(BODY_POST.slug, { ...tagged, tags: ['stones', 'calm'] }), html: '<p>Stones and oil</p>' },
      neighbour,
    ]);
    expect(longer.list).not.toBe(before.list);
    expect(newFirst.list).not.toBe(before.list);
    expect(newSecond.list).toBe(before.list);
  });

  it('change for every page when an author changes, since every page can show one', async () => {
    const before = await build([{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour]);
    const renamed = await build(
      [{ post: aPost(BODY_POST.slug, BODY_POST), html: '<p>Stones and oil</p>' }, neighbour],
      'Ada Lovelace-Fixture',
    );
    expect(renamed.list).not.toBe(before.list);
    expect(renamed.page.neighbour).not.toBe(before.page.neighbour);
  });

  it('hold what a path renders from besides its params and props', async () => {
    vi.resetModules();
    astro.posts = [];
    astro.authors = [authorEntry('ada-fixture', 'Ada Fixture')];
    shareFixtureSession('build', NOW);
    const { withCacheKeys } = await import('../../src/data/route-keys.ts');
    const path = { params: { tag: 'massage' }, props: { posts: [] } };
    const [plain] = await withCacheKeys([path]);
    const [atNoon] = await withCacheKeys([path], () => new Date('2026-11-27T17:00:00Z'));
    const [atOne] = await withCacheKeys([path], () => new Date('2026-11-27T18:00:00Z'));
    expect(new Set([plain!.cacheKey, atNoon!.cacheKey, atOne!.cacheKey]).size).toBe(3);
    expect(atNoon).toMatchObject(path);
  });
});
