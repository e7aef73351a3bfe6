/**
 * Which pages the sitemap lists and when each last changed, decided from the
 * site's data: a page that asks not to be indexed and a post whose original
 * lives elsewhere (`canonical`) are left out (redirect pages from old
 * addresses are written by the pipeline, not Astro, so never listed); a post's `lastmod` is its update, else its publishing time, as its
 * BlogPosting JSON-LD says.
 */
import type { Urls } from '../urls.ts';
import { isoWithOffset } from '../zoned-time.ts';
import { SUBSCRIBE_DETAIL_PREFIXES } from '../feeds/subscribe.ts';

/** Pages that are for people who are already on the site, not for search engines. */
export const NOINDEX_PATHS = ['search/', '404.html'] as const;

/** Whether the page at `path` (under the base) asks search engines not to index it. */
export function isNoindexPath(path: string): boolean {
  return (NOINDEX_PATHS as readonly string[]).includes(path) || SUBSCRIBE_DETAIL_PREFIXES.some((prefix) => path.startsWith(prefix));
}

export interface SitemapPost {
  slug: string;
  date: Date;
  updated?: Date | undefined;
  canonical?: string | undefined;
}

export interface SitemapPolicy {
  includes(url: string): boolean;
  /** ISO 8601 with the studio's offset, for post pages. */
  lastmod(url: string): string | undefined;
}

/** `posts` are the build's public posts. */
export function sitemapPolicy(posts: readonly SitemapPost[], urls: Urls, timeZone: string): SitemapPolicy {
  const excluded = new Set<string>(NOINDEX_PATHS.map((p) => urls.absolute(p)));
  const modified = new Map<string, string>();
  for (const post of posts) {
    const url = urls.fromRoot(urls.post(post.slug));
    if (post.canonical !== undefined && post.canonical !== url) excluded.add(url);
    modified.set(url, isoWithOffset(post.updated ?? post.date, timeZone));
  }
  const root = urls.absolute('');
  return {
    includes: (url) => !excluded.has(url) && !(url.startsWith(root) && isNoindexPath(url.slice(root.length))),
    lastmod: (url) => modified.get(url),
  };
}
