/**
 * How a post's `date` (and `updated`) frontmatter becomes an instant.
 *
 * - `2026-11-27`: the start of that day in the site's time zone.
 * - `2026-11-27T07:00:00-05:00` or `...Z`: exactly that instant.
 * - `2026-11-27T07:00:00` (no offset): refused, because the reader of the file
 *   cannot tell which zone was meant.
 */
import { startOfDay } from './zoned-time.ts';

export const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIMESTAMP_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/;
const TIMESTAMP_WITHOUT_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/;

export type DateParse = { ok: true; instant: Date; dateOnly: boolean } | { ok: false; reason: string };

function validCalendarDay(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** Parse frontmatter text as written by a person. */
export function parsePublishDate(text: string, timeZone: string): DateParse {
  const value = text.trim();
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!validCalendarDay(y, m, d)) return { ok: false, reason: `"${value}" is not a day on the calendar` };
    return { ok: true, instant: startOfDay(y, m, d, timeZone), dateOnly: true };
  }
  const stamp = TIMESTAMP_WITH_OFFSET.exec(value);
  if (stamp) {
    const [y, m, d] = [Number(stamp[1]), Number(stamp[2]), Number(stamp[3])];
    const instant = new Date(value.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!validCalendarDay(y, m, d) || Number.isNaN(instant.getTime())) {
      return { ok: false, reason: `"${value}" is not a real date and time` };
    }
    return { ok: true, instant, dateOnly: false };
  }
  if (TIMESTAMP_WITHOUT_OFFSET.test(value)) {
    return { ok: false, reason: `"${value}" has a time but no time-zone offset` };
  }
  return { ok: false, reason: `"${value}" is not a date` };
}

/**
 * Astro's YAML reader turns dates into Date objects before our schema sees them:
 * `2026-11-27` arrives as midnight UTC. We read midnight UTC as "a date alone" and
 * move it to midnight in the site's zone. The raw-text check (content-check) has
 * already refused timestamps without an offset, so nothing else lands here.
 */
export function normalizeParsedDate(value: Date, timeZone: string): Date {
  const isUtcMidnight =
    value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0 && value.getUTCMilliseconds() === 0;
  if (!isUtcMidnight) return value;
  return startOfDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), timeZone);
}

export const DATE_FIX_HINT = 'write 2026-11-27 or 2026-11-27T07:00:00-05:00';
