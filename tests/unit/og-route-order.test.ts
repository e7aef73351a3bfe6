import { describe, expect, it } from 'vitest';
import { cardsLast, isCardRoute } from '../../src/lib/og/route-order.ts';

const path = (pathname: string, route: string) => ({ pathname, route: { route } });

describe('cardsLast', () => {
  it('moves the card routes after every other route, keeping both orders', () => {
    const paths = [
      path('/api/v1/posts/a.json', '/api/v1/posts/[slug].json'),
      path('/og/default.png', '/og/default.png'),
      path('/og/posts/a.png', '/og/posts/[slug].png'),
      path('/og/posts/b.png', '/og/posts/[slug].png'),
      path('/posts/a/', '/posts/[slug]'),
      path('/posts/b/', '/posts/[slug]'),
      path('/', '/'),
    ];
    expect(cardsLast(paths).map((p) => p.pathname)).toEqual([
      '/api/v1/posts/a.json',
      '/posts/a/',
      '/posts/b/',
      '/',
      '/og/default.png',
      '/og/posts/a.png',
      '/og/posts/b.png',
    ]);
  });

  it('treats only routes under og/ as cards', () => {
    expect(['/og/posts/[slug].png', '/og/default.png'].every(isCardRoute)).toBe(true);
    expect(['/', '/ogham/', '/posts/og/', '/tags/[tag]'].some(isCardRoute)).toBe(false);
  });
});
