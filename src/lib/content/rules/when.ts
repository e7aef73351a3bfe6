import { isDue } from '../../publishing.ts';
import { calendarDate, wallClockAt } from '../../zoned-time.ts';
import type { CheckedPost } from '../types.ts';

/** "2026-12-01" or "2026-12-01 07:00", in the studio's time zone, for messages. */
export function localStamp(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  const day = calendarDate(date, timeZone);
  return w.hour || w.minute ? `${day} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` : day;
}

/** Whether the post's calendar says it is out at `now`; undefined when its frontmatter did not parse. */
export function dueAt(post: CheckedPost, now: Date): boolean | undefined {
  return post.data ? isDue(post.data, now) : undefined;
}
