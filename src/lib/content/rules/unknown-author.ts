/**
 * `author:` must name a file in content/authors/; a typo would otherwise fail
 * deep inside the build. Checked even when other fields of the post are wrong,
 * so the writer sees every problem at once.
 */
import { didYouMean } from '../../suggest.ts';
import type { PostRule, RuleContext } from './rule.ts';
import { problemAt } from './rule.ts';

/**
 * Why `id` names no author this build can show: its file has problems of its own,
 * or there is no such file (with the closest id and the known ones).
 */
export function missingAuthorMessage(id: string, ctx: Pick<RuleContext, 'authors' | 'brokenAuthors'>): string {
  const file = ctx.brokenAuthors.get(id);
  if (file) return `"${id}" cannot be shown: its file ${file} has problems of its own (listed under that file); fix them, and this post goes out`;
  const ids = ctx.authors.map((a) => a.id);
  return `"${id}" is not an author.${didYouMean(id, ids)} Known authors: ${ids.join(', ') || '(none: add a file to content/authors/)'}`;
}

export const unknownAuthor: PostRule = {
  id: 'unknown-author',
  check(post, ctx) {
    const author = post.data?.author ?? (post.source.data as { author?: unknown } | null)?.author;
    if (typeof author !== 'string' || !author) return [];
    if (ctx.authors.some((a) => a.id === author)) return [];
    return [problemAt(post, post.source.lineOf(['author']), 'author', missingAuthorMessage(author, ctx))];
  },
};
