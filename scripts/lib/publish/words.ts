/**
 * How the publish workflow writes times, durations and Markdown for people:
 * the job summary and the held-back issue are read by marketers, in GitHub's
 * Markdown, so every title and message from a post file is escaped.
 */
import { wallClockAt } from '../../../src/lib/zoned-time.ts';

import { plural } from '../../../src/lib/plural.ts';

export { plural };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * "Thu, Nov 26, 07:00" in the studio's zone; midnight, the time a post dated
 * with a day alone goes out, is left off ("Thu, Nov 26") as in `npm run calendar`.
 */
export function when(instant: Date, timeZone: string, time: 'unless-midnight' | 'always' = 'unless-midnight'): string {
  const w = wallClockAt(instant, timeZone);
  const day = `${WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]}, ${MONTHS[w.month - 1]} ${w.day}`;
  return w.hour || w.minute || time === 'always' ? `${day}, ${two(w.hour)}:${two(w.minute)}` : day;
}

/** "07:03": the clock time alone, for a moment on a day already named. */
export function clock(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/** "under a minute", "8 min", "1 h 5 min", "2 days 3 h": to the nearest minute. */
export function duration(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${plural(days, 'day')} ${hours % 24} h` : plural(days, 'day');
}

/**
 * Text from a post (a title, a message) as plain text in Markdown: no emphasis,
 * links or HTML, and no @mention that would notify a stranger.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|<>~&]/g, '\\$&')
    .replace(/^(\s*)([-=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(?=\w)/g, '@&#8203;')
    .replace(/\r?\n/g, ' ');
}

/** `text` as inline code, whatever backticks it holds. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

/** A fenced block that no line of `text` can close early. */
export function fence(text: string, info = 'text'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${text}\n${ticks}`;
}
