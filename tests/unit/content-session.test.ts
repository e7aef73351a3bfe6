/**
 * One build, one "now" (issue 19, class 4): a build's content session reads the
 * clock once and gives that instant to the reading and to every step that asks
 * later; the dev server's session follows the clock, so a scheduled post comes
 * out while it runs.
 *
 * The content makes a second clock reading visible: a live post links to one
 * due a second after noon. Read at noon, that link is an error (the target is
 * not out yet); read a minute later, it is fine.
 */
import { describe, expect, it } from 'vitest';
import { createSession, type SessionMode } from '../../src/lib/content/session.ts';
import { isPublic } from '../../src/lib/publishing.ts';
import { makeContent, post } from './support/temp-content.ts';

const NOON = new Date('2026-11-27T12:00:00-05:00');
const A_MINUTE = 60_000;

const fields = (title: string, date: string) =>
  `title: ${title}\ndescription: A description long enough to pass the fifty character minimum for summaries.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage]`;

function content(): string {
  return makeContent({
    'posts/2026-11-27-noon-post.md': post(
      fields('Out at noon', '2026-11-27T12:00:00-05:00'),
      'See [the next one](../one-second-later/).\n',
    ),
    'posts/2026-11-27-one-second-later.md': post(fields('Out a second later', '2026-11-27T12:00:01-05:00')),
  });
}

/** A clock that starts at noon and moves on a minute each time it is read, counting the reads. */
function tickingClock() {
  const clock = {
    reads: 0,
    read: () => new Date(NOON.getTime() + clock.reads++ * A_MINUTE),
  };
  return clock;
}

function open(mode: SessionMode, clock: ReturnType<typeof tickingClock>) {
  const dir = content();
  return createSession({
    mode,
    clock: clock.read,
    contentDir: dir,
    root: dir,
    timeZone: 'America/New_York',
    site: { url: 'https://www.myrituals.me', base: '/' },
  });
}

const linkErrors = (session: ReturnType<typeof open>) =>
  session.report.problems.filter((p) => p.severity === 'error' && p.message.includes('not on the site yet')).map((p) => p.file);
const laterPost = (session: ReturnType<typeof open>) => session.posts.find((p) => p.slug === 'one-second-later')!;

describe('a content session', () => {
  for (const mode of ['build', 'sync'] as const) {
    it(`in ${mode} mode reads the clock exactly once, for the reading and for every later "now"`, async () => {
      const clock = tickingClock();
      const session = open(mode, clock);
      expect(clock.reads).toBe(1);

      // The reading was made at noon: the link to the post due at 12:00:01 is an error.
      expect(linkErrors(session)).toEqual(['posts/2026-11-27-noon-post.md']);
      for (let i = 0; i < 5; i++) expect(session.now()).toEqual(NOON);
      expect(isPublic(laterPost(session), session.now())).toBe(false);

      await session.refresh();
      expect(session.now()).toEqual(NOON);
      expect(linkErrors(session)).toEqual(['posts/2026-11-27-noon-post.md']);
      expect(clock.reads).toBe(1);
    });
  }

  it('in dev mode follows the clock: each "now" is a new reading, and a refresh reads the content at it', async () => {
    const clock = tickingClock();
    const session = open('dev', clock);
    // The first reading was at noon, like a build's.
    expect(linkErrors(session)).toEqual(['posts/2026-11-27-noon-post.md']);

    const first = session.now();
    const second = session.now();
    expect(second.getTime() - first.getTime()).toBe(A_MINUTE);
    expect(first.getTime()).toBeGreaterThan(NOON.getTime());
    expect(isPublic(laterPost(session), session.now())).toBe(true);

    await session.refresh();
    // Read again minutes after noon: both posts are out, so the link is fine.
    expect(linkErrors(session)).toEqual([]);
    expect(clock.reads).toBeGreaterThan(3);
  });
});
