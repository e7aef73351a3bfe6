import { describe, expect, it } from 'vitest';
import { formatLongDate, relativeAge } from '../../src/lib/format-date.ts';

describe('formatLongDate', () => {
  it('names the day as the given zone sees it, whatever zone or locale was asked for before', () => {
    // 02:00 UTC on the 21st is still the 20th in Florida.
    const at = new Date('2026-11-21T02:00:00Z');
    expect(formatLongDate(at, 'America/New_York', 'en-US')).toBe('November 20, 2026');
    expect(formatLongDate(at, 'UTC', 'en-US')).toBe('November 21, 2026');
    expect(formatLongDate(at, 'America/New_York', 'de-DE')).toBe('20. November 2026');
    expect(formatLongDate(at, 'America/New_York', 'en-US')).toBe('November 20, 2026');
  });
});

describe('relativeAge', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('words the age in the given locale, and gives up past a week', () => {
    expect(relativeAge(new Date('2026-11-27T11:59:30Z'), now, 'en-US')).toBe('now');
    expect(relativeAge(new Date('2026-11-26T23:00:00Z'), now, 'en-US')).toBe('13 hours ago');
    expect(relativeAge(new Date('2026-11-24T12:00:00Z'), now, 'de-DE')).toBe('vor 3 Tagen');
    expect(relativeAge(new Date('2026-11-24T12:00:00Z'), now, 'en-US')).toBe('3 days ago');
    expect(relativeAge(new Date('2026-11-10T12:00:00Z'), now, 'en-US')).toBeUndefined();
  });
});
