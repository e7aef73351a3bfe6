/**
 * A citation's year cannot be later than next year (a work "in press" may carry
 * next year's date), counted from the build's one "now" rather than a clock
 * read when a module loads. Usually a slip of the keyboard: 2102 for 2012.
 */
import type { Problem } from '../types.ts';
import { problemAt, type PostRule, type RuleContext } from './rule.ts';

/** Next year in the studio's zone, worked out once per check (a date formatter is slow to make). */
const latestYears = new WeakMap<RuleContext, number>();

function latestYear(ctx: RuleContext): number {
  let year = latestYears.get(ctx);
  if (year === undefined) {
    year = Number(new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone, year: 'numeric' }).format(ctx.now)) + 1;
    latestYears.set(ctx, year);
  }
  return year;
}

export const citationYear: PostRule = {
  id: 'citation-year',
  check(post, ctx) {
    if (!post.data?.citations.length) return [];
    const latest = latestYear(ctx);
    const out: Problem[] = [];
    (post.data?.citations ?? []).forEach((c, i) => {
      if (c.year <= latest) return;
      out.push(problemAt(post, post.source.lineOf(['citations', i, 'year']), `citations #${i + 1} → year`, `${c.year} is later than ${latest}; write the year the work came out, like 2012`));
    });
    return out;
  },
};
