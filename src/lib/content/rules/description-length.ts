/**
 * Google cuts a description in search results at about 920 pixels on a
 * computer, roughly 155 characters (less on phones), and link previews show
 * even fewer. The schema allows up to 180 for feeds and the API; past 155 we
 * warn so the writer knows where the cut falls.
 */
import { problemAt, type PostRule } from './rule.ts';

export const DESCRIPTION_SNIPPET_MAX = 155;

export const descriptionLength: PostRule = {
  id: 'description-length',
  check(post) {
    const description = post.data?.description;
    if (!description || description.length <= DESCRIPTION_SNIPPET_MAX) return [];
    const cut = description.slice(0, DESCRIPTION_SNIPPET_MAX - 1).replace(/\s+\S*$/, '');
    return [
      problemAt(
        post,
        post.source.lineOf(['description']),
        'description',
        `is ${description.length} characters; search results show about ${DESCRIPTION_SNIPPET_MAX} (920 pixels on a computer, fewer on phones), so it will be cut after "…${cut.slice(-30)}". Shorten it to ${DESCRIPTION_SNIPPET_MAX} or fewer`,
        'warning',
      ),
    ];
  },
};
