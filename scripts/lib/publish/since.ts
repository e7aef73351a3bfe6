/**
 * Which posts this run has to prove live: those that came due since the last
 * successful run published the site, and those the held-back issue listed as
 * due before this run (fixed since, they go live now, long after their date).
 *
 * "Since" is the moment the last successful run's build step started, asked
 * of the Actions API with the workflow's own token (actions: read): the build
 * reads its clock a moment later, so every post due by then was in that
 * build, and a run that waited for a post (publish-wait) is counted from after
 * its wait. A failed run does not count, so the posts it should have proved
 * are checked again by the next one. When GitHub cannot say (no successful
 * run yet, an API failure), a look-back window stands in, and the summary
 * says so.
 */
import type { RepoApi } from './github.ts';
import type { PostToCheck } from './live-check.ts';
import type { Report } from './records.ts';
import { duration, when } from './words.ts';

/** The publish job and its build step, as publish.yml names them (tests/unit/publish-workflow.test.ts keeps them in step). */
export const PUBLISH_JOB = 'publish';
export const BUILD_STEP = 'Build (posts with problems are held back)';

interface WorkflowRuns {
  workflow_runs: { id: number; html_url: string; run_started_at?: string; created_at: string }[];
}
interface RunJobs {
  jobs: { name: string; steps?: { name: string; started_at?: string | null }[] }[];
}

export interface LastPublish {
  at: Date;
  /** The build step's own start; false when only the run's start was found. */
  exact: boolean;
  runUrl: string;
}

export async function lastPublish(api: RepoApi, workflow: string): Promise<LastPublish | undefined> {
  const { workflow_runs: runs } = await api.call<WorkflowRuns>(
    'GET',
    `/actions/workflows/${encodeURIComponent(workflow)}/runs?status=success&per_page=1`,
  );
  const run = runs[0];
  if (!run) return undefined;
  const runStart = { at: new Date(run.run_started_at ?? run.created_at), exact: false, runUrl: run.html_url };
  try {
    const { jobs } = await api.call<RunJobs>('GET', `/actions/runs/${run.id}/jobs?per_page=100`);
    const started = jobs.find((j) => j.name === PUBLISH_JOB)?.steps?.find((s) => s.name === BUILD_STEP)?.started_at;
    return started ? { at: new Date(started), exact: true, runUrl: run.html_url } : runStart;
  } catch {
    // The run's start is earlier than its build: a post may be checked twice, never missed.
    return runStart;
  }
}

export interface CheckWindow {
  since: Date;
  /** In plain words, for the summary: "the last successful run's build (Fri, Nov 27, 11:45)". */
  from: string;
}

/** From when posts count as new in this run. */
export async function checkWindow(
  api: RepoApi | string,
  workflow: string,
  now: Date,
  lookbackMs: number,
  timeZone: string,
): Promise<CheckWindow> {
  const lookback = (why: string): CheckWindow => ({
    since: new Date(now.getTime() - lookbackMs),
    from: `${duration(lookbackMs)} before the build (${why})`,
  });
  if (typeof api === 'string') return lookback(`GitHub could not be asked: ${api}`);
  try {
    const last = await lastPublish(api, workflow);
    if (!last) return lookback('no earlier successful run was found');
    return { since: last.at, from: `the last successful run's ${last.exact ? 'build' : 'start'} (${when(last.at, timeZone, 'always')})` };
  } catch (error) {
    return lookback(`GitHub could not say when the last successful run was: ${(error as Error).message}`);
  }
}

/**
 * The public posts to look for: due after `since` (and by the build's "now"),
 * or listed as held back before. The feed lists the newest `feedItems` only.
 */
export function postsToCheck(report: Report, since: Date, formerlyHeldBack: ReadonlySet<string>, feedItems: number): PostToCheck[] {
  const now = Date.parse(report.now);
  return report.published
    .map((p, index) => ({ ...p, wasHeldBack: formerlyHeldBack.has(p.file), inFeed: index < feedItems }))
    .filter((p) => p.wasHeldBack || (Date.parse(p.date) > since.getTime() && Date.parse(p.date) <= now));
}
