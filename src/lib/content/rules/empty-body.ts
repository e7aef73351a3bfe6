/** A post with frontmatter but no text would publish an empty page. */
import { visibleContent } from '../markdown-scan.ts';
import { problemAt, type PostRule } from './rule.ts';

export const emptyBody: PostRule = {
  id: 'empty-body',
  check(post) {
    if (visibleContent(post.source.body)) return [];
    return [problemAt(post, post.source.bodyLine, 'body', 'is empty; write the post below the second --- line')];
  },
};
