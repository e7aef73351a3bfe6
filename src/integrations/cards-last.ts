/**
 * Has `astro build` render the Open Graph card routes after every other route
 * (why: src/lib/og/route-order.ts). Only the order changes: the default
 * prerenderer still finds and renders every path.
 */
import type { AstroIntegration } from 'astro';
import { cardsLast } from '../lib/og/route-order.ts';

export function openGraphCardsLast(): AstroIntegration {
  return {
    name: 'og-cards-last',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((prerenderer) => {
          const getStaticPaths = prerenderer.getStaticPaths.bind(prerenderer);
          prerenderer.getStaticPaths = async () => cardsLast(await getStaticPaths());
          return prerenderer;
        });
      },
    },
  };
}
