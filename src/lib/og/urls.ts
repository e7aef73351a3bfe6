/**
 * Where the Open Graph images live. Pages, feeds and the JSON API use these,
 * so every output names the same picture for a post. Light on purpose: no
 * fonts or renderer are loaded by importing it.
 *
 * The paths match the routes src/pages/og/posts/[slug].png.ts and
 * src/pages/og/default.png.ts.
 */
import type { Urls } from '../urls.ts';

export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;
export const OG_IMAGE_TYPE = 'image/png';

/** Path under the base of a post's card: `og/posts/<slug>.png`. */
export function ogImagePath(slug: string): string {
  return `og/posts/${slug}.png`;
}

/** The card for pages that are not a post (home, tags, authors). */
export const DEFAULT_OG_IMAGE_PATH = 'og/default.png';

/** Absolute URL of a post's card, e.g. for feeds, the JSON API and og:image. */
export function postOgImageUrl(urls: Urls, slug: string): string {
  return urls.absolute(ogImagePath(slug));
}

/** Absolute URL of the site's default card. */
export function defaultOgImageUrl(urls: Urls): string {
  return urls.absolute(DEFAULT_OG_IMAGE_PATH);
}
