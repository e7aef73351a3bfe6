/** `author:` must name a file in content/authors/; a typo would otherwise fail deep inside the build. */
import { didYouMean } from '../../suggest.ts';
import type { PostRule } from './rule.ts';
import { problemAt } from './rule.ts';

export const unknownAuthor: PostRule = {
  id: 'unknown-author',
  check(post, ctx) {
    if (!post.data) return [];
    const ids = ctx.authors.map((a) => a.id);
    if (ids.includes(post.data.author)) return [];
    return [
      problemAt(
        post,
        post.source.lineOf(['author']),
        'author',
        `"${post.data.author}" is not an author.${didYouMean(post.data.author, ids)} Known authors: ${ids.join(', ') || '(none: add a file to content/authors/)'}`,
      ),
    ];
  },
};
