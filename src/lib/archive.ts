/**
 * The archive: public posts grouped by the year and month they were published,
 * as people in the studio's time zone see the date (a post at 23:30 in Orlando
 * on 31 October belongs to October, whatever UTC says).
 */
import { wallClockAt } from './zoned-time.ts';

export interface ArchiveMonth<T> {
  year: number;
  /** 1 to 12. */
  month: number;
  posts: T[];
}

export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
  count: number;
}

/** Years newest first, months newest first, posts in the order given (pass them newest first). */
export function archiveByMonth<T extends { date: Date }>(posts: readonly T[], timeZone: string): ArchiveYear<T>[] {
  const years = new Map<number, Map<number, T[]>>();
  for (const post of posts) {
    const { year, month } = wallClockAt(post.date, timeZone);
    const months = years.get(year) ?? new Map<number, T[]>();
    years.set(year, months);
    const list = months.get(month) ?? [];
    months.set(month, list);
    list.push(post);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => {
      const list = [...months].sort(([a], [b]) => b - a).map(([month, monthPosts]) => ({ year, month, posts: monthPosts }));
      return { year, months: list, count: list.reduce((n, m) => n + m.posts.length, 0) };
    });
}

/** Path under the base: `archive/`, `archive/2026/`, `archive/2026/11/`. */
export function archivePath(year?: number, month?: number): string {
  if (year === undefined) return 'archive/';
  if (month === undefined) return `archive/${year}/`;
  return `archive/${year}/${String(month).padStart(2, '0')}/`;
}

/** "November 2026" (or just "November") in the site's language. */
export function monthName(year: number, month: number, locale: string, withYear = true): string {
  // Mid-month at noon UTC names the same month in every zone.
  const at = new Date(Date.UTC(year, month - 1, 15, 12));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(at);
}
