/**
 * A post's `date` and `updated` between the file and the editor's date picker.
 *
 * The file says `2026-11-27` (midnight in the studio's zone) or
 * `2026-11-27T07:00:00-05:00`. The picker reads and writes timestamps only, and
 * would show a bare day as midnight UTC, the evening before in Florida; so it is
 * handed the day as the studio's midnight, and whatever it gives back is written
 * in the file's forms again, with the studio's midnight as the day alone. The
 * instant never changes, only how it is written.
 */
import { resolvePublishDate } from '../publish-date.ts';
import { calendarDate, isoWithOffset, wallClockAt } from '../zoned-time.ts';

function isStudioMidnight(instant: Date, timeZone: string): boolean {
  const w = wallClockAt(instant, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 && instant.getUTCMilliseconds() === 0;
}

/** As the file should say it; a value that is not a date is returned as it was, for the content check to name. */
export function dateForFile(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string' && !(value instanceof Date)) return value;
  const parsed = resolvePublishDate(value instanceof Date ? value.toISOString() : value, timeZone);
  if (!parsed.ok) return value;
  if (!parsed.hasTime) return String(value).trim();
  return isStudioMidnight(parsed.instant, timeZone) ? calendarDate(parsed.instant, timeZone) : isoWithOffset(parsed.instant, timeZone);
}

/** As the date picker should get it: a bare day becomes the studio's midnight, with its offset. */
export function dateForPicker(value: unknown, timeZone: string): unknown {
  if (typeof value !== 'string') return value;
  const parsed = resolvePublishDate(value, timeZone);
  return parsed.ok && !parsed.hasTime ? isoWithOffset(parsed.instant, timeZone) : value;
}
