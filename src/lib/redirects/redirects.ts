/**
 * The site's redirects as plain data: every old address a post had, with the
 * address it has now. Old addresses come from two fields: `previousSlugs` (the
 * post's own earlier slugs on this site) and `redirectFrom` (full paths on the
 * site it was imported from). Every format in this folder is made from this list.
 */
import { createUrls } from '../urls.ts';

export interface Redirect {
  /** The old path, as a browser asks for it: `/post/massage-after-exercise`. */
  from: string;
  /** The post's path today, under the site's base: `/posts/massage-after-exercise/`. */
  to: string;
}

export interface RedirectingPost {
  slug: string;
  previousSlugs?: readonly string[] | undefined;
  redirectFrom?: readonly string[] | undefined;
}

/**
 * The redirects of the given posts, sorted by `from`. Pass only public posts: a
 * redirect to a draft would land on a missing page.
 */
export function collectRedirects(posts: readonly RedirectingPost[], site: { base: string }): Redirect[] {
  const urls = createUrls({ url: 'https://site.invalid', base: site.base });
  const out: Redirect[] = [];
  for (const post of posts) {
    const to = urls.post(post.slug);
    for (const old of post.previousSlugs ?? []) out.push({ from: urls.post(old), to });
    for (const path of post.redirectFrom ?? []) out.push({ from: path, to });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** `/post/x` and `/post/x/` are one address to a reader; hosts that match exactly need both. */
export function slashVariants(path: string): string[] {
  if (path === '/') return [path];
  // A path that names a file (`/2019/05/post.html`) has no folder form.
  if (/\/[^/]*\.[a-z0-9]+$/i.test(path)) return [path];
  const bare = path.replace(/\/+$/, '');
  return [bare, `${bare}/`];
}
