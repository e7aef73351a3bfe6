/**
 * The publishing calendar marketers read in the terminal: the coming days one
 * line each, with what goes out that day or a gap, drafts listed apart, and how
 * many posts went out recently. "Now" and the time zone are inputs.
 */
import { isPublic } from '../publishing.ts';
import { calendarDate, wallClockAt } from '../zoned-time.ts';
import { addDays, postsByDay, publishedSince, type ScheduledPost } from './schedule.ts';

export interface CalendarEntry {
  post: ScheduledPost;
  /** `HH:MM` in the studio's zone; undefined for a post that goes out at midnight (a plain day). */
  time?: string | undefined;
  /** Already live at "now" (only possible today). */
  live: boolean;
}

export interface CalendarDay {
  day: string;
  entries: CalendarEntry[];
}

export interface Calendar {
  now: Date;
  timeZone: string;
  today: string;
  days: CalendarDay[];
  drafts: ScheduledPost[];
  /** The first day of the "recently published" window, and how many posts went out since. */
  recent: { since: string; days: number; count: number };
  /** Posts scheduled after the last day shown. */
  later: number;
}

export interface CalendarOptions {
  now: Date;
  timeZone: string;
  /** How many days to show, starting today. */
  days?: number;
  /** How many days back "recently published" counts, today included. */
  recentDays?: number;
}

function clockTime(date: Date, timeZone: string): string | undefined {
  const w = wallClockAt(date, timeZone);
  if (!w.hour && !w.minute) return undefined;
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

export function buildCalendar(posts: readonly ScheduledPost[], opts: CalendarOptions): Calendar {
  const { now, timeZone } = opts;
  const count = opts.days ?? 14;
  const recentDays = opts.recentDays ?? 30;
  const today = calendarDate(now, timeZone);
  const byDay = postsByDay(posts, timeZone);
  const days: CalendarDay[] = [];
  for (let i = 0; i < count; i++) {
    const day = addDays(today, i);
    const entries = (byDay.get(day) ?? []).map((post) => ({ post, time: clockTime(post.date, timeZone), live: isPublic(post, now) }));
    days.push({ day, entries });
  }
  const lastDay = days.at(-1)!.day;
  const since = addDays(today, -(recentDays - 1));
  return {
    now,
    timeZone,
    today,
    days,
    drafts: posts.filter((p) => p.draft).sort((a, b) => a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug)),
    recent: { since, days: recentDays, count: publishedSince(posts, since, now, timeZone).length },
    later: [...byDay].filter(([day]) => day > lastDay).reduce((n, [, list]) => n + list.length, 0),
  };
}

/** "Fri, Nov 27": a calendar day in words, independent of the machine's zone. */
export function dayLabel(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

export function formatCalendar(cal: Calendar, locale = 'en-US'): string {
  const labels = cal.days.map((d) => dayLabel(d.day, locale));
  const width = Math.max(...labels.map((l) => l.length));
  const nowTime = clockTime(cal.now, cal.timeZone) ?? '00:00';
  const lines = [`Publishing calendar (${cal.timeZone}); now is ${dayLabel(cal.today, locale)} ${nowTime}.`, ''];
  cal.days.forEach((d, i) => {
    const label = `${labels[i]!.padEnd(width)}${d.day === cal.today ? ' (today)' : '        '}`;
    if (!d.entries.length) {
      lines.push(`${label}  -- gap: nothing scheduled`);
      return;
    }
    d.entries.forEach((e, j) => {
      const when = (e.time ?? '').padEnd(5);
      const state = e.live ? 'live     ' : e.post.valid ? 'scheduled' : 'held back';
      const prefix = j === 0 ? label : ' '.repeat(label.length);
      lines.push(`${prefix}  ${when}  ${state}  ${e.post.title}  (${e.post.file})`);
    });
  });
  const gaps = cal.days.filter((d) => !d.entries.length).length;
  lines.push(
    '',
    `${gaps} of ${cal.days.length} days without a post.${cal.later ? ` ${cal.later} more scheduled after ${dayLabel(cal.days.at(-1)!.day, locale)}.` : ''}`,
  );
  lines.push('', cal.drafts.length ? `Drafts (never published while \`draft: true\`): ${cal.drafts.length}` : 'Drafts: none');
  for (const p of cal.drafts) lines.push(`  ${calendarDate(p.date, cal.timeZone)}  ${p.title}  (${p.file})`);
  lines.push('', `Published in the last ${cal.recent.days} days (since ${dayLabel(cal.recent.since, locale)}): ${cal.recent.count}`);
  return lines.join('\n');
}
