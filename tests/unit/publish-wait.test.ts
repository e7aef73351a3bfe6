/** The scheduled run's wait for a post that comes due within minutes, with posts read as the build reads them. */
import { describe, expect, it } from 'vitest';
import { postsOf } from '../../src/lib/post-model.ts';
import { nextDueWithin, waitFor, waitMessage } from '../../scripts/lib/publish/wait.ts';
import { makeContent, post, readFolder } from './support/temp-content.ts';

const fm = (title: string, date: string, extra = '') =>
  `title: ${title}\ndescription: A description long enough to pass the fifty character minimum.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage]${extra}`;

describe('nextDueWithin', () => {
  // 06:50 in Orlando: the hourly run has started before a 07:00 post.
  const now = new Date('2026-11-27T06:50:00-05:00');
  const posts = postsOf(
    readFolder(
      makeContent({
        'posts/2026-11-27-seven.md': post(fm('Seven o’clock', '2026-11-27T07:00:00-05:00')),
        'posts/2026-11-27-five-past.md': post(fm('Five past', '2026-11-27T07:05:00-05:00')),
        'posts/2026-11-27-draft.md': post(fm('A draft', '2026-11-27T06:55:00-05:00', '\ndraft: true')),
        'posts/2026-11-27-broken.md': post(fm('Broken', '2026-11-27T06:52:00-05:00', '\nautor: x')),
        'posts/2026-11-27-late.md': post(fm('Half past', '2026-11-27T07:30:00-05:00')),
        'posts/2026-11-26-yesterday.md': post(fm('Yesterday', '2026-11-26')),
      }),
      now,
    ),
  );

  it('finds the first valid, non-draft post due within the window, not one already due', () => {
    expect(nextDueWithin(posts, now, 20 * 60_000)?.title).toBe('Seven o’clock');
    expect(nextDueWithin(posts, new Date('2026-11-27T07:00:00-05:00'), 20 * 60_000)?.title).toBe('Five past');
  });

  it('does not wait for a post further off than the window, nor when the window is nothing', () => {
    expect(nextDueWithin(posts, now, 5 * 60_000)).toBeUndefined();
    expect(nextDueWithin(posts, now, 0)).toBeUndefined();
  });

  it('waits until a second past the date, and says for whom', () => {
    const seven = nextDueWithin(posts, now, 20 * 60_000)!;
    expect(waitFor(seven, now)).toBe(10 * 60_000 + 1000);
    expect(waitFor(seven, new Date('2026-11-27T07:00:05-05:00'))).toBe(0);
    expect(waitMessage(seven, now, 'America/New_York')).toBe(
      `Waiting 10 min 1 s for "Seven o’clock" (${seven.file}), due Fri, Nov 27, 07:00, so that it goes out in this run.`,
    );
  });
});
