/**
 * "Related posts" under a post: the ones that share the most tags with it,
 * newest first among equals. Posts sharing no tag are never suggested, so the
 * list stays about the same subject rather than filling up with whatever is new.
 */
export interface Relatable {
  slug: string;
  date: Date;
  tags: readonly string[];
}

export function relatedPosts<T extends Relatable>(posts: readonly T[], post: Relatable, limit: number): T[] {
  const own = new Set(post.tags);
  return posts
    .filter((p) => p.slug !== post.slug)
    .map((p) => ({ post: p, shared: p.tags.filter((t) => own.has(t)).length }))
    .filter((c) => c.shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared || b.post.date.getTime() - a.post.date.getTime() || a.post.slug.localeCompare(b.post.slug),
    )
    .slice(0, Math.max(0, limit))
    .map((c) => c.post);
}
