/**
 * node scripts/publish-live.ts --report FILE --out FILE
 *
 * After the upload: fetches from the public site the page of every post that
 * came due since the last successful run (and of every post the held-back
 * issue listed as due), and the RSS feed, until each shows the post or the
 * time runs out (scripts/lib/publish/live-check.ts). Writes what it saw to
 * --out for the job summary, which reports how late each post went live.
 * Exit status 1 when a post could not be seen.
 *
 * Environment: LIVE_CHECK_MINUTES (how long to keep trying, default 6),
 * LIVE_CHECK_LOOKBACK_MINUTES (the window when GitHub cannot name the last
 * successful run, default 60), and what Actions sets: GITHUB_TOKEN (with
 * actions: read and issues: read), GITHUB_REPOSITORY, GITHUB_API_URL,
 * GITHUB_WORKFLOW_REF.
 */
import './lib/plain-errors.ts';
import { parseArgs } from 'node:util';
import { site } from '../src/site.config.ts';
import { findOpenIssue, repoApiFromEnv } from './lib/publish/github.ts';
import { ISSUE_LABEL, dueFilesIn } from './lib/publish/issue-plan.ts';
import { checkLive } from './lib/publish/live-check.ts';
import { readReport, writeJson, type LiveRecord } from './lib/publish/records.ts';
import { minutesFrom, workflowFile } from './lib/publish/run-env.ts';
import { checkWindow, postsToCheck } from './lib/publish/since.ts';
import { duration } from './lib/publish/words.ts';

const { values } = parseArgs({ options: { report: { type: 'string' }, out: { type: 'string' } } });
if (!values.report || !values.out) {
  console.error('Usage: node scripts/publish-live.ts --report publish-out/report.json --out publish-out/live.json');
  process.exit(2);
}
const report = readReport(values.report);
if (!report) {
  console.error(`${values.report} is not there: the build writes it when BLOG_PUBLISH_REPORT names it.`);
  process.exit(2);
}

const env = process.env;
const api = repoApiFromEnv(env);
const window = await checkWindow(
  api,
  workflowFile(env),
  new Date(report.now),
  minutesFrom(env, 'LIVE_CHECK_LOOKBACK_MINUTES', 60) * 60_000,
  site.timezone,
);
let formerlyHeldBack = new Set<string>();
if (typeof api !== 'string') {
  try {
    formerlyHeldBack = dueFilesIn((await findOpenIssue(api, ISSUE_LABEL))?.body ?? null);
  } catch (error) {
    console.log(
      `::warning::Could not read the held-back issue, so posts fixed since it was written are not checked: ${(error as Error).message}`,
    );
  }
}

const posts = postsToCheck(report, window.since, formerlyHeldBack, site.feedItems);
console.log(`Posts due since ${window.from}: ${posts.length ? posts.map((p) => p.url).join(', ') : 'none'}.`);
const seen = await checkLive(posts, {
  feedUrl: report.feedUrl,
  budgetMs: minutesFrom(env, 'LIVE_CHECK_MINUTES', 6) * 60_000,
  log: (line) => console.log(line),
});

const record: LiveRecord = { since: window.since.toISOString(), sinceFrom: window.from, feedUrl: report.feedUrl, posts: seen };
writeJson(values.out, record);
let missing = 0;
for (const p of seen) {
  if (p.page.ok) console.log(`live: ${p.url} (${duration(p.lateMs ?? 0)} after its date)`);
  for (const s of [p.page, p.feed]) {
    if (s && !s.ok) {
      missing++;
      console.log(`::error title=Not seen on the public site::${p.title}: ${s.problem}`);
    }
  }
}
process.exitCode = missing ? 1 : 0;
