/**
 * `npm run import` end to end, against a stand-in old blog on 127.0.0.1
 * (tests/fixtures/import/site/): a Wix-style feed whose items are summaries
 * (the full text is on each post's page), a WordPress export, an Atom feed,
 * a list of addresses. The imported files are compared with Markdown written
 * by hand (tests/fixtures/import/expected/); every one passes the content
 * check; a second run changes nothing.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { createFetcher } from '../../src/lib/import/fetcher.ts';
import { importPosts, type ImportOptions, type ImportReport } from '../../src/lib/import/run.ts';
import { exitCode, formatSummary } from '../../src/lib/import/summary.ts';
import { FIXTURES } from '../support/paths.ts';

const SITE_DIR = join(FIXTURES, 'import/site');
const EXPECTED = join(FIXTURES, 'import/expected');
const SITE = { url: 'https://www.myrituals.me', base: '/', title: 'Wellness Rituals', timezone: 'America/New_York' };
const NOW = new Date('2026-11-27T12:00:00-05:00');
const LAUREN = 'name: Lauren Walker\nrole: Wellness Rituals team\nbio: Lauren writes the Wellness Rituals blog for our clients.\n';
const USER_AGENT = 'Wellness Rituals blog import (test)';

let server: FixtureServer;
const sleeps: number[] = [];
let throttledOnce = false;

beforeAll(async () => {
  server = await startFixtureServer(SITE_DIR);
  // The table-top post's page says "too many requests" once, asking for a one-second pause.
  server.route('/post/table-top-stretch', (_req, res, origin) => {
    if (!throttledOnce) {
      throttledOnce = true;
      res.writeHead(429, { 'retry-after': '1' }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(readFileSync(join(SITE_DIR, 'post/table-top-stretch/index.html'), 'utf8').replaceAll('{{origin}}', origin));
  });
  // A picture over the limit the tests set (100 kB): a JPEG's first bytes, then padding.
  server.route('/media/huge.jpg', (_req, res) => {
    const bytes = Buffer.alloc(200_000);
    bytes.set([0xff, 0xd8, 0xff]);
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes);
  });
});

afterAll(async () => {
  await server?.close();
});

function contentDir(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-content-'));
  for (const [path, text] of Object.entries({ 'authors/lauren-walker.yaml': LAUREN, ...extra })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(dir: string, source: string, opts: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return importPosts({
    source,
    contentDir: dir,
    root: dir,
    site: SITE,
    now: NOW,
    maxPictureBytes: 100_000,
    fetcher: createFetcher({ userAgent: USER_AGENT, sleep: async (ms) => void sleeps.push(ms) }),
    ...opts,
  });
}

/** Every file under `dir` with its bytes and modification time: what a second run must leave as it was. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), `${readFileSync(path).toString('base64')} ${statSync(path).mtimeMs}`);
  }
  return out;
}

function expected(name: string): string {
  return readFileSync(join(EXPECTED, name), 'utf8').replaceAll('{{origin}}', server.origin);
}

/** The file as written, with its fingerprint masked (tests/unit/import-parts.test.ts checks those). */
function imported(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8').replace(/^ {2}hash: "[0-9a-f]{16}"$/m, '  hash: "…"');
}

function rows(report: ImportReport): string[] {
  return report.rows.map((r) => `${r.status}${r.draft ? ' (draft)' : ''} ${r.file ?? r.source}`);
}

function errorsIn(dir: string): string[] {
  const report = readContent({ contentDir: dir, root: dir, timeZone: SITE.timezone, now: NOW, site: SITE });
  return report.problems.filter((p) => p.severity === 'error').map(formatProblem);
}

describe('a Wix blog feed whose items are summaries', () => {
  let dir: string;
  let report: ImportReport;
  beforeAll(async () => {
    dir = contentDir();
    report = await run(dir, `${server.origin}/blog-feed.xml`);
  });

  it("reads each post's page for the full text, and says what became of every item", () => {
    expect(report.kind).toBe('rss');
    expect(rows(report)).toEqual([
      'created posts/2025-06-10-massage-after-exercise.md',
      'created posts/2025-06-02-thai-yoga-massage-basics.md',
      `failed ${server.origin}/post/stretching-myths`,
      'created (draft) posts/2025-05-21-table-top-stretch.md',
      `failed ${server.origin}/post/studio-news`,
    ]);
    expect(report.rows[2]!.reasons).toEqual(["could not read the post's page: not found (HTTP 404)"]);
    expect(report.rows[4]!.reasons).toEqual(['the page does not look like a blog post (no article found in it)']);
    expect(exitCode(report)).toBe(1);
  });

  it('writes the Markdown a person would', () => {
    for (const file of [
      '2025-06-10-massage-after-exercise.md',
      '2025-06-02-thai-yoga-massage-basics.md',
      '2025-05-21-table-top-stretch.md',
    ]) {
      expect(imported(dir, `posts/${file}`), file).toBe(expected(file));
    }
  });

  it('makes an author file for a new name, and matches a known name to its author', () => {
    expect(readFileSync(join(dir, 'authors/maya-chen.yaml'), 'utf8')).toBe(expected('maya-chen.yaml'));
    expect(report.authorsCreated).toEqual(['authors/maya-chen.yaml']);
  });

  it('downloads the pictures next to the posts, and no more', () => {
    const pictures = readdirSync(join(dir, 'posts/images'), { recursive: true })
      .map(String)
      .filter((p) => p.includes('.'))
      .sort();
    expect(pictures).toEqual([
      'massage-after-exercise/massage-legs.jpg',
      'table-top-stretch/breathing.jpg',
      'table-top-stretch/forward-fold.jpg',
      'thai-yoga-massage-basics/thai-yoga.jpg',
    ]);
    expect(readFileSync(join(dir, 'posts/images/massage-after-exercise/massage-legs.jpg'))).toEqual(
      readFileSync(join(SITE_DIR, 'media/massage-legs.jpg')),
    );
  });

  it('leaves an archive that passes the content check', () => {
    expect(errorsIn(dir)).toEqual([]);
  });

  it('waited as the server asked after a 429, and said who it is in every request', () => {
    expect(sleeps).toContain(1000);
    expect(server.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
  });

  it('changes nothing when run again', async () => {
    const before = snapshot(dir);
    const again = await run(dir, `${server.origin}/blog-feed.xml`);
    expect(rows(again)).toEqual([
      'unchanged posts/2025-06-10-massage-after-exercise.md',
      'unchanged posts/2025-06-02-thai-yoga-massage-basics.md',
      `failed ${server.origin}/post/stretching-myths`,
      'unchanged (draft) posts/2025-05-21-table-top-stretch.md',
      `failed ${server.origin}/post/studio-news`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('keeps a post edited since the import, and replaces it with --force', async () => {
    const file = join(dir, 'posts/2025-06-02-thai-yoga-massage-basics.md');
    const edited = readFileSync(file, 'utf8').replace('with no oil.', 'with no oil at all.');
    writeFileSync(file, edited);
    const kept = await run(dir, `${server.origin}/blog-feed.xml`);
    expect(kept.rows[1]).toMatchObject({ status: 'kept', file: 'posts/2025-06-02-thai-yoga-massage-basics.md' });
    expect(kept.rows[1]!.reasons[0]).toMatch(/^edited here since it was imported; left as it is \(run again with --force/);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = await run(dir, `${server.origin}/blog-feed.xml`, { force: true });
    expect(forced.rows[1]).toMatchObject({ status: 'updated', notes: ['replaced the edits made here since the last import (--force)'] });
    expect(imported(dir, 'posts/2025-06-02-thai-yoga-massage-basics.md')).toBe(expected('2025-06-02-thai-yoga-massage-basics.md'));
  });
});

describe('a WordPress export', () => {
  let dir: string;
  let report: ImportReport;
  beforeAll(async () => {
    dir = contentDir();
    report = await run(dir, `${server.origin}/wordpress-export.xml`);
  });

  it('takes the posts (not pages), featured pictures, categories and tags; a WordPress draft stays a draft', () => {
    expect(report.kind).toBe('wxr');
    expect(rows(report)).toEqual([
      'created posts/2024-03-05-five-stretches-for-desk-workers.md',
      'created (draft) posts/2024-04-02-why-we-breathe-before-a-stretch.md',
      'created (draft) posts/2024-11-20-stretching-in-winter.md',
    ]);
    expect(report.rows[0]!.notes).toEqual(['only the first 5 categories became tags; left out: shoulders']);
    for (const file of [
      '2024-03-05-five-stretches-for-desk-workers.md',
      '2024-04-02-why-we-breathe-before-a-stretch.md',
      '2024-11-20-stretching-in-winter.md',
    ]) {
      expect(imported(dir, `posts/${file}`), file).toBe(expected(file));
    }
  });

  it('leaves a picture over the size limit out, and says so', () => {
    expect(report.rows[1]!.notes).toEqual([
      `the hero picture was left out: ${server.origin}/media/huge.jpg: larger than the limit of 98 kB`,
    ]);
    expect(readdirSync(join(dir, 'posts/images'))).not.toContain('why-we-breathe-before-a-stretch');
    expect(errorsIn(dir)).toEqual([]);
  });
});

describe('an Atom feed from a file', () => {
  it('imports full-text entries, with relative links and pictures read against the entry', async () => {
    const dir = contentDir();
    const feed = join(dir, '..', `atom-${process.pid}.xml`);
    writeFileSync(feed, readFileSync(join(SITE_DIR, 'journal/atom.xml'), 'utf8').replaceAll('{{origin}}', server.origin));
    const report = await run(dir, feed);
    expect(rows(report)).toEqual(['created posts/2025-09-15-hamstring-stretches.md', 'created posts/2025-09-01-desk-breaks.md']);
    expect(imported(dir, 'posts/2025-09-15-hamstring-stretches.md')).toBe(expected('2025-09-15-hamstring-stretches.md'));
    expect(imported(dir, 'posts/2025-09-01-desk-breaks.md')).toBe(expected('2025-09-01-desk-breaks.md'));
    expect(errorsIn(dir)).toEqual([]);
    const before = snapshot(dir);
    expect(rows(await run(dir, feed)).every((r) => r.startsWith('unchanged'))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('other sources', () => {
  it('follows a blog page to the feed it names', async () => {
    const report = await run(contentDir(), `${server.origin}/blog`);
    expect(report.kind).toBe('rss');
    expect(report.rows).toHaveLength(5);
  });

  it('reads a list of addresses, and names a line that is not one', async () => {
    const dir = contentDir();
    const list = join(dir, '..', `addresses-${process.pid}.txt`);
    writeFileSync(list, readFileSync(join(SITE_DIR, 'post-addresses.txt'), 'utf8').replaceAll('{{origin}}', server.origin));
    const report = await run(dir, list);
    expect(rows(report)).toEqual([
      'failed line 5',
      'created posts/2025-06-10-massage-after-exercise.md',
      'created posts/2025-06-02-thai-yoga-massage-basics.md',
    ]);
    expect(report.rows[0]!.reasons).toEqual(['"not an address" is not a web address; write one full address (https://…) a line']);
    expect(errorsIn(dir)).toEqual([]);
  });

  it('recognises posts imported from the feed when the list of addresses brings them again', async () => {
    const dir = contentDir();
    await run(dir, `${server.origin}/blog-feed.xml`);
    const list = join(dir, '..', `again-${process.pid}.txt`);
    writeFileSync(list, `${server.origin}/post/massage-after-exercise\n`);
    const report = await run(dir, list);
    expect(report.rows.map((r) => r.file)).toEqual(['posts/2025-06-10-massage-after-exercise.md']);
    expect(readdirSync(join(dir, 'posts')).filter((f) => f.includes('massage-after-exercise'))).toEqual([
      '2025-06-10-massage-after-exercise.md',
    ]);
  });
});

describe('bad input ends in one line, and nothing written', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a feed that is not well-formed',
      () => `${server.origin}/broken-feed.xml`,
      /broken-feed\.xml is not well-formed XML \(line 4, column 1: Expected closing tag 'item'/,
    ],
    ['a missing feed', () => `${server.origin}/no-such-feed.xml`, /no-such-feed\.xml could not be fetched: not found \(HTTP 404\)/],
    ['a page with no feed', () => `${server.origin}/post/studio-news`, /is a web page that names no feed/],
    ['a file that is not there', () => '/nonexistent/export.xml', /export\.xml is not a file here, nor a web address/],
  ];
  it.each(cases)('%s', async (_name, source, message) => {
    const dir = contentDir();
    const before = snapshot(dir);
    const report = await run(dir, source());
    expect(report.sourceFailure).toMatch(message);
    expect(formatSummary(report).split('\n')).toHaveLength(1);
    expect(exitCode(report)).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a server that does not answer', async () => {
    const closed = await startFixtureServer();
    const origin = closed.origin;
    await closed.close();
    const report = await run(contentDir(), `${origin}/blog-feed.xml`);
    expect(report.sourceFailure).toBe(`${origin}/blog-feed.xml could not be fetched: could not connect (connection refused)`);
  });

  it('an --author that does not exist', async () => {
    const report = await run(contentDir(), `${server.origin}/blog-feed.xml`, { author: 'laurenn' });
    expect(report.sourceFailure).toBe('--author laurenn is not an author here; known authors: lauren-walker');
  });
});

describe('posts already on the site', () => {
  const WRITTEN_HERE = `---
title: Massage after exercise, rewritten
description: Our own account of what one study found in massaged muscle after hard cycling.
author: lauren-walker
date: 2026-11-20
tags: [massage]
---

Our own text.
`;

  it('gives an imported post another address when its own is taken, held as a draft with what to do', async () => {
    const dir = contentDir({ 'posts/2026-11-20-massage-after-exercise.md': WRITTEN_HERE });
    const report = await run(dir, `${server.origin}/blog-feed.xml`);
    expect(report.rows[0]).toMatchObject({ status: 'created', draft: true, file: 'posts/2025-06-10-massage-after-exercise-2.md' });
    expect(report.rows[0]!.reasons[0]).toBe(
      'slug: the address "massage-after-exercise" belongs to posts/2026-11-20-massage-after-exercise.md, so this post is at "massage-after-exercise-2". If both are the same article, delete this file and add `redirectFrom: [/post/massage-after-exercise]` to posts/2026-11-20-massage-after-exercise.md; otherwise keep "massage-after-exercise-2" or choose another',
    );
    // The Thai post links to the old address: it now points to the imported copy, which is held
    // back, so the Thai post is held back with it rather than link to a missing page.
    expect(readFileSync(join(dir, 'posts/2025-06-02-thai-yoga-massage-basics.md'), 'utf8')).toContain(
      '[massage after exercise](../massage-after-exercise-2/)',
    );
    expect(report.rows[1]).toMatchObject({ status: 'created', draft: true });
    expect(report.rows[1]!.reasons).toEqual([
      'body: links to "../massage-after-exercise-2/", which is a draft and not on the site yet; this post is live, so readers would meet a broken link. Remove the link until that post is out, or change the dates',
    ]);
    expect(errorsIn(dir)).toEqual([]);
  });

  it('leaves an old post alone when a post here already lists its address in redirectFrom', async () => {
    const dir = contentDir({
      'posts/2026-11-20-massage-after-exercise.md': WRITTEN_HERE.replace(
        'tags: [massage]',
        'tags: [massage]\nredirectFrom: [/post/massage-after-exercise]',
      ),
    });
    const report = await run(dir, `${server.origin}/blog-feed.xml`);
    expect(report.rows[0]).toMatchObject({ status: 'kept', file: 'posts/2026-11-20-massage-after-exercise.md' });
    expect(readdirSync(join(dir, 'posts')).filter((f) => f.endsWith('.md'))).not.toContain('2025-06-10-massage-after-exercise.md');
    expect(readFileSync(join(dir, 'posts/2025-06-02-thai-yoga-massage-basics.md'), 'utf8')).toContain(
      '[massage after exercise](../massage-after-exercise/)',
    );
    expect(errorsIn(dir)).toEqual([]);
  });

  it('--dry-run reports what it would do and writes nothing', async () => {
    const dir = contentDir();
    const before = snapshot(dir);
    const report = await run(dir, `${server.origin}/wordpress-export.xml`, { dryRun: true });
    expect(rows(report)).toEqual([
      'created posts/2024-03-05-five-stretches-for-desk-workers.md',
      'created (draft) posts/2024-04-02-why-we-breathe-before-a-stretch.md',
      'created (draft) posts/2024-11-20-stretching-in-winter.md',
    ]);
    expect(formatSummary(report)).toMatch(/^Dry run, nothing written: 3 posts from /);
    expect(snapshot(dir)).toEqual(before);
  });
});
