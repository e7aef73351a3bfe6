import { describe, expect, it } from 'vitest';
import { calendarDate, instantFromWallClock, isoWithOffset, offsetMinutesAt, startOfDay } from '../../src/lib/zoned-time.ts';

const NY = 'America/New_York';

describe('time zones', () => {
  it('knows New York is UTC-5 in winter and UTC-4 in summer', () => {
    expect(offsetMinutesAt(new Date('2026-01-15T12:00:00Z'), NY)).toBe(-300);
    expect(offsetMinutesAt(new Date('2026-07-15T12:00:00Z'), NY)).toBe(-240);
  });

  it('puts the start of a day at local midnight on both sides of DST', () => {
    expect(startOfDay(2026, 11, 27, NY).toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(startOfDay(2026, 7, 4, NY).toISOString()).toBe('2026-07-04T04:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 2026-11-01: clocks fall back at 02:00 EDT; midnight is still EDT.
    expect(startOfDay(2026, 11, 1, NY).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfDay(2026, 11, 2, NY).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // 2027-03-14: clocks spring forward at 02:00 EST.
    expect(startOfDay(2027, 3, 14, NY).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(startOfDay(2027, 3, 15, NY).toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });

  it('moves a local time inside the spring-forward gap to when the clocks jump', () => {
    const at = instantFromWallClock({ year: 2027, month: 3, day: 14, hour: 2, minute: 30, second: 0 }, NY);
    expect(at.toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(isoWithOffset(at, NY)).toBe('2027-03-14T03:30:00-04:00');
  });

  it('formats instants with the local offset and gives the local calendar day', () => {
    expect(isoWithOffset(new Date('2026-11-27T05:00:00Z'), NY)).toBe('2026-11-27T00:00:00-05:00');
    expect(calendarDate(new Date('2026-11-27T03:00:00Z'), NY)).toBe('2026-11-26');
    expect(calendarDate(new Date('2026-11-27T03:00:00Z'), 'UTC')).toBe('2026-11-27');
  });
});
