import { describe, expect, it } from 'vitest';
import { buildCalendar, formatCalendar } from '../../src/lib/authoring/calendar.ts';
import { addDays, nextFreeDay, type ScheduledPost } from '../../src/lib/authoring/schedule.ts';

const TZ = 'America/New_York';

function p(slug: string, date: string, draft = false, valid = true): ScheduledPost {
  return { slug, title: `Title of ${slug}`, file: `content/posts/${slug}.md`, date: new Date(date), draft, valid };
}

describe('the calendar against an injected now', () => {
  const now = new Date('2026-11-27T12:00:00-05:00');
  const posts = [
    p('this-morning', '2026-11-27T07:00:00-05:00'),
    p('this-evening', '2026-11-27T18:00:00-05:00'),
    p('monday', '2026-11-30T05:00:00Z'), // midnight in New York: a plain day
    p('last-day-shown', '2026-12-10T09:30:00-05:00'),
    p('after-the-window', '2026-12-11T05:00:00Z'),
    p('a-draft', '2026-12-01T05:00:00Z', true),
    p('month-old', '2026-10-29T00:00:00-04:00'), // the first moment of the 30-day window
    p('just-before', '2026-10-28T23:59:59-04:00'),
  ];
  const cal = buildCalendar(posts, { now, timeZone: TZ });

  it('shows today and the 13 days after it, one line each', () => {
    expect(cal.days.map((d) => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => addDays('2026-11-27', i)));
    const text = formatCalendar(cal).split('\n');
    expect(text[0]).toBe('Publishing calendar (America/New_York); now is Fri, Nov 27 12:00.');
    expect(text.slice(2, 7)).toEqual([
      'Fri, Nov 27 (today)  07:00  live       Title of this-morning  (content/posts/this-morning.md)',
      '                     18:00  scheduled  Title of this-evening  (content/posts/this-evening.md)',
      'Sat, Nov 28          -- gap: nothing scheduled',
      'Sun, Nov 29          -- gap: nothing scheduled',
      'Mon, Nov 30                 scheduled  Title of monday  (content/posts/monday.md)',
    ]);
  });

  it('marks gaps, lists drafts apart and counts what is beyond the window', () => {
    expect(cal.days.filter((d) => !d.entries.length)).toHaveLength(11);
    expect(cal.days.find((d) => d.day === '2026-12-01')!.entries).toEqual([]);
    expect(cal.drafts.map((d) => d.slug)).toEqual(['a-draft']);
    expect(cal.later).toBe(1);
    const text = formatCalendar(cal);
    expect(text).toContain('\n11 of 14 days without a post. 1 more scheduled after Thu, Dec 10.\n');
    expect(text).toContain(
      '\nDrafts (never published while `draft: true`): 1\n  2026-12-01  Title of a-draft  (content/posts/a-draft.md)\n',
    );
  });

  it('counts the posts published in the last 30 days, today included', () => {
    expect(cal.recent).toEqual({ since: '2026-10-29', days: 30, count: 2 });
    expect(formatCalendar(cal).split('\n').at(-1)).toBe('Published in the last 30 days (since Thu, Oct 29): 2');
  });
});

describe('daylight saving time', () => {
  it('lists every day once when the clocks go back (2026-11-01, a 25-hour day)', () => {
    const now = new Date('2026-10-31T20:00:00-04:00');
    const cal = buildCalendar(
      [
        p('before-change', '2026-11-01T00:30:00-04:00'),
        p('after-change', '2026-11-01T23:30:00-05:00'),
        p('next-midnight', '2026-11-02T00:00:00-05:00'),
      ],
      { now, timeZone: TZ },
    );
    expect(cal.days.slice(0, 3).map((d) => [d.day, d.entries.map((e) => `${e.time ?? 'day'} ${e.post.slug}`)])).toEqual([
      ['2026-10-31', []],
      ['2026-11-01', ['00:30 before-change', '23:30 after-change']],
      ['2026-11-02', ['day next-midnight']],
    ]);
    expect(new Set(cal.days.map((d) => d.day)).size).toBe(14);
  });

  it('lists every day once when the clocks go forward (2027-03-14, a 23-hour day)', () => {
    const now = new Date('2027-03-13T12:00:00-05:00');
    const cal = buildCalendar(
      [p('early', '2027-03-14T03:00:00-04:00'), p('late', '2027-03-14T23:30:00-04:00'), p('plain-day', '2027-03-15T04:00:00Z')],
      { now, timeZone: TZ },
    );
    expect(cal.days.slice(0, 3).map((d) => [d.day, d.entries.map((e) => `${e.time ?? 'day'} ${e.post.slug}`)])).toEqual([
      ['2027-03-13', []],
      ['2027-03-14', ['03:00 early', '23:30 late']],
      ['2027-03-15', ['day plain-day']],
    ]);
    expect(cal.days.at(-1)!.day).toBe('2027-03-26');
  });

  it('counts 30 calendar days back across a change', () => {
    const now = new Date('2026-11-20T12:00:00-05:00');
    // The window opens at midnight EDT on 22 Oct, before the change on 1 Nov.
    const cal = buildCalendar([p('first-moment', '2026-10-22T00:00:00-04:00'), p('a-second-early', '2026-10-21T23:59:59-04:00')], {
      now,
      timeZone: TZ,
    });
    expect(cal.recent).toEqual({ since: '2026-10-22', days: 30, count: 1 });
  });

  it('finds the next free day the same way', () => {
    expect(nextFreeDay([p('fall', '2026-11-01T23:30:00-05:00')], new Date('2026-10-31T23:59:00-04:00'), TZ)).toBe('2026-11-02');
    expect(nextFreeDay([], new Date('2027-03-14T00:30:00-05:00'), TZ)).toBe('2027-03-15');
  });
});
