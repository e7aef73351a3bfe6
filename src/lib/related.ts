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

/** The order among posts sharing as many tags: newest first, then by slug. */
function newerFirst(a: Relatable, b: Relatable): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

interface TagIndex<T> {
  /** The posts in the order related posts are listed among equals. */
  ranked: T[];
  /** Each tag's posts, as positions in `ranked`, ascending. */
  byTag: Map<string, Int32Array>;
  /** Scratch space: how many of a page's tags each post shares (back to zero after each call). */
  shared: Uint16Array;
}

// A build asks once per post page with the same list of posts: indexing that
// list by tag once means each page looks only at posts sharing a tag, counted
// in a flat array, with no sorting and no map per page. Keyed by the list
// itself, so a new list gets a new index.
const indexes = new WeakMap<readonly Relatable[], TagIndex<Relatable>>();

function tagIndex<T extends Relatable>(posts: readonly T[]): TagIndex<T> {
  let index = indexes.get(posts) as TagIndex<T> | undefined;
  if (!index) {
    const ranked = [...posts].sort(newerFirst);
    const lists = new Map<string, number[]>();
    ranked.forEach((p, rank) => {
      for (const tag of new Set(p.tags)) {
        let list = lists.get(tag);
        if (!list) lists.set(tag, (list = []));
        list.push(rank);
      }
    });
    const byTag = new Map([...lists].map(([tag, ranks]) => [tag, Int32Array.from(ranks)]));
    index = { ranked, byTag, shared: new Uint16Array(ranked.length) };
    indexes.set(posts, index as TagIndex<Relatable>);
  }
  return index;
}

/** Keeps the `limit` lowest ranks in `kept`, ascending. */
function keepLowest(kept: number[], rank: number, limit: number): void {
  if (kept.length === limit && rank > kept[limit - 1]!) return;
  let i = kept.length;
  while (i > 0 && kept[i - 1]! > rank) i--;
  kept.splice(i, 0, rank);
  if (kept.length > limit) kept.pop();
}

/**
 * The posts sharing most tags with `post`, newest first among equals (then by
 * slug), at most `limit`. Each post sharing a tag is counted once per shared
 * tag in a flat array, then the lowest ranks at each count are kept: a fixed
 * cost per post met, where sorting every candidate of every page made the build
 * grow with the square of the archive (at 10,000 posts, about 2,500 candidates
 * sorted for each of 10,000 pages).
 */
export function relatedPosts<T extends Relatable>(posts: readonly T[], post: Relatable, limit: number): T[] {
  if (limit <= 0) return [];
  const { ranked, byTag, shared } = tagIndex(posts);
  const lists = [...new Set(post.tags)].flatMap((tag) => byTag.get(tag) ?? []);
  // Indexed loops: this runs over a tenth of the archive for every page.
  for (const list of lists) for (let i = 0; i < list.length; i++) shared[list[i]!]!++;
  // byShared[n]: the lowest `limit` ranks among posts sharing n tags.
  const byShared: number[][] = Array.from({ length: lists.length + 1 }, () => []);
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const rank = list[i]!;
      const n = shared[rank]!;
      if (!n) continue; // already seen through another tag
      shared[rank] = 0;
      if (ranked[rank]!.slug !== post.slug) keepLowest(byShared[n]!, rank, limit);
    }
  }
  return byShared
    .reverse()
    .flat()
    .slice(0, limit)
    .map((rank) => ranked[rank]!);
}
