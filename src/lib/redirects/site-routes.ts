/**
 * The addresses the site itself serves. An old address listed in `redirectFrom`
 * must not be one of them, or the redirect would hide a page (or the page the
 * redirect). tests/unit/redirects.test.ts compares this list with src/pages/
 * and public/, so a new page or file cannot be forgotten here.
 */

import { decodePercent } from '../percent-decode.ts';
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

/** The home page's own file, which a static host also serves at the folder's address. */
const HOME_PAGE_FILES: ReadonlySet<string> = new Set(['index.html', 'index.htm']);

/** @astrojs/sitemap writes sitemap-index.xml, sitemap-0.xml, …: any name starting with this. */
const SITE_ROUTE_PREFIXES = ['sitemap'];

/**
 * Which of the site's addresses `path` would shadow, in words, or undefined when
 * it is free. `/post/x` is free; `/posts/x/`, `/tags/`, `/`, `/index.html` are
 * the site's own. Compared decoded (`/tags%2Fx` is a page under /tags/ once a
 * redirect page is written for it) and without case (`/Index.html` is the home
 * page on a host whose file names ignore case).
 */
export function siteAddressAt(path: string, base: string): string | undefined {
  const root = normaliseBase(base).toLowerCase();
  const wanted = decodePercent(path).toLowerCase();
  if (wanted === root || `${wanted}/` === root) return 'the home page';
  if (!wanted.startsWith(root)) return undefined;
  const rest = wanted.slice(root.length);
  const first = rest.split('/')[0] ?? '';
  if (!first) return undefined;
  if (HOME_PAGE_FILES.has(first)) return 'the home page';
  if (SITE_ROUTE_NAMES.has(first) || SITE_ROUTE_PREFIXES.some((p) => first.startsWith(p)))
    return `${root}${first}${rest.slice(first.length) ? '/…' : ''}`;
  return undefined;
}
