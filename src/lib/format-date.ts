/**
 * Intl formatters are slow to build (locale data is resolved on every
 * construction) and a build formats thousands of dates, so each one is made
 * once per locale and zone and reused.
 */
const longDates = new Map<string, Intl.DateTimeFormat>();
const relativeTimes = new Map<string, Intl.RelativeTimeFormat>();

function longDateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone}`;
  let f = longDates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' });
    longDates.set(key, f);
  }
  return f;
}

function relativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  let f = relativeTimes.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeTimes.set(locale, f);
  }
  return f;
}

/** "November 20, 2026" as people in the studio's zone see the day. */
export function formatLongDate(date: Date, timeZone: string, locale: string): string {
  return longDateFormat(locale, timeZone).format(date);
}

/** "13 hours ago", "3 days ago"; undefined past a week, when the date itself reads better. */
export function relativeAge(date: Date, now: Date, locale: string): string | undefined {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = relativeTimeFormat(locale);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return undefined;
}
