/**
 * Time-zone arithmetic with nothing but Intl, so it runs the same in Astro,
 * in scripts and in tests. Every function takes the zone as an argument.
 */

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The calendar date and clock time that people in `timeZone` see at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes east of UTC in `timeZone` at `instant` (New York: -300 in winter, -240 in summer). */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` reads the given local time.
 * Local times skipped by a spring-forward change resolve to the first valid
 * instant after them, so "02:30" on a DST morning means 03:00 rather than an error.
 */
export function instantFromWallClock(w: WallClock, timeZone: string): Date {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two passes settle the offset even when the guess lands on the other side of a change.
  let guess = naive - offsetMinutesAt(new Date(naive), timeZone) * 60000;
  guess = naive - offsetMinutesAt(new Date(guess), timeZone) * 60000;
  const seen = wallClockAt(new Date(guess), timeZone);
  const seenNaive = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
  if (seenNaive !== naive && seenNaive < naive) {
    // In the gap of a spring-forward: move to the instant the clocks jump to.
    guess += naive - seenNaive;
  }
  return new Date(guess);
}

/** Midnight at the start of a calendar day in `timeZone`. */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  return instantFromWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/** `YYYY-MM-DD` of the day `instant` falls on in `timeZone`. */
export function calendarDate(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset, e.g. 2026-11-27T00:00:00-05:00: what <time datetime> and feeds show. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const off = offsetMinutesAt(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
