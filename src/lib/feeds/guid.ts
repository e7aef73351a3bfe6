/**
 * The guid policy. Feed readers decide "have I shown this already?" by the
 * item's guid, so it must never change once a post is out:
 *
 * - it is the post's permalink, built from its slug alone: editing the title,
 *   text, date, tags or image does not touch it;
 * - when a post's address changes, its old slugs go in `previousSlugs` (oldest
 *   first) and the guid stays the permalink of the first one, which keeps
 *   working because the old address forwards to the new one.
 */
import type { Urls } from '../urls.ts';

export interface GuidSource {
  slug: string;
  previousSlugs?: readonly string[] | undefined;
}

/** The slug a post was first published under. */
export function originalSlug(post: GuidSource): string {
  return post.previousSlugs?.[0] ?? post.slug;
}

/** The post's address today. */
export function permalink(urls: Urls, slug: string): string {
  return urls.fromRoot(urls.post(slug));
}

/** The permanent id of a post in every feed: the permalink of its first address. */
export function feedGuid(post: GuidSource, urls: Urls): string {
  return permalink(urls, originalSlug(post));
}
