/**
 * The live check against a public site on 127.0.0.1: a post that shows up
 * after two retries passes, one that never does fails in words, lateness is
 * the moment its page was seen minus its date. The clock is a fake that the
 * waits move forward, so nothing here depends on time passing. And which posts
 * a run has to check, from the Actions API (a fake of it) or a look-back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { checkLive, feedLinks, pageShows, type PostToCheck } from '../../scripts/lib/publish/live-check.ts';
import { readReport } from '../../scripts/lib/publish/records.ts';
import { BUILD_STEP, PUBLISH_JOB, checkWindow, lastPublish, postsToCheck } from '../../scripts/lib/publish/since.ts';
import { FIXTURES } from '../support/paths.ts';
import { FAKE_REPO, useFakeGitHub } from './support/fake-github.ts';
import { join } from 'node:path';

let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer();
});
afterAll(async () => {
  await site?.close();
});

/** A clock that stands still until a wait moves it. */
function fakeTime(startIso: string) {
  let t = Date.parse(startIso);
  const waits: number[] = [];
  return { waits, now: () => new Date(t), sleep: async (ms: number) => void (waits.push(ms), (t += ms)) };
}

/** Answers 404 `misses` times, then the page. */
function appearsAfter(path: string, misses: number, html: string) {
  let asked = 0;
  site.route(path, (_req, res) => {
    if (asked++ < misses) res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
}

function feedWith(path: string, urls: string[]) {
  const items = urls.map((u) => `<item><title>x</title><link>${u.replace(/&/g, '&amp;')}</link></item>`).join('');
  site.route(path, (_req, res) =>
    res
      .writeHead(200, { 'content-type': 'application/xml' })
      .end(`<?xml version="1.0"?><rss><channel><link>${site.origin}/</link>${items}</channel></rss>`),
  );
}

const post = (slug: string, title: string, date: string, inFeed = true): PostToCheck => ({
  slug,
  title,
  url: `${site.origin}/posts/${slug}/`,
  date,
  file: `content/posts/${slug}.md`,
  wasHeldBack: false,
  inFeed,
});

describe('checkLive', () => {
  it('passes a post that appears after two retries, and times its lateness from its date to the moment it was seen', async () => {
    appearsAfter(
      '/posts/morning/',
      2,
      '<!doctype html><title>Morning stretch &amp; breath · Studio</title><h1>Morning stretch &amp;\n  breath</h1>',
    );
    feedWith('/feed-a.xml', [`${site.origin}/posts/morning/`]);
    const clock = fakeTime('2026-11-27T12:02:00.000Z');
    const [seen] = await checkLive([post('morning', 'Morning stretch & breath', '2026-11-27T12:00:00.000Z')], {
      feedUrl: `${site.origin}/feed-a.xml`,
      ...clock,
    });
    expect(clock.waits).toEqual([10_000, 20_000]);
    expect(seen!.page).toEqual({ ok: true, at: '2026-11-27T12:02:30.000Z', tries: 3 });
    expect(seen!.feed).toEqual({ ok: true, at: '2026-11-27T12:02:00.000Z', tries: 1 });
    // 07:00 in New York, seen at 07:02:30: two and a half minutes late.
    expect(seen!.lateMs).toBe(150_000);
  });

  it('fails a post that never appears, saying where, what the site answered and for how long it tried', async () => {
    appearsAfter('/posts/never/', Infinity, '');
    feedWith('/feed-b.xml', []);
    const clock = fakeTime('2026-11-27T12:05:00.000Z');
    const [seen] = await checkLive([post('never', 'Never here', '2026-11-27T12:00:00.000Z')], {
      feedUrl: `${site.origin}/feed-b.xml`,
      budgetMs: 5 * 60_000,
      ...clock,
    });
    // Waits double up to a minute, and no try starts more than five minutes after the first.
    expect(clock.waits).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    expect(seen!.page).toEqual({
      ok: false,
      tries: 7,
      problem: `${site.origin}/posts/never/ still answers 404 (not found) after 7 tries in 4 min`,
    });
    expect(seen!.feed).toEqual({
      ok: false,
      tries: 7,
      problem: `the feed ${site.origin}/feed-b.xml still does not list it after 7 tries in 4 min, so feed readers do not see the post yet`,
    });
    expect(seen!.lateMs).toBeUndefined();
  });

  it('does not take a page without the title for the post, and waits for the feed too', async () => {
    let asked = 0;
    site.route('/posts/stale/', (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(asked++ < 1 ? '<title>Home</title>' : '<h1>Fresh post</h1>'),
    );
    let feedAsked = 0;
    site.route('/feed-c.xml', (_req, res) => {
      feedAsked++;
      const urls = feedAsked < 3 ? [] : [`${site.origin}/posts/stale/`];
      const items = urls.map((u) => `<item><link>${u}</link></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`<rss><channel>${items}</channel></rss>`);
    });
    const clock = fakeTime('2026-11-27T12:00:00.000Z');
    const [seen] = await checkLive([post('stale', 'Fresh post', '2026-11-27T11:50:00.000Z')], {
      feedUrl: `${site.origin}/feed-c.xml`,
      ...clock,
    });
    expect(seen!.page).toEqual({ ok: true, at: '2026-11-27T12:00:10.000Z', tries: 2 });
    expect(seen!.feed).toEqual({ ok: true, at: '2026-11-27T12:00:30.000Z', tries: 3 });
    expect(seen!.lateMs).toBe(10 * 60_000 + 10_000);

    site.route('/posts/old-page/', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Home</title>'));
    const [stale] = await checkLive([post('old-page', 'Fresh post', '2026-11-27T11:50:00.000Z', false)], {
      feedUrl: `${site.origin}/feed-c.xml`,
      budgetMs: 0,
      ...fakeTime('2026-11-27T12:00:00.000Z'),
    });
    expect(stale!.page.problem).toBe(
      `${site.origin}/posts/old-page/ still answers, but without the title "Fresh post": the host or a cache still serves an older page after 1 try in under a minute`,
    );
    // Older than the feed's length: not looked for there.
    expect(stale!.feed).toBeUndefined();
  });

  it('says when the site cannot be reached at all', async () => {
    const closed = await startFixtureServer();
    const origin = closed.origin;
    await closed.close();
    const [seen] = await checkLive([{ ...post('x', 'X', '2026-11-27T11:00:00.000Z', false), url: `${origin}/posts/x/` }], {
      feedUrl: `${origin}/rss.xml`,
      budgetMs: 0,
      ...fakeTime('2026-11-27T12:00:00.000Z'),
    });
    expect(seen!.page.problem).toBe(`${origin}/posts/x/ still cannot be reached (ECONNREFUSED) after 1 try in under a minute`);
  });
});

describe('what a page and a feed show', () => {
  it('finds the title in a page whatever its entities and line breaks', () => {
    expect(pageShows('<h1>Salt &amp; stretch:\n the &#8220;why&#8221;</h1>', 'Salt & stretch: the “why”')).toBe(true);
    expect(pageShows('<h1>Salt and stretch</h1>', 'Salt & stretch')).toBe(false);
  });

  it("reads the links of a feed's items, not of the channel", () => {
    const xml =
      '<rss><channel><link>https://a.test/</link><item><link>https://a.test/posts/one/?a=1&amp;b=2</link></item><item><link><![CDATA[https://a.test/posts/two/]]></link></item></channel></rss>';
    expect(feedLinks(xml)).toEqual(new Set(['https://a.test/posts/one/?a=1&b=2', 'https://a.test/posts/two/']));
  });
});

describe('which posts a run checks', () => {
  const report = readReport(join(FIXTURES, 'publish/report.json'))!;
  const fake = useFakeGitHub();
  const api = fake.api;
  const now = new Date(report.now);
  const TZ = 'America/New_York';

  it("counts from the start of the last successful run's build step, after any wait for a post", async () => {
    fake.github.runs = [
      {
        id: 9,
        run_started_at: '2026-11-27T15:45:00Z',
        jobs: [
          { name: 'held-back-issue', steps: [{ name: BUILD_STEP, started_at: '2026-11-27T15:40:00Z' }] },
          {
            name: PUBLISH_JOB,
            steps: [
              { name: 'Install', started_at: '2026-11-27T15:46:00Z' },
              { name: BUILD_STEP, started_at: '2026-11-27T16:00:01Z' },
            ],
          },
        ],
      },
      { id: 8, run_started_at: '2026-11-27T14:45:00Z' },
    ];
    expect(await lastPublish(api(), 'publish.yml')).toEqual({
      at: new Date('2026-11-27T16:00:01Z'),
      exact: true,
      runUrl: `https://github.com/${FAKE_REPO}/actions/runs/9`,
    });
    expect(fake.github.requests.slice(-2)).toEqual([
      `GET /repos/${FAKE_REPO}/actions/workflows/publish.yml/runs?status=success&per_page=1`,
      `GET /repos/${FAKE_REPO}/actions/runs/9/jobs?per_page=100`,
    ]);
    expect(await checkWindow(api(), 'publish.yml', now, 3600_000, TZ)).toEqual({
      since: new Date('2026-11-27T16:00:01Z'),
      from: "the last successful run's build (Fri, Nov 27, 11:00)",
    });
  });

  it("falls back to the run's start when its steps cannot be read, and to a look-back when GitHub cannot say", async () => {
    fake.github.runs = [{ id: 9, run_started_at: '2026-11-27T15:45:00Z', jobsStatus: 403 }];
    expect(await checkWindow(api(), 'publish.yml', now, 3600_000, TZ)).toEqual({
      since: new Date('2026-11-27T15:45:00Z'),
      from: "the last successful run's start (Fri, Nov 27, 10:45)",
    });
    fake.github.runs = [];
    expect(await checkWindow(api(), 'publish.yml', now, 3600_000, TZ)).toEqual({
      since: new Date('2026-11-27T16:00:00Z'),
      from: '1 h before the build (no earlier successful run was found)',
    });
    fake.github.failWith = 503;
    expect((await checkWindow(api(), 'publish.yml', now, 90 * 60_000, TZ)).from).toBe(
      `1 h 30 min before the build (GitHub could not say when the last successful run was: GitHub answered 503 to GET /repos/${FAKE_REPO}/actions/workflows/publish.yml/runs?status=success&per_page=1: Server Error)`,
    );
    expect((await checkWindow('GITHUB_TOKEN is not set', 'publish.yml', now, 3600_000, TZ)).from).toBe(
      '1 h before the build (GitHub could not be asked: GITHUB_TOKEN is not set)',
    );
  });

  it('takes the posts due after "since" and by the build\'s now, and the ones the issue listed as held back', () => {
    const since = new Date('2026-11-27T05:00:00.000Z'); // Thai massage is due at exactly this moment: the last run had it.
    expect(postsToCheck(report, since, new Set(), 30).map((p) => [p.slug, p.inFeed, p.wasHeldBack])).toEqual([
      ['morning-stretch', true, false],
    ]);
    const fixed = postsToCheck(report, since, new Set(['content/posts/2026-11-20-recovery-week.md']), 2);
    expect(fixed.map((p) => [p.slug, p.inFeed, p.wasHeldBack])).toEqual([
      ['morning-stretch', true, false],
      ['recovery-week', false, true],
    ]);
    expect(postsToCheck(report, new Date('2026-11-27T04:59:59.999Z'), new Set(), 30).map((p) => p.slug)).toEqual([
      'morning-stretch',
      'thai-massage-for-runners',
    ]);
  });
});
