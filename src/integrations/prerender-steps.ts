/**
 * The build's one wrapper around Astro's prerenderer (Astro keeps a single
 * one, so every change to how routes are rendered goes here). The default
 * prerenderer still finds and renders every path; this only
 * - renders the paths in the order `order` gives (the Open Graph card routes
 *   last: src/lib/og/route-order.ts), and
 * - calls `afterRoutes` once every route's file is written, before Astro
 *   optimises the pictures, so work that reads the finished pages (the search
 *   index) can run alongside that step instead of after it.
 */
import type { AstroIntegration } from 'astro';

type Order = <P extends { route: { route: string } }>(paths: readonly P[]) => P[];

export function prerenderSteps(options: { order?: Order; afterRoutes?: (() => void)[] }): AstroIntegration {
  return {
    name: 'prerender-steps',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => {
          const getStaticPaths = prerenderer.getStaticPaths.bind(prerenderer);
          const teardown = prerenderer.teardown?.bind(prerenderer);
          if (options.order) {
            const order = options.order;
            prerenderer.getStaticPaths = async () => order(await getStaticPaths());
          }
          prerenderer.teardown = async () => {
            await teardown?.();
            for (const listener of options.afterRoutes ?? []) listener();
          };
          return prerenderer;
        });
      },
    },
  };
}
