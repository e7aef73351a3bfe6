/**
 * The editor's "publish date" field: a day and an optional time of day, in the
 * studio's time zone, stored in frontmatter the way people write it by hand
 * (`2026-11-27` or `2026-11-27T07:00:00-05:00`).
 *
 * Keystatic reads frontmatter with js-yaml, which turns both forms into Date
 * objects: a plain day becomes midnight UTC, and a timestamp loses the offset it
 * was written with. Midnight UTC therefore means "a day alone" (the content check
 * refuses an explicit UTC-midnight timestamp, so nothing else can produce it), and
 * any other instant is shown at the studio's wall-clock time.
 */
import { DAY as DATE_ONLY, TIME as TIMESTAMP_WITH_OFFSET } from '../../schema/date-text.ts';
import { instantFromWallClock, isoWithOffset, wallClockAt } from '../zoned-time.ts';

export interface DayAndTime {
  /** `YYYY-MM-DD`, or '' when not set. */
  day: string;
  /** `HH:MM` or `HH:MM:SS` in the studio's zone, or '' for the start of the day. */
  time: string;
  /** What the file said, when it could not be read as a day or a time: kept so the message can quote it. */
  unreadable?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

function fromInstant(instant: Date, timeZone: string): DayAndTime {
  const utcMidnight =
    instant.getUTCHours() === 0 && instant.getUTCMinutes() === 0 && instant.getUTCSeconds() === 0 && instant.getUTCMilliseconds() === 0;
  if (utcMidnight) {
    return { day: `${instant.getUTCFullYear()}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`, time: '' };
  }
  const w = wallClockAt(instant, timeZone);
  return {
    day: `${w.year}-${pad(w.month)}-${pad(w.day)}`,
    time: `${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`,
  };
}

/** A frontmatter value (as js-yaml or the `yaml` core schema read it) as the field shows it. */
export function dayAndTimeFromStored(value: unknown, timeZone: string): DayAndTime {
  if (value === undefined || value === null || value === '') return { day: '', time: '' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { day: '', time: '', unreadable: String(value) } : fromInstant(value, timeZone);
  }
  const text = String(value).trim();
  if (DATE_ONLY.test(text)) return { day: text, time: '' };
  if (TIMESTAMP_WITH_OFFSET.test(text)) {
    const instant = new Date(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (!Number.isNaN(instant.getTime())) return fromInstant(instant, timeZone);
  }
  return { day: '', time: '', unreadable: text };
}

/**
 * The frontmatter text for a day and time: the day alone, or the instant with
 * the studio's offset on that day (so summer and winter times are both right).
 */
export function storedFromDayAndTime(value: DayAndTime, timeZone: string): string {
  if (!value.day) return value.unreadable ?? '';
  if (!value.time) return value.day;
  const d = DATE_ONLY.exec(value.day);
  const t = TIME.exec(value.time);
  if (!d || !t) return `${value.day}T${value.time}`;
  const instant = instantFromWallClock(
    { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3] ?? 0) },
    timeZone,
  );
  return isoWithOffset(instant, timeZone);
}
