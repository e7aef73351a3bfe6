/**
 * A source's publishing date as the post schema takes it: the instant kept
 * exactly, written in the studio's time zone with its offset
 * (2019-04-02T09:30:00-04:00), or as the day alone when it falls at midnight
 * there (which is what a day means in this site).
 */
import { calendarDate, instantFromWallClock, isoWithOffset, wallClockAt } from '../zoned-time.ts';

const LOCAL_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST_YEAR = 1990;

export type SourceDate = { ok: true; value: string; instant: Date } | { ok: false; reason: string };

/**
 * Read a date as feeds and pages write it: RFC 822 (RSS), ISO 8601 with an
 * offset (Atom, JSON-LD), a day, or a local time without an offset (taken in
 * the studio's zone, as WordPress's local post date is).
 */
export function sourceDate(raw: string | undefined, timeZone: string, now: Date): SourceDate {
  const text = raw?.trim();
  if (!text) return { ok: false, reason: 'the source gives no date' };
  let instant: Date;
  if (DAY.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    instant = instantFromWallClock({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone);
  } else {
    const local = LOCAL_TIMESTAMP.exec(text);
    instant = local
      ? instantFromWallClock(
          { year: +local[1]!, month: +local[2]!, day: +local[3]!, hour: +local[4]!, minute: +local[5]!, second: +(local[6] ?? 0) },
          timeZone,
        )
      : new Date(text);
  }
  if (Number.isNaN(instant.getTime())) return { ok: false, reason: `the source's date "${text}" is not a date` };
  const year = wallClockAt(instant, timeZone).year;
  if (year < EARLIEST_YEAR || instant.getTime() > now.getTime() + 366 * 86_400_000) {
    return { ok: false, reason: `the source's date "${text}" is not a plausible publishing date` };
  }
  // Whole seconds: frontmatter has no room for milliseconds.
  instant = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  const w = wallClockAt(instant, timeZone);
  const value = w.hour === 0 && w.minute === 0 && w.second === 0 ? calendarDate(instant, timeZone) : isoWithOffset(instant, timeZone);
  return { ok: true, value, instant };
}
