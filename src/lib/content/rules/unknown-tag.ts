/**
 * Tags are free to invent, but a tag no other post uses that is one or two
 * letters away from one they do ("masage") is almost always a typo, and it
 * would create a tag page of its own. A warning: a new tag may be meant.
 */
import { closestMatch } from '../../suggest.ts';
import type { Problem } from '../types.ts';
import { problemAt, type PostRule } from './rule.ts';

export const unknownTag: PostRule = {
  id: 'unknown-tag',
  check(post, ctx) {
    const out: Problem[] = [];
    post.data?.tags.forEach((tag, i) => {
      if ((ctx.tagUse.get(tag) ?? 0) > 1) return;
      const others = [...ctx.tagUse.keys()].filter((t) => t !== tag);
      const match = closestMatch(tag, others);
      if (!match) return;
      out.push(
        problemAt(
          post,
          post.source.lineOf(['tags', i]),
          `tags #${i + 1}`,
          `"${tag}" is used by no other post. Did you mean \`${match}\` (${ctx.tagUse.get(match)} post${ctx.tagUse.get(match) === 1 ? '' : 's'})? Fix the spelling, or keep it if a new tag is meant`,
          'warning',
        ),
      );
    });
    return out;
  },
};
