/**
 * Proof that posts went live: after the upload, fetch each post's page from
 * the public site as a reader would (answer 200, and the page shows its title)
 * and the RSS feed (it links to the post), again and again with growing waits
 * while a cache still serves the old site, up to a time budget. The moment a
 * page is first seen, minus the post's date, is how late it went live.
 *
 * The clock and the wait are passed in, so tests run in no time.
 */
import { decodeEntities } from '../../../src/lib/html.ts';
import { networkReason } from './net-error.ts';
import type { LivePost, Sighting } from './records.ts';
import { duration, plural } from './words.ts';

/** A post to look for; `inFeed` when it is among the newest posts the feed lists. */
export type PostToCheck = Pick<LivePost, 'slug' | 'title' | 'url' | 'date' | 'file' | 'wasHeldBack'> & { inFeed: boolean };

export interface LiveCheckOptions {
  feedUrl: string;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** The first wait between tries; each next one doubles, up to `maxWaitMs`. */
  firstWaitMs?: number;
  maxWaitMs?: number;
  /** No try starts later than this after the first. */
  budgetMs?: number;
  timeoutMs?: number;
  /** Told about each round, for the log. */
  log?: (line: string) => void;
}

const DEFAULTS = { firstWaitMs: 10_000, maxWaitMs: 60_000, budgetMs: 6 * 60_000, timeoutMs: 20_000 };

type Answer = { ok: true; text: string } | { ok: false; problem: string };

async function get(url: string, fetcher: typeof globalThis.fetch, timeoutMs: number): Promise<Answer> {
  try {
    const response = await fetcher(url, {
      headers: { 'user-agent': 'wellness-rituals-publish (live check)', accept: 'text/html,application/xml;q=0.9,*/*;q=0.8' },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return response.ok
      ? { ok: true, text }
      : { ok: false, problem: `answers ${response.status}${response.status === 404 ? ' (not found)' : ''}` };
  } catch (error) {
    return { ok: false, problem: `cannot be reached (${networkReason(error)})` };
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The page shows the post: its text, with entities decoded, holds the title. */
export function pageShows(html: string, title: string): boolean {
  return squash(decodeEntities(html)).includes(squash(title));
}

/** The addresses the feed's items link to. */
export function feedLinks(xml: string): Set<string> {
  const links = new Set<string>();
  for (const item of xml.match(/<item\b[\s\S]*?<\/item>/g) ?? []) {
    const link = /<link>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/link>/.exec(item)?.[1];
    if (link) links.add(decodeEntities(link.trim()));
  }
  return links;
}

interface Pending {
  post: PostToCheck;
  page: Sighting;
  feed: Sighting | undefined;
}

export async function checkLive(posts: readonly PostToCheck[], opts: LiveCheckOptions): Promise<LivePost[]> {
  const o = { ...DEFAULTS, ...opts };
  const fetcher = opts.fetch ?? globalThis.fetch;
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log = opts.log ?? (() => {});
  const states: Pending[] = posts.map((post) => ({
    post,
    page: { ok: false, tries: 0 },
    feed: post.inFeed ? { ok: false, tries: 0 } : undefined,
  }));
  const started = now().getTime();
  let wait = o.firstWaitMs;

  for (;;) {
    for (const s of states.filter((x) => !x.page.ok)) {
      s.page.tries++;
      const answer = await get(s.post.url, fetcher, o.timeoutMs);
      if (answer.ok && pageShows(answer.text, s.post.title)) s.page = { ok: true, at: now().toISOString(), tries: s.page.tries };
      else
        s.page.problem = answer.ok
          ? `answers, but without the title "${s.post.title}": the host or a cache still serves an older page`
          : answer.problem;
    }
    const feedPending = states.filter((x) => x.feed && !x.feed.ok);
    if (feedPending.length) {
      const answer = await get(o.feedUrl, fetcher, o.timeoutMs);
      const links = answer.ok ? feedLinks(answer.text) : new Set<string>();
      for (const s of feedPending) {
        const feed = s.feed!;
        feed.tries++;
        if (links.has(s.post.url)) s.feed = { ok: true, at: now().toISOString(), tries: feed.tries };
        else feed.problem = answer.ok ? 'does not list it' : answer.problem;
      }
    }
    const left = states.filter((x) => !x.page.ok || (x.feed && !x.feed.ok)).length;
    const elapsed = now().getTime() - started;
    if (!left || elapsed + wait > o.budgetMs) break;
    log(`${plural(left, 'post')} not seen yet; trying again in ${Math.round(wait / 1000)} s`);
    await sleep(wait);
    wait = Math.min(wait * 2, o.maxWaitMs);
  }

  const over = duration(now().getTime() - started);
  return states.map(({ post, page, feed }) => {
    const { inFeed: _inFeed, ...rest } = post;
    const after = (tries: number) => `after ${plural(tries, 'try', 'tries')} in ${over}`;
    if (!page.ok) page.problem = `${post.url} still ${page.problem} ${after(page.tries)}`;
    if (feed && !feed.ok)
      feed.problem = `the feed ${opts.feedUrl} still ${feed.problem} ${after(feed.tries)}, so feed readers do not see the post yet`;
    const lateMs = page.ok && page.at ? Date.parse(page.at) - Date.parse(post.date) : undefined;
    return { ...rest, page, feed, lateMs };
  });
}
