/**
 * The addresses the site itself serves. An old address listed in `redirectFrom`
 * must not be one of them, or the redirect would hide a page (or the page the
 * redirect). tests/unit/redirects.test.ts compares this list with src/pages/
 * and public/, so a new page or file cannot be forgotten here.
 */

import { normaliseBase } from '../site-paths.ts';

/** First path segments under the site's base that belong to the site. */
export const SITE_ROUTE_NAMES: ReadonlySet<string> = new Set([
  // src/pages/
  '404.html',
  'admin',
  'api',
  'archive',
  'authors',
  'book',
  'feed.json',
  'og',
  'page',
  'posts',
  'robots.txt',
  'rss.xml',
  'search',
  'subscribe',
  'tags',
  // Written by the build and its steps.
  '_astro',
  'pagefind',
  '_redirects',
  // public/
  '_headers',
  'apple-touch-icon.png',
  'favicon.ico',
  'favicon.svg',
  'feed-icon.png',
]);

/** @astrojs/sitemap writes sitemap-index.xml, sitemap-0.xml, …: any name starting with this. */
const SITE_ROUTE_PREFIXES = ['sitemap'];

/**
 * Which of the site's addresses `path` would shadow, in words, or undefined when
 * it is free. `/post/x` is free; `/posts/x/`, `/tags/`, `/` are the site's own.
 */
export function siteAddressAt(path: string, base: string): string | undefined {
  const root = normaliseBase(base);
  if (path === root || `${path}/` === root) return 'the home page';
  if (!path.startsWith(root)) return undefined;
  const first = safeDecode(path.slice(root.length).split('/')[0] ?? '');
  if (!first) return undefined;
  if (SITE_ROUTE_NAMES.has(first) || SITE_ROUTE_PREFIXES.some((p) => first.startsWith(p)))
    return `${root}${first}${path.slice(root.length + first.length) ? '/…' : ''}`;
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
