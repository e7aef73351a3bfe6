/**
 * Titles longer than about 60 characters are cut with "…" where people first
 * meet the post: Google shows about 600 pixels of a title (roughly 60
 * characters, and the page title adds " · <site name>" which goes first), and
 * link previews on phones (Facebook, LinkedIn, X, messaging apps) show one or
 * two lines, roughly 60 to 70 characters. A warning, since a longer title is
 * allowed (up to the schema's maximum); it just should not hide its point.
 */
import { problemAt, type PostRule } from './rule.ts';

export const TITLE_SNIPPET_MAX = 60;

export const titleLength: PostRule = {
  id: 'title-length',
  check(post) {
    const title = post.data?.title;
    if (!title || title.length <= TITLE_SNIPPET_MAX) return [];
    return [
      problemAt(
        post,
        post.source.lineOf(['title']),
        'title',
        `is ${title.length} characters; search results show about ${TITLE_SNIPPET_MAX} (600 pixels) and phone link previews about 60 to 70, so readers will see "${title.slice(0, TITLE_SNIPPET_MAX - 1).trimEnd()}…". Shorten it or put the key words first`,
        'warning',
      ),
    ];
  },
};
