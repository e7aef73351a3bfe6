/**
 * The post's title is the page's only level-1 heading, so sections start at ##
 * and go down one level at a time. Screen-reader users jump between headings;
 * a skipped level reads like a missing section. A warning: the page still works.
 */
import type { Problem } from '../types.ts';
import { bodyLineNumber, problemAt, scanBody, type PostRule } from './rule.ts';

const hashes = (level: number) => '#'.repeat(level);

export const headingLevels: PostRule = {
  id: 'heading-levels',
  check(post) {
    const out: Problem[] = [];
    let previous = 1;
    for (const h of scanBody(post).headings) {
      const line = bodyLineNumber(post, h.index);
      const name = h.text ? ` "${h.text}"` : '';
      if (h.level === 1) {
        out.push(
          problemAt(post, line, 'body', `the heading${name} is a main heading (#), but the title is already the page's main heading; use ## for sections`, 'warning'),
        );
      } else if (h.level > previous + 1) {
        out.push(
          problemAt(
            post,
            line,
            'body',
            `the heading${name} jumps from level ${previous} to level ${h.level}; use ${hashes(previous + 1)} here (${hashes(h.level)} only goes under a ${hashes(h.level - 1)} heading)`,
            'warning',
          ),
        );
      }
      previous = h.level;
    }
    return out;
  },
};
