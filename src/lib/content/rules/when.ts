import { isPublic } from '../../publishing.ts';
import { calendarDate, wallClockAt } from '../../zoned-time.ts';
import type { CheckedPost } from '../check-content.ts';

/** "2026-12-01" or "2026-12-01 07:00", in the studio's time zone, for messages. */
export function localStamp(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  const day = calendarDate(date, timeZone);
  return w.hour || w.minute ? `${day} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}` : day;
}

/** Whether the post is on the site built at `now`; undefined when its frontmatter did not parse. */
export function publicAt(post: CheckedPost, now: Date): boolean | undefined {
  return post.data ? isPublic(post.data, now) : undefined;
}
