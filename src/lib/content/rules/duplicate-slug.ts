/** Two files cannot publish at the same address: the second would silently replace the first. */
import type { PostRule } from './rule.ts';
import { problemAt } from './rule.ts';

export const duplicateSlug: PostRule = {
  id: 'duplicate-slug',
  check(post, ctx) {
    const first = ctx.bySlug.get(post.slug);
    if (!first || first === post) return [];
    // The `slug:` line when the file sets one; otherwise the address comes from the file name.
    const line = (post.source.data as { slug?: unknown }).slug === undefined ? 1 : post.source.lineOf(['slug']);
    return [
      problemAt(
        post,
        line,
        'slug',
        `"${post.slug}" is already the address of ${first.file}; two posts cannot share one. Rename one file or give it a different \`slug:\``,
      ),
    ];
  },
};
