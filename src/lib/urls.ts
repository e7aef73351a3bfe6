/**
 * Every address of the site is built here, from its `url` and `base`, so the
 * site works at the root of a domain and under a folder like /blog/: the
 * paths pages link with, and the absolute URLs feeds, canonicals, Open Graph
 * tags and the API need. (The API's own file names are in src/lib/api/paths.ts
 * and the feeds' in src/lib/feeds/paths.ts; both go through `absolute` here.)
 */
export interface UrlSettings {
  url: string;
  base: string;
}

export interface Urls {
  /** A root-relative path under the base: `path('tags/massage/')` → `/blog/tags/massage/`. */
  path(relative?: string): string;
  /** The same, as an absolute URL. */
  absolute(relative?: string): string;
  /** An absolute URL for a root-relative path that already holds the base (an optimised picture's `src`, say). */
  fromRoot(rootPath: string): string;
  home(page?: number): string;
  post(slug: string): string;
  tag(tag: string, page?: number): string;
  author(id: string): string;
  /** A post's Open Graph card, as a path under the base (`og/posts/<slug>.png`). */
  ogImagePath(slug: string): string;
  /** The site's own card, for pages that are not a post. */
  siteOgImagePath(): string;
}

function trimSlashes(s: string): string {
  return s.replace(/^\/+/, '');
}

export function createUrls(settings: UrlSettings): Urls {
  const base = settings.base.endsWith('/') ? settings.base : `${settings.base}/`;
  const origin = settings.url.replace(/\/+$/, '');
  const path = (relative = '') => `${base}${trimSlashes(relative)}`;
  const paged = (prefix: string, page = 1) => (page > 1 ? `${prefix}page/${page}/` : prefix);
  return {
    path,
    absolute: (relative = '') => `${origin}${path(relative)}`,
    fromRoot: (rootPath) => new URL(rootPath, `${origin}/`).href,
    home: (page = 1) => path(paged('', page)),
    post: (slug) => path(`posts/${slug}/`),
    tag: (tag, page = 1) => path(paged(`tags/${tag}/`, page)),
    author: (id) => path(`authors/${id}/`),
    ogImagePath: (slug) => `og/posts/${slug}.png`,
    siteOgImagePath: () => 'og/default.png',
  };
}
