/**
 * The build's one wrapper around Astro's prerenderer (Astro keeps a single
 * one, so every change to how routes are rendered goes here). The default
 * prerenderer still finds and renders every path; this only tells listeners
 * - `beforeRoutes`: Astro is about to render the routes;
 * - `afterRoutes`: every route's file is written, before Astro optimises the
 *   pictures, so work that reads the finished pages (the search index) or
 *   writes files of its own (the Open Graph cards) can run alongside that
 *   step instead of after it.
 */
import type { AstroIntegration } from 'astro';

export function prerenderSteps(options: { beforeRoutes?: (() => void)[]; afterRoutes?: (() => void)[] }): AstroIntegration {
  return {
    name: 'prerender-steps',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => {
          const getStaticPaths = prerenderer.getStaticPaths.bind(prerenderer);
          const teardown = prerenderer.teardown?.bind(prerenderer);
          prerenderer.getStaticPaths = async () => {
            for (const listener of options.beforeRoutes ?? []) listener();
            return getStaticPaths();
          };
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
