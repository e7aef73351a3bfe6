/**
 * Publishing days in the studio's time zone. Days are handled as calendar
 * dates ("2026-11-01"), never as "now plus 24 hours": around a DST change a day
 * is 23 or 25 hours long, and counting in hours would skip or repeat a day.
 */
import { isPublic } from '../publishing.ts';
import { calendarDate, startOfDay } from '../zoned-time.ts';

/** What scheduling needs to know about a post. */
export interface ScheduledPost {
  slug: string;
  title: string;
  /** The file, as shown to people. */
  file: string;
  date: Date;
  draft: boolean;
  /** No problems: a build publishes it when due (see isPublic). */
  valid: boolean;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant a calendar day starts in `timeZone`. */
export function dayStart(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return startOfDay(y, m, d, timeZone);
}

/** The day a post goes live, as people in the studio see the calendar. */
export function publishDay(post: { date: Date }, timeZone: string): string {
  return calendarDate(post.date, timeZone);
}

/** Posts that will publish (drafts never do), grouped by day, each day in time order. */
export function postsByDay<T extends ScheduledPost>(posts: readonly T[], timeZone: string): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const post of posts) {
    if (post.draft) continue;
    const day = publishDay(post, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), post]);
  }
  for (const list of byDay.values()) list.sort((a, b) => a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug));
  return byDay;
}

/** The first day after today (in the studio's zone) with no post to publish. */
export function nextFreeDay(posts: readonly ScheduledPost[], now: Date, timeZone: string): string {
  const taken = postsByDay(posts, timeZone);
  let day = addDays(calendarDate(now, timeZone), 1);
  while (taken.has(day)) day = addDays(day, 1);
  return day;
}

/** Posts public at `now` that went live on or after the start of `sinceDay`. */
export function publishedSince(posts: readonly ScheduledPost[], sinceDay: string, now: Date, timeZone: string): ScheduledPost[] {
  const from = dayStart(sinceDay, timeZone).getTime();
  return posts.filter((p) => isPublic(p, now) && p.date.getTime() >= from);
}
