/**
 * The order a build renders its routes in, with the Open Graph card routes
 * moved to the end. Cards are drawn on worker threads from the start of route
 * rendering (src/pages/og/posts/[slug].png.ts calls warm()), and a card route
 * waits for its card. In Astro's own order (`og/` sorts before `posts/`) the
 * main thread sat waiting for cards while every post page queued behind them;
 * last, the pages render while the cards are drawn.
 */

/** Routes under `og/` (the route pattern, as Astro's RouteData.route has it: `/og/posts/[slug].png`). */
export function isCardRoute(route: string): boolean {
  return route === '/og' || route.startsWith('/og/');
}

/** `paths` with card routes last; the order within each group is kept. */
export function cardsLast<P extends { route: { route: string } }>(paths: readonly P[]): P[] {
  const cards: P[] = [];
  const rest: P[] = [];
  for (const p of paths) (isCardRoute(p.route.route) ? cards : rest).push(p);
  return [...rest, ...cards];
}
