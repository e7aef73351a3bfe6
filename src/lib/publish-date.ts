/**
 * A `date:` (or `updated:`) as written, as the instant it stands for: a day
 * alone is the start of that day in the site's time zone; a time carries its
 * own offset. The text forms are defined and checked in src/schema/date-text.ts.
 */
import { readDateText } from '../schema/date-text.ts';
import { startOfDay } from './zoned-time.ts';

export interface PublishDate {
  instant: Date;
  /** The writer gave a time (and offset), not a day alone. Read from the text, never the instant. */
  hasTime: boolean;
}

export type PublishDateResult = ({ ok: true } & PublishDate) | { ok: false; reason: string };

export function resolvePublishDate(text: string, timeZone: string): PublishDateResult {
  const read = readDateText(text);
  if (!read.ok) return read;
  const value = read.value;
  if (value.kind === 'time') return { ok: true, instant: value.instant, hasTime: true };
  return { ok: true, instant: startOfDay(value.year, value.month, value.day, timeZone), hasTime: false };
}
