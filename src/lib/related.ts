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

type TagIndex<T> = Map<string, T[]>;

// A build asks once per post page with the same list of posts: indexing that
// list by tag once means each page looks only at posts sharing a tag, not the
// whole archive. Keyed by the list itself, so a new list gets a new index.
const indexes = new WeakMap<readonly Relatable[], TagIndex<Relatable>>();

function tagIndex<T extends Relatable>(posts: readonly T[]): TagIndex<T> {
  let index = indexes.get(posts) as TagIndex<T> | undefined;
  if (!index) {
    index = new Map();
    for (const p of posts) {
      for (const tag of new Set(p.tags)) {
        let list = index.get(tag);
        if (!list) index.set(tag, (list = []));
        list.push(p);
      }
    }
    indexes.set(posts, index as TagIndex<Relatable>);
  }
  return index;
}

export function relatedPosts<T extends Relatable>(posts: readonly T[], post: Relatable, limit: number): T[] {
  const index = tagIndex(posts);
  // How many of the post's tags each candidate shares, from the index.
  const shared = new Map<T, number>();
  for (const tag of new Set(post.tags)) {
    for (const p of index.get(tag) ?? []) {
      if (p.slug !== post.slug) shared.set(p, (shared.get(p) ?? 0) + 1);
    }
  }
  return [...shared]
    .map(([p, n]) => ({ post: p, shared: n }))
    .sort(
      (a, b) =>
        b.shared - a.shared || b.post.date.getTime() - a.post.date.getTime() || a.post.slug.localeCompare(b.post.slug),
    )
    .slice(0, Math.max(0, limit))
    .map((c) => c.post);
}
