/**
 * A citation's year cannot be later than next year (a work "in press" may carry
 * next year's date), counted from the build's one "now" rather than a clock
 * read when a module loads. Usually a slip of the keyboard: 2102 for 2012.
 */
import type { Problem } from '../types.ts';
import { problemAt, type PostRule } from './rule.ts';

export const citationYear: PostRule = {
  id: 'citation-year',
  check(post, ctx) {
    const latest = Number(new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone, year: 'numeric' }).format(ctx.now)) + 1;
    const out: Problem[] = [];
    (post.data?.citations ?? []).forEach((c, i) => {
      if (c.year <= latest) return;
      out.push(problemAt(post, post.source.lineOf(['citations', i, 'year']), `citations #${i + 1} → year`, `${c.year} is later than ${latest}; write the year the work came out, like 2012`));
    });
    return out;
  },
};
