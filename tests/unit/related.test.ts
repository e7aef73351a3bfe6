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
