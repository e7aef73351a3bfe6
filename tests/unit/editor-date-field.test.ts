import { describe, expect, it } from 'vitest';
import { dayAndTimeFromStored, storedFromDayAndTime } from '../../src/lib/editor/date-field.ts';

const TZ = 'America/New_York';

describe('editor publish-date field', () => {
  it('reads a plain day, as js-yaml gives it (midnight UTC) and as text', () => {
    expect(dayAndTimeFromStored(new Date('2026-11-20T00:00:00Z'), TZ)).toEqual({ day: '2026-11-20', time: '' });
    expect(dayAndTimeFromStored('2026-11-20', TZ)).toEqual({ day: '2026-11-20', time: '' });
  });

  it('shows a timestamp at the studio wall clock, whatever offset js-yaml dropped', () => {
    expect(dayAndTimeFromStored(new Date('2026-11-20T09:00:00-05:00'), TZ)).toEqual({ day: '2026-11-20', time: '09:00' });
    expect(dayAndTimeFromStored('2026-07-04T18:30:15-04:00', TZ)).toEqual({ day: '2026-07-04', time: '18:30:15' });
  });

  it('writes back exactly what people type by hand, so an unchanged date round-trips', () => {
    for (const text of ['2026-11-20', '2026-11-20T09:00:00-05:00', '2026-07-04T07:00:00-04:00']) {
      expect(storedFromDayAndTime(dayAndTimeFromStored(text, TZ), TZ)).toBe(text);
      expect(storedFromDayAndTime(dayAndTimeFromStored(new Date(text.length === 10 ? `${text}T00:00:00Z` : text), TZ), TZ)).toBe(text);
    }
  });

  it('uses the offset in force on that day (winter -05:00, summer -04:00)', () => {
    expect(storedFromDayAndTime({ day: '2026-01-15', time: '07:00' }, TZ)).toBe('2026-01-15T07:00:00-05:00');
    expect(storedFromDayAndTime({ day: '2026-06-15', time: '07:00' }, TZ)).toBe('2026-06-15T07:00:00-04:00');
  });

  it('keeps what it cannot read, so the schema can name it', () => {
    const odd = dayAndTimeFromStored('yesterday', TZ);
    expect(odd.day).toBe('');
    expect(storedFromDayAndTime(odd, TZ)).toBe('yesterday');
    expect(storedFromDayAndTime({ day: '', time: '' }, TZ)).toBe('');
  });
});
