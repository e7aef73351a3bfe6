import { describe, expect, it } from 'vitest';
import { byNewest, isDue, isPublic, resolveNow, visibility } from '../../src/lib/publishing.ts';
import { resolvePublishDate } from '../../src/lib/publish-date.ts';

const NY = 'America/New_York';
const dateOf = (text: string) => {
  const parsed = resolvePublishDate(text, NY);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.instant;
};

describe('isPublic', () => {
  it('publishes a post once its date has come, and not a moment before', () => {
    const post = { valid: true, draft: false, date: dateOf('2026-11-27T07:00:00-05:00') };
    expect(isPublic(post, new Date('2026-11-27T11:59:59Z'))).toBe(false);
    expect(isPublic(post, new Date('2026-11-27T12:00:00Z'))).toBe(true);
  });

  it('never publishes a draft, whatever its date', () => {
    expect(isPublic({ valid: true, draft: true, date: dateOf('2020-01-01') }, new Date('2026-11-27T12:00:00Z'))).toBe(false);
  });

  it('publishes a date-only post at midnight in New York, not midnight UTC', () => {
    const post = { valid: true, draft: false, date: dateOf('2026-11-27') };
    expect(isPublic(post, new Date('2026-11-27T04:59:59Z'))).toBe(false); // 23:59:59 on the 26th in New York
    expect(isPublic(post, new Date('2026-11-27T05:00:00Z'))).toBe(true);
  });

  it('keeps midnight local across the autumn DST change', () => {
    // On 2026-11-01 New York is still on EDT (UTC-4) at midnight; the next day it is EST (UTC-5).
    const sunday = { valid: true, draft: false, date: dateOf('2026-11-01') };
    const monday = { valid: true, draft: false, date: dateOf('2026-11-02') };
    expect(isPublic(sunday, new Date('2026-11-01T03:59:59Z'))).toBe(false);
    expect(isPublic(sunday, new Date('2026-11-01T04:00:00Z'))).toBe(true);
    expect(isPublic(monday, new Date('2026-11-02T04:59:59Z'))).toBe(false);
    expect(isPublic(monday, new Date('2026-11-02T05:00:00Z'))).toBe(true);
  });

  it('keeps midnight local across the spring DST change', () => {
    const post = { valid: true, draft: false, date: dateOf('2027-03-15') };
    expect(isPublic(post, new Date('2027-03-15T03:59:59Z'))).toBe(false);
    expect(isPublic(post, new Date('2027-03-15T04:00:00Z'))).toBe(true);
  });

  it('never publishes a post with problems, and still calls its calendar due', () => {
    const post = { valid: false, draft: false, date: dateOf('2026-11-01') };
    const now = new Date('2026-11-27T12:00:00Z');
    expect(isPublic(post, now)).toBe(false);
    expect(isDue(post, now)).toBe(true);
  });

  it('names the state for the dev badge', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(visibility({ draft: true, date: dateOf('2026-11-01') }, now)).toBe('draft');
    expect(visibility({ draft: false, date: dateOf('2026-12-01') }, now)).toBe('scheduled');
    expect(visibility({ draft: false, date: dateOf('2026-11-01') }, now)).toBe('public');
  });
});

describe('resolveNow', () => {
  it('uses the clock unless BLOG_NOW pins the moment', () => {
    const clock = () => new Date('2030-01-01T00:00:00Z');
    expect(resolveNow({}, clock).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(resolveNow({ BLOG_NOW: '2026-11-27T09:00:00-05:00' }, clock).toISOString()).toBe('2026-11-27T14:00:00.000Z');
  });

  it('refuses a BLOG_NOW it cannot read instead of silently using the clock', () => {
    expect(() => resolveNow({ BLOG_NOW: 'tomorrow' })).toThrow(/BLOG_NOW="tomorrow" is not a timestamp/);
    expect(() => resolveNow({ BLOG_NOW: '2026-11-27' })).toThrow(/write it like/);
  });
});

describe('byNewest', () => {
  it('orders newest first and breaks ties by slug', () => {
    const d = new Date('2026-11-01T00:00:00Z');
    const posts = [
      { slug: 'b', date: d },
      { slug: 'c', date: new Date('2026-11-02T00:00:00Z') },
      { slug: 'a', date: d },
    ];
    expect(posts.sort(byNewest).map((p) => p.slug)).toEqual(['c', 'a', 'b']);
  });
});
