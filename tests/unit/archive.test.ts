import { describe, expect, it } from 'vitest';
import { archiveByMonth, archivePath, monthName } from '../../src/lib/archive.ts';

const NY = 'America/New_York';
const post = (slug: string, iso: string) => ({ slug, date: new Date(iso) });

describe('archiveByMonth', () => {
  it('groups by year and month, newest first, keeping the order of posts given', () => {
    const posts = [
      post('dec', '2026-12-02T12:00:00-05:00'),
      post('nov-b', '2026-11-20T12:00:00-05:00'),
      post('nov-a', '2026-11-03T12:00:00-05:00'),
      post('last-year', '2025-06-01T12:00:00-04:00'),
    ];
    const years = archiveByMonth(posts, NY);
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2026, 3],
      [2025, 1],
    ]);
    expect(years[0]!.months.map((m) => [m.month, m.posts.map((p) => p.slug)])).toEqual([
      [12, ['dec']],
      [11, ['nov-b', 'nov-a']],
    ]);
  });

  it('uses the calendar of the studio, not UTC', () => {
    // 23:30 in New York on 31 October is already 1 November in UTC.
    const late = post('halloween-night', '2026-10-31T23:30:00-04:00');
    expect(archiveByMonth([late], NY)[0]!.months[0]!.month).toBe(10);
    expect(archiveByMonth([late], 'UTC')[0]!.months[0]!.month).toBe(11);
  });

  it('is empty without posts', () => {
    expect(archiveByMonth([], NY)).toEqual([]);
  });
});

describe('archivePath and monthName', () => {
  it('builds paths with two-digit months', () => {
    expect(archivePath()).toBe('archive/');
    expect(archivePath(2026)).toBe('archive/2026/');
    expect(archivePath(2026, 3)).toBe('archive/2026/03/');
  });

  it('names months in the site language', () => {
    expect(monthName(2026, 11, 'en-US')).toBe('November 2026');
    expect(monthName(2026, 1, 'en-US', false)).toBe('January');
    expect(monthName(2026, 11, 'es')).toMatch(/noviembre/);
  });
});
