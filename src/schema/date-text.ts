/**
 * The two ways a writer may give a post's `date:` (and `updated:`), as text:
 *
 * - a day, `2026-11-27`: the post goes out at the start of that day in the
 *   studio's time zone (resolved by src/lib/publish-date.ts, which knows zones);
 * - a time with its offset, `2026-11-27T07:00:00-05:00` (YAML's own forms with a
 *   space, `2026-11-27 07:00:00 -05:00`, and `Z` for UTC are accepted too).
 *
 * Whether a value has a time is decided here, from the text, never from the
 * instant it stands for: 19:00 in New York is midnight UTC and still a time.
 * A time without an offset is refused: nobody reading the file could tell the zone.
 */
import { z } from 'zod';

export const DATE_FIX_HINT = 'write 2026-11-27 or 2026-11-27T07:00:00-05:00';

/** A day alone: `2026-11-27`. */
export const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A time of day, with or without its offset (without one, it is refused). */
export const TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T|t|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?[ \t]*(?:(Z|z)|([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

export type DateText =
  | { kind: 'day'; year: number; month: number; day: number }
  /** An exact instant: the offset is part of the text. */
  | { kind: 'time'; instant: Date };

export type DateTextResult = { ok: true; value: DateText } | { ok: false; reason: string };

function isCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Read a date as a person wrote it; the reason says what is wrong in plain words. */
export function readDateText(text: string): DateTextResult {
  const value = text.trim();
  const day = DAY.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!isCalendarDay(year, month, date)) return { ok: false, reason: `"${value}" is not a day on the calendar` };
    return { ok: true, value: { kind: 'day', year, month, day: date } };
  }
  const time = TIME.exec(value);
  if (!time) return { ok: false, reason: `"${value}" is not a date` };
  const [year, month, date, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(time[i]));
  const second = Number(time[6] ?? 0);
  const millis = Number(((time[7] ?? '') + '000').slice(0, 3));
  if (!isCalendarDay(year!, month!, date!) || hour! > 23 || minute! > 59 || second > 59) {
    return { ok: false, reason: `"${value}" is not a real date and time` };
  }
  if (!time[8] && !time[9]) return { ok: false, reason: `"${value}" has a time but no time-zone offset` };
  let offsetMinutes = 0;
  if (time[9]) {
    const hours = Number(time[10]);
    const minutes = Number(time[11] ?? 0);
    if (hours > 14 || minutes > 59) return { ok: false, reason: `"${value}" has an offset that no time zone uses` };
    offsetMinutes = (time[9] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const instant = new Date(Date.UTC(year!, month! - 1, date!, hour!, minute!, second, millis) - offsetMinutes * 60_000);
  return { ok: true, value: { kind: 'time', instant } };
}

/** A `date:`-like field: text in one of the accepted forms (the instant is worked out with the site's zone later). */
export function dateTextField() {
  return z.string({ error: `is not a date; ${DATE_FIX_HINT}` }).superRefine((text, ctx) => {
    const read = readDateText(text);
    if (!read.ok) ctx.addIssue({ code: 'custom', message: `${read.reason}; ${DATE_FIX_HINT}` });
  });
}
