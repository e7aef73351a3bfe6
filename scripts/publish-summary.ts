/**
 * node scripts/publish-summary.ts --report FILE --live FILE [--links FILE]
 *
 * The publish job's last step, run whatever happened before it: writes the
 * job summary (what went live and how late, what is held back and why) to
 * $GITHUB_STEP_SUMMARY and the log, and sets the job output `issue` when the
 * held-back issue must change (scripts/lib/publish/tell.ts). It runs when the
 * site settings are broken too (the build could not start), and then names
 * their problems; times are then given in UTC.
 *
 * Environment: BUILD_OUTCOME, LINKS_OUTCOME, DEPLOY_OUTCOME, LIVE_OUTCOME
 * (each step's outcome), DEPLOY_TARGET, and what Actions sets: GITHUB_TOKEN
 * (issues: read is enough), GITHUB_REPOSITORY, GITHUB_API_URL,
 * GITHUB_STEP_SUMMARY, GITHUB_OUTPUT.
 */
import './lib/plain-errors.ts';
import { parseArgs } from 'node:util';
import { SettingsError } from '../src/lib/settings/problems.ts';
import { repoApiFromEnv } from './lib/publish/github.ts';
import { repoLinks } from './lib/publish/run-env.ts';
import { tell } from './lib/publish/tell.ts';

const { values } = parseArgs({ options: { report: { type: 'string' }, live: { type: 'string' }, links: { type: 'string' } } });
if (!values.report || !values.live) {
  console.error(
    'Usage: node scripts/publish-summary.ts --report publish-out/report.json --live publish-out/live.json [--links publish-out/links.json]',
  );
  process.exit(2);
}

// Broken settings are one of the things this step must report, so they may not stop it: loaded here, not imported.
let timeZone = 'UTC';
let settingsProblems: readonly string[] | undefined;
try {
  ({ timezone: timeZone } = (await import('../src/site.config.ts')).site);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  settingsProblems = error.lines;
}

const env = process.env;
const told = await tell({
  reportPath: values.report,
  livePath: values.live,
  linksPath: values.links,
  settingsProblems,
  outcomes: {
    build: env.BUILD_OUTCOME ?? '',
    links: env.LINKS_OUTCOME ?? '',
    deploy: env.DEPLOY_OUTCOME ?? '',
    live: env.LIVE_OUTCOME ?? '',
  },
  hostConnected: Boolean(env.DEPLOY_TARGET),
  timeZone,
  links: repoLinks(env),
  api: repoApiFromEnv(env),
  summaryPath: env.GITHUB_STEP_SUMMARY,
  outputPath: env.GITHUB_OUTPUT,
});
console.log(told.summary);
for (const warning of told.warnings) console.log(`::warning::${warning}`);
if (told.handOver) console.log(`The issue job will make the held-back issue ${told.handOver.state}.`);
