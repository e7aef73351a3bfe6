/**
 * `previousSlugs` keeps a renamed post's old addresses: its feed guid stays the
 * first one and each old address forwards to the new one. That only works when
 * an old address belongs to one post and is nobody's current address.
 */
import type { Problem } from './types.ts';

export interface SlugClaim {
  slug: string;
  file: string;
  previousSlugs: readonly string[];
  /** The line of `previousSlugs` in the file, for messages. */
  line: number;
}

export function previousSlugProblems(posts: readonly SlugClaim[]): Problem[] {
  const current = new Map(posts.map((p) => [p.slug, p.file]));
  const claimed = new Map<string, string>();
  const problems: Problem[] = [];
  const problem = (p: SlugClaim, message: string) =>
    problems.push({ file: p.file, line: p.line, field: 'previousSlugs', message, severity: 'error' });

  for (const post of posts) {
    for (const old of post.previousSlugs) {
      const owner = current.get(old);
      if (owner === post.file) {
        problem(post, `lists "${old}", which is still this post's address; list only addresses it no longer has`);
      } else if (owner) {
        problem(post, `lists "${old}", the current address of ${owner}; an old address cannot belong to another post, so remove it from this list`);
      } else if (claimed.has(old)) {
        problem(post, `lists "${old}", which ${claimed.get(old)} also lists as an old address; keep it in only one post`);
      } else {
        claimed.set(old, post.file);
      }
    }
  }
  return problems;
}
