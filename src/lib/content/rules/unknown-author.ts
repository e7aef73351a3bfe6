/**
 * `author:` must name a file in content/authors/; a typo would otherwise fail
 * deep inside the build. Checked even when other fields of the post are wrong,
 * so the writer sees every problem at once.
 */
import { didYouMean } from '../../suggest.ts';
import type { PostRule } from './rule.ts';
import { problemAt } from './rule.ts';

export const unknownAuthor: PostRule = {
  id: 'unknown-author',
  check(post, ctx) {
    const author = post.data?.author ?? (post.source.data as { author?: unknown } | null)?.author;
    if (typeof author !== 'string' || !author) return [];
    const ids = ctx.authors.map((a) => a.id);
    if (ids.includes(author)) return [];
    return [
      problemAt(
        post,
        post.source.lineOf(['author']),
        'author',
        `"${author}" is not an author.${didYouMean(author, ids)} Known authors: ${ids.join(', ') || '(none: add a file to content/authors/)'}`,
      ),
    ];
  },
};
