/**
 * Every link and absolute URL is built here, from the site's `url` and `base`,
 * so the site works at the root of a domain and under a folder like /blog/.
 */
export interface UrlSettings {
  url: string;
  base: string;
}

export interface Urls {
  /** A root-relative path under the base: `path('tags/massage/')` → `/blog/tags/massage/`. */
  path(relative?: string): string;
  /** The same, as an absolute URL for feeds, canonicals, Open Graph and the API. */
  absolute(relative?: string): string;
  home(page?: number): string;
  post(slug: string): string;
  tag(tag: string, page?: number): string;
  author(id: string): string;
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
    home: (page = 1) => path(paged('', page)),
    post: (slug) => path(`posts/${slug}/`),
    tag: (tag, page = 1) => path(paged(`tags/${tag}/`, page)),
    author: (id) => path(`authors/${id}/`),
  };
}
