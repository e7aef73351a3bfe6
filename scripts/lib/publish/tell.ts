/**
 * The publish job's last step, run whatever happened before it: writes the
 * job summary and decides what the issue should say (held-back posts, or what
 * stopped the run from publishing anything). The decision
 * goes out as the job output `issue` only when the open issue does not say it
 * already, so the job that may write issues runs only then.
 *
 * GitHub is asked once, read-only, for the open issue. If that fails, the
 * summary is still written (with a line saying so) and the decision is handed
 * on anyway: the issue job finds the issue itself.
 */
import { appendFileSync } from 'node:fs';
import { findOpenIssue, type Issue, type RepoApi } from './github.ts';
import { desiredIssue } from './issue-text.ts';
import { ISSUE_LABEL, planIssue, type DesiredIssue } from './issue-plan.ts';
import { readLinkReport, readLiveRecord, readReport, type LiveRecord, type Report } from './records.ts';
import type { RepoLinks } from './held-back.ts';
import { runStop } from './stop.ts';
import { summaryMarkdown, type RunOutcomes } from './summary.ts';

export interface TellOptions {
  reportPath: string;
  livePath: string;
  /** The link check's JSON report; its broken links are named when it failed. */
  linksPath?: string | undefined;
  /** The site settings' problems (`file:line  field  fix`) when they could not be loaded. */
  settingsProblems?: readonly string[] | undefined;
  outcomes: RunOutcomes;
  hostConnected: boolean;
  timeZone: string;
  links: RepoLinks;
  /** The repository's API, or why there is none (no token outside Actions). */
  api: RepoApi | string;
  /** $GITHUB_STEP_SUMMARY; the summary is appended. */
  summaryPath?: string | undefined;
  /** $GITHUB_OUTPUT; `issue=<json>` is appended when the issue must change. */
  outputPath?: string | undefined;
  /** The open issues of this label are the held-back issue. */
  label?: string;
  now?: Date;
}

export interface Told {
  summary: string;
  /** What the issue job is asked to make true; undefined when nothing changes. */
  handOver: DesiredIssue | undefined;
  /** Things that went wrong here, for the log as warnings. */
  warnings: string[];
}

function readSafely<T>(read: () => T | undefined, warnings: string[]): T | undefined {
  try {
    return read();
  } catch (error) {
    warnings.push((error as Error).message);
    return undefined;
  }
}

export async function tell(opts: TellOptions): Promise<Told> {
  const warnings: string[] = [];
  const report: Report | undefined = readSafely(() => readReport(opts.reportPath), warnings);
  const live: LiveRecord | undefined = readSafely(() => readLiveRecord(opts.livePath), warnings);
  const links = opts.linksPath ? readSafely(() => readLinkReport(opts.linksPath!), warnings) : undefined;
  const label = opts.label ?? ISSUE_LABEL;
  const stop = runStop({
    report,
    outcomes: opts.outcomes,
    hostConnected: opts.hostConnected,
    settingsProblems: opts.settingsProblems,
    links,
  });

  let handOver: DesiredIssue | undefined;
  let issueNote: string | undefined;
  let existing: Issue | undefined;
  let asked = false;
  if (typeof opts.api === 'string') {
    warnings.push(`Could not check the held-back issue: ${opts.api}.`);
  } else {
    try {
      existing = await findOpenIssue(opts.api, label);
      asked = true;
    } catch (error) {
      warnings.push(`Could not check the held-back issue: ${(error as Error).message}.`);
    }
  }
  const desired = desiredIssue(
    { report, stop, uploaded: opts.outcomes.deploy === 'success', live, openBody: existing?.body },
    opts.timeZone,
    opts.links,
  );
  if (desired) {
    // What the issue does for the reader of the summary: tells of the stop, or lists the held-back posts.
    const does = desired.state === 'open' && desired.stopped ? 'says so' : 'lists them';
    if (!asked) {
      handOver = desired;
      issueNote = 'GitHub could not be asked about the held-back issue from this step; the issue job tries on its own.';
    } else if (planIssue(desired, existing).length) {
      handOver = desired;
      if (desired.state === 'open')
        issueNote = existing
          ? `[Issue #${existing.number}](${existing.html_url}) ${does} and is being updated.`
          : `An issue that ${does} is being opened (label \`${label}\`).`;
      else if (existing)
        issueNote = `[Issue #${existing.number}](${existing.html_url}) is being closed: the site was published with nothing held back that is due or scheduled.`;
    } else if (existing) {
      issueNote = `[Issue #${existing.number}](${existing.html_url}) ${does}.`;
    }
  }

  const summary = summaryMarkdown({
    report,
    live,
    stop,
    outcomes: opts.outcomes,
    timeZone: opts.timeZone,
    links: opts.links,
    issueNote,
    now: opts.now ?? new Date(),
  });
  if (opts.summaryPath) appendFileSync(opts.summaryPath, summary);
  if (opts.outputPath && handOver) appendFileSync(opts.outputPath, `issue=${JSON.stringify(handOver)}\n`);
  return { summary, handOver, warnings };
}
