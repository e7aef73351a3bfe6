/**
 * Posts and authors come from the one content reader (src/lib/content/), by
 * way of the loaders in src/data/content-loader.ts: Astro stores what the
 * reader validated and never parses a post itself.
 */
import { defineCollection } from 'astro:content';
import { authorsLoader, postsLoader } from './data/content-loader.ts';
import { placesLoader } from './data/places-loader.ts';

export const collections = {
  posts: defineCollection({ loader: postsLoader() }),
  authors: defineCollection({ loader: authorsLoader() }),
  // The studios' photos named in src/site.config.ts, for Astro's picture pipeline.
  places: defineCollection({ loader: placesLoader() }),
};
