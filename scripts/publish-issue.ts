/**
 * node scripts/publish-issue.ts — the publish workflow's issue job, the only
 * one allowed to write issues: opens, updates or closes the one issue about
 * held-back posts (label held-back-posts) as the publish job decided (ISSUE,
 * its `issue` output). Runs on a bare Node 24 with a sparse checkout of
 * scripts/ and nothing installed, so it imports only node: built-ins and the
 * few modules of scripts/lib/publish/ that do the same (github.ts,
 * issue-plan.ts, net-error.ts). It reads no site settings, so it does not load
 * lib/plain-errors.ts either (that reaches src/ and zod); its own errors end
 * in the catch below. tests/unit/publish-issue.test.ts runs it from such a copy.
 *
 * Environment: ISSUE, and what Actions sets: GITHUB_TOKEN (issues: write),
 * GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_STEP_SUMMARY.
 */
import { appendFileSync } from 'node:fs';
import { repoApiFromEnv } from './lib/publish/github.ts';
import { parseDesired, syncIssue } from './lib/publish/issue-plan.ts';

const env = process.env;
/** To the log and, so that nobody has to open the log, to the job summary. */
const say = (line: string, annotation = '') => {
  console.log(`${annotation}${line}`);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${line}\n\n`);
};

try {
  const desired = parseDesired(env.ISSUE);
  const api = repoApiFromEnv(env);
  if (typeof api === 'string') throw new Error(`cannot reach GitHub: ${api}`);
  const done = await syncIssue(api, desired);
  say(done.length ? `Held-back posts issue: ${done.join('; ')}.` : 'Held-back posts issue: already up to date.');
} catch (error) {
  say(`The held-back posts issue was not updated: ${(error as Error).message}`, '::error title=Held-back posts issue::');
  process.exitCode = 1;
}
