/**
 * One publish run end to end, as publish.yml runs it, with the network on
 * 127.0.0.1: a hold-back build of a due valid post and a due broken post
 * writes its report, the built site is served as the public site, the live
 * check finds the valid post, and the last step's summary and the issue job
 * both name the broken one with its problem. Hold-back must never lose a
 * post silently: this is the proof that the summary and the issue are made.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, type StaticServer } from '../support/static-server.ts';
import { astroBuild } from '../support/build-site.ts';
import { FIXTURE_NOW, ROOT } from '../support/paths.ts';
import { FAKE_REPO, FAKE_TOKEN, startFakeGitHub, type FakeGitHub } from '../unit/support/fake-github.ts';
import { makeContent, post } from '../unit/support/temp-content.ts';

const fm = (title: string, date: string, extra = '') =>
  `title: ${title}\ndescription: A description long enough to pass the fifty character minimum.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage]${extra}`;

const work = mkdtempSync(join(tmpdir(), 'publish-run-'));
const dist = join(work, 'dist');
const reportPath = join(work, 'out/report.json');
const livePath = join(work, 'out/live.json');
const summaryPath = join(work, 'summary.md');
const outputPath = join(work, 'output');
let site: StaticServer;
let github: FakeGitHub;
let env: Record<string, string>;

/** A script as the workflow runs it; asynchronously, so this process keeps answering for the site and GitHub. */
function node(script: string, args: string[], extra: Record<string, string> = {}): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules/.bin/node'),
      [script, ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...env, ...extra } },
      (error, stdout, stderr) => {
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

beforeAll(async () => {
  site = await serveDist(dist);
  github = await startFakeGitHub();
  const contentDir = makeContent({
    // Half an hour before the fixtures' "now": it came due since the last run.
    'posts/2026-11-27-morning-light.md': post(fm('Morning light', '2026-11-27T11:30:00-05:00')),
    'posts/2026-11-20-last-week.md': post(fm('Last week', '2026-11-20')),
    'posts/2026-11-27-broken.md': post(fm('Broken post', '2026-11-27T07:00:00-05:00', '\nautor: x')),
  });
  const built = astroBuild({
    contentDir,
    outDir: dist,
    cacheDir: join(work, 'cache'),
    now: FIXTURE_NOW,
    env: { SITE_URL: site.origin, BLOG_HOLD_BACK: '1', BLOG_PUBLISH_REPORT: reportPath },
  });
  expect(built.ok, built.output).toBe(true);
  env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ASTRO_TELEMETRY_DISABLED: '1',
    GITHUB_API_URL: github.apiUrl,
    GITHUB_REPOSITORY: FAKE_REPO,
    GITHUB_TOKEN: FAKE_TOKEN,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: '42',
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
  };
});

afterAll(async () => {
  await site?.close();
  await github?.close();
});

describe('a publish run with one broken post', () => {
  it('sees the valid post live, then summarises, then opens the issue naming the broken post', async () => {
    const live = await node('scripts/publish-live.ts', ['--report', reportPath, '--out', livePath], { LIVE_CHECK_MINUTES: '0' });
    expect(live.status, live.output).toBe(0);
    const record = JSON.parse(readFileSync(livePath, 'utf8')) as {
      sinceFrom: string;
      posts: { title: string; url: string; page: { ok: boolean }; feed?: { ok: boolean }; lateMs?: number }[];
    };
    // No earlier successful run on the fake GitHub: the last hour, which holds "Morning light" and not "Last week".
    expect(record.sinceFrom).toBe('1 h before the build (no earlier successful run was found)');
    expect(record.posts.map((p) => [p.title, p.url, p.page.ok, p.feed?.ok])).toEqual([
      ['Morning light', `${site.origin}/posts/morning-light/`, true, true],
    ]);
    expect(record.posts[0]!.lateMs).toBeGreaterThan(0);

    const told = await node('scripts/publish-summary.ts', ['--report', reportPath, '--live', livePath], {
      BUILD_OUTCOME: 'success',
      LINKS_OUTCOME: 'success',
      DEPLOY_OUTCOME: 'success',
      LIVE_OUTCOME: 'success',
      DEPLOY_TARGET: 's3',
    });
    expect(told.status, told.output).toBe(0);
    const summary = readFileSync(summaryPath, 'utf8');
    expect(summary).toContain('✅ The site is up to date: 1 post went live in this run; 2 posts are on the site.');
    expect(summary).toContain(`| [Morning light](${site.origin}/posts/morning-light/) | Fri, Nov 27, 11:30 |`);
    expect(summary).toContain(
      '⚠️ 1 post is held back: due, but left off the site until its problems are fixed (below). An issue that lists them is being opened',
    );
    // A frontmatter the schema refuses still gives the report its title and date, read from the text.
    expect(summary).toMatch(
      /#### Broken post\n\n`[^`]*2026-11-27-broken\.md` · was due Fri, Nov 27, 07:00\n\n```text\n1 error:\n {2}\S*2026-11-27-broken\.md:7 {2}autor {2}is not a field here\. Did you mean `author`\? Rename or remove it\n```/,
    );

    const handOver = /^issue=(.*)$/m.exec(readFileSync(outputPath, 'utf8'))?.[1];
    expect(handOver).toBeDefined();
    const issued = await node('scripts/publish-issue.ts', [], { ISSUE: handOver! });
    expect(issued.status, issued.output).toBe(0);
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]).toMatchObject({ title: '1 post held back from the site', state: 'open', labels: ['held-back-posts'] });
    expect(github.issues[0]!.body).toContain('2026-11-27-broken.md');
    expect(github.issues[0]!.body).toMatch(/2026-11-27-broken\.md:\d+ {2}autor {2}is not a field here/);
    expect(readFileSync(summaryPath, 'utf8')).toContain(
      'Held-back posts issue: created the label held-back-posts; opened issue #1: https://github.com/studio/blog/issues/1.',
    );
  });
});
