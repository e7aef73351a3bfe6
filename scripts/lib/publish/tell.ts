/**
 * The publish job's last step, run whatever happened before it: writes the
 * job summary and decides what the held-back issue should say. The decision
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
import { readLiveRecord, readReport, type LiveRecord, type Report } from './records.ts';
import type { RepoLinks } from './held-back.ts';
import { summaryMarkdown, type RunOutcomes } from './summary.ts';

export interface TellOptions {
  reportPath: string;
  livePath: string;
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
  const label = opts.label ?? ISSUE_LABEL;
  const desired = desiredIssue(report, opts.outcomes.deploy === 'success', live, opts.timeZone, opts.links);

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
  if (desired) {
    if (!asked) {
      handOver = desired;
      issueNote = 'GitHub could not be asked about the held-back issue from this step; the issue job tries on its own.';
    } else if (planIssue(desired, existing).length) {
      handOver = desired;
      if (desired.state === 'open')
        issueNote = existing
          ? `[Issue #${existing.number}](${existing.html_url}) lists them and is being updated.`
          : 'An issue listing them is being opened (label `' + label + '`).';
      else if (existing)
        issueNote = `[Issue #${existing.number}](${existing.html_url}) about held-back posts is being closed: nothing is held back any more.`;
    } else if (existing) {
      issueNote = `[Issue #${existing.number}](${existing.html_url}) lists them.`;
    }
  }

  const summary = summaryMarkdown({
    report,
    live,
    outcomes: opts.outcomes,
    hostConnected: opts.hostConnected,
    timeZone: opts.timeZone,
    links: opts.links,
    issueNote,
    now: opts.now ?? new Date(),
  });
  if (opts.summaryPath) appendFileSync(opts.summaryPath, summary);
  if (opts.outputPath && handOver) appendFileSync(opts.outputPath, `issue=${JSON.stringify(handOver)}\n`);
  return { summary, handOver, warnings };
}
