import { describe, expect, it } from 'vitest';
import { relatedPosts } from '../../src/lib/related.ts';

const post = (slug: string, date: string, tags: string[]) => ({ slug, date: new Date(date), tags });

const current = post('current', '2026-11-20T00:00:00Z', ['massage', 'recovery', 'sleep']);

describe('relatedPosts', () => {
  it('orders by how many tags are shared, then newest first, then slug', () => {
    const posts = [
      post('one-shared-new', '2026-11-19T00:00:00Z', ['massage']),
      post('two-shared-old', '2026-01-01T00:00:00Z', ['massage', 'sleep']),
      post('one-shared-old', '2026-02-01T00:00:00Z', ['recovery']),
      post('b-same-day', '2026-11-19T00:00:00Z', ['sleep']),
      current,
    ];
    expect(relatedPosts(posts, current, 10).map((p) => p.slug)).toEqual([
      'two-shared-old',
      'b-same-day',
      'one-shared-new',
      'one-shared-old',
    ]);
  });

  it('never lists the post itself or posts without a shared tag', () => {
    const posts = [current, post('other-topic', '2026-11-21T00:00:00Z', ['stretching'])];
    expect(relatedPosts(posts, current, 3)).toEqual([]);
  });

  it('stops at the limit, and a limit of 0 gives nothing', () => {
    const posts = Array.from({ length: 6 }, (_, i) => post(`p${i}`, `2026-10-0${i + 1}T00:00:00Z`, ['massage']));
    expect(relatedPosts(posts, current, 3).map((p) => p.slug)).toEqual(['p5', 'p4', 'p3']);
    expect(relatedPosts(posts, current, 0)).toEqual([]);
  });
});

describe('relatedPosts over a larger archive (tag index)', () => {
  /** The definition, written out plainly: what the indexed version must always agree with. */
  const byDefinition = (posts: ReturnType<typeof post>[], of: ReturnType<typeof post>, limit: number) =>
    posts
      .filter((p) => p.slug !== of.slug)
      .map((p) => ({ p, n: p.tags.filter((t) => of.tags.includes(t)).length }))
      .filter((c) => c.n > 0)
      .sort((a, b) => b.n - a.n || b.p.date.getTime() - a.p.date.getTime() || a.p.slug.localeCompare(b.p.slug))
      .slice(0, limit)
      .map((c) => c.p.slug);

  it('gives every post the same list as the definition', () => {
    const tags = ['massage', 'sleep', 'yoga', 'recovery', 'breath', 'tea'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const posts = Array.from({ length: 120 }, (_, i) => {
      const own = tags.filter(() => next() < 0.35);
      // Some posts share a day, so the slug decides.
      return post(`p${String(i).padStart(3, '0')}`, `2026-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 3)}T00:00:00Z`, own);
    });
    for (const p of posts) expect(relatedPosts(posts, p, 4).map((r) => r.slug)).toEqual(byDefinition(posts, p, 4));
  });

  it('sees a different list of posts as a new archive', () => {
    const first = [current, post('a', '2026-11-01T00:00:00Z', ['massage'])];
    expect(relatedPosts(first, current, 3).map((p) => p.slug)).toEqual(['a']);
    const second = [current, post('b', '2026-11-02T00:00:00Z', ['sleep'])];
    expect(relatedPosts(second, current, 3).map((p) => p.slug)).toEqual(['b']);
  });
});
