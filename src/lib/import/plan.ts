/**
 * The decisions about one imported post that need no network: its address
 * (from the old one when it is a good slug), its old path for `redirectFrom`,
 * its tags, and the key other posts' links to it are matched by.
 */
import { shortSlug } from '../authoring/new-post.ts';
import { SLUG_PATTERN, slugify } from '../../schema/slug.ts';

/** A link's identity on the old site: host without www, path without a final slash, no fragment. */
export function linkKey(url: string | URL): string | undefined {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname.replace(/\/+$/, '') || '/';
  // WordPress's short links (?p=12) name a post by its query; other queries are noise.
  const query = /^\?(p|page_id)=\d+$/.test(u.search) ? u.search : '';
  return `${host}${path}${query}`;
}

/** The old address as a path for `redirectFrom`; undefined for the site's home or a query-only address. */
export function oldPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const path = new URL(url).pathname;
    return path && path !== '/' ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The post's new address: the old one's last segment when it makes a slug, else one from the title. */
export function slugFor(url: string | undefined, title: string): string {
  const path = oldPath(url);
  let last = '';
  if (path) {
    try {
      last = decodeURIComponent(path.split('/').filter(Boolean).pop() ?? '');
    } catch {
      last = '';
    }
  }
  last = last.replace(/\.(html?|php|aspx?)$/i, '');
  // A number alone (WordPress ids, dates) says nothing about the post.
  const fromUrl = /^\d+$/.test(last) ? '' : SLUG_PATTERN.test(last) ? last : slugify(last);
  return shortSlug(fromUrl || slugify(title) || 'imported-post');
}

/** The first address in `slug`, `slug-2`, `slug-3`, … that `taken` does not have. */
export function freeSlug(slug: string, taken: (s: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) if (!taken(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Tags from category names: slugs, each once, at most `max`; names that make no slug are skipped. */
export function tagsFrom(categories: readonly string[], max: number): { tags: string[]; left: string[] } {
  const tags: string[] = [];
  for (const name of categories) {
    const tag = slugify(name);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return { tags: tags.slice(0, max), left: tags.slice(max) };
}
