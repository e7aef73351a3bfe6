/**
 * The one GitHub issue about what keeps posts off the site: what it should say
 * (decided by the publish job, which may only read issues) and the calls that
 * bring the open issue there (made by a small job that may write them). Found
 * by its label; opened when a post that is due or scheduled is held back, or
 * when a run published nothing (the settings, an author file, a broken link,
 * the upload); kept up to date; closed once a run has published with nothing
 * of the kind left.
 *
 * Only node: built-ins and files in scripts/ are imported (see github.ts).
 */
import { GitHubError, findOpenIssue, type Issue, type RepoApi } from './github.ts';

export const ISSUE_LABEL = 'held-back-posts';
const LABEL_COLOR = 'd93f0b';
// GitHub takes at most 100 characters here.
const LABEL_DESCRIPTION = 'What keeps posts off the site: posts held back for their problems, or a run that published nothing';

/** A post that is due and held back, as one Markdown line for a comment. */
export interface DueNote {
  file: string;
  text: string;
}

/** A run that published nothing: its kind (kept in the body, so the next run can tell what is new) and the comment that says so. */
export interface StopNote {
  kind: string;
  comment: string;
}

export type DesiredIssue =
  | {
      state: 'open';
      title: string;
      body: string;
      /** The due posts held back; undefined when the run could not tell (it stopped before the build read the posts). */
      due?: DueNote[] | undefined;
      stopped?: StopNote | undefined;
    }
  | { state: 'closed'; comment: string };

export type IssueAction =
  | { kind: 'create'; title: string; body: string }
  | { kind: 'update'; number: number; title: string; body: string }
  | { kind: 'comment'; number: number; body: string }
  | { kind: 'close'; number: number; comment: string };

const MARKER = /<!-- held-back-due: (\[[^\n]*?\]) -->/;
const STOP_MARKER = /<!-- publish-stopped: ([\w-]+)(?: since (\S+))? -->/;

/**
 * A hidden line in the body naming what stopped the run, and the run that
 * first found it: the next run comments only when the stop is new, and keeps
 * that link, so the body does not change every hour while it lasts.
 */
export function stopMarker(kind: string, since?: string): string {
  return `<!-- publish-stopped: ${kind}${since ? ` since ${since}` : ''} -->`;
}

/** What stopped the run, as the body's marker says, and the run that first found it. */
export function stopIn(body: string | null): { kind: string; since?: string | undefined } | undefined {
  const found = STOP_MARKER.exec(body ?? '');
  return found ? { kind: found[1]!, since: found[2] } : undefined;
}

/** A hidden line in the body naming the files that were due and held back, so the next run can tell what is new. */
export function dueMarker(files: readonly string[]): string {
  return `<!-- held-back-due: ${JSON.stringify(files)} -->`;
}

export function dueFilesIn(body: string | null): Set<string> {
  const found = MARKER.exec(body ?? '');
  if (!found) return new Set();
  try {
    const files: unknown = JSON.parse(found[1]!);
    return new Set(Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : []);
  } catch {
    return new Set();
  }
}

// GitHub may hand a body back with \r\n line ends; the text is the same.
const sameText = (a: string | null, b: string) => (a ?? '').replace(/\r\n/g, '\n').trimEnd() === b.replace(/\r\n/g, '\n').trimEnd();

/** The calls that turn `existing` (the open issue, if any) into `desired`; none when it already says so. */
export function planIssue(desired: DesiredIssue, existing: Issue | undefined): IssueAction[] {
  if (desired.state === 'closed') return existing ? [{ kind: 'close', number: existing.number, comment: desired.comment }] : [];
  const before = dueFilesIn(existing?.body ?? null);
  // A run that could not read the posts keeps the list of due posts the issue had, so the next run does not announce them again.
  const body = desired.due || !before.size ? desired.body : `${desired.body}\n\n${dueMarker([...before])}`;
  if (!existing) return [{ kind: 'create', title: desired.title, body }];
  if (existing.title === desired.title && sameText(existing.body, body)) return [];
  const actions: IssueAction[] = [{ kind: 'update', number: existing.number, title: desired.title, body }];
  // An edit notifies nobody: a run that newly published nothing, and a post that has just come due and is missing from the site, get a comment.
  if (desired.stopped && stopIn(existing.body)?.kind !== desired.stopped.kind) {
    actions.push({ kind: 'comment', number: existing.number, body: desired.stopped.comment });
  }
  const newlyDue = (desired.due ?? []).filter((d) => !before.has(d.file));
  if (newlyDue.length) {
    const lines = newlyDue.map((d) => `- ${d.text}`).join('\n');
    actions.push({
      kind: 'comment',
      number: existing.number,
      body: `**Now due and held back**, so not on the site until fixed:\n\n${lines}\n\nThe list in the issue says what to fix.`,
    });
  }
  return actions;
}

/** The decision as the publish job hands it over (a job output holding JSON); a clear error when it is not one. */
export function parseDesired(json: string | undefined): DesiredIssue {
  let data: unknown;
  try {
    data = JSON.parse(json ?? '');
  } catch {
    throw new Error('ISSUE is not JSON: it should be the publish job\'s "issue" output');
  }
  const d = data as Record<string, unknown>;
  if (d?.state === 'closed' && typeof d.comment === 'string') return { state: 'closed', comment: d.comment };
  const stopped = d?.stopped as StopNote | undefined;
  if (
    d?.state === 'open' &&
    typeof d.title === 'string' &&
    typeof d.body === 'string' &&
    (d.due === undefined || Array.isArray(d.due)) &&
    (stopped === undefined || (typeof stopped?.kind === 'string' && typeof stopped.comment === 'string'))
  ) {
    return { state: 'open', title: d.title, body: d.body, due: d.due as DueNote[] | undefined, stopped };
  }
  throw new Error('ISSUE is not a decision about the held-back issue (state "open" with title and body, or "closed" with a comment)');
}

/** Creates the label when the repository does not have it yet. */
export async function ensureLabel(api: RepoApi, label: string): Promise<boolean> {
  try {
    await api.call('GET', `/labels/${encodeURIComponent(label)}`);
    return false;
  } catch (error) {
    if (!(error instanceof GitHubError) || error.status !== 404) throw error;
  }
  try {
    await api.call('POST', '/labels', { name: label, color: LABEL_COLOR, description: LABEL_DESCRIPTION });
  } catch (error) {
    // Another run made it in between: that is fine.
    if (!(error instanceof GitHubError) || error.status !== 422) throw error;
  }
  return true;
}

/** Makes the calls; returns what was done, one line each, for the log and the job summary. */
export async function applyIssueActions(api: RepoApi, label: string, actions: readonly IssueAction[]): Promise<string[]> {
  const done: string[] = [];
  for (const action of actions) {
    switch (action.kind) {
      case 'create': {
        const issue = await api.call<Issue & { labels?: { name: string }[] }>('POST', '/issues', {
          title: action.title,
          body: action.body,
          labels: [label],
        });
        // GitHub drops labels it may not set without a word; without its label the issue would not be found next time.
        if (!issue.labels?.some((l) => l.name === label)) await api.call('POST', `/issues/${issue.number}/labels`, { labels: [label] });
        done.push(`opened issue #${issue.number}: ${issue.html_url}`);
        break;
      }
      case 'update':
        await api.call('PATCH', `/issues/${action.number}`, { title: action.title, body: action.body });
        done.push(`updated issue #${action.number}`);
        break;
      case 'comment':
        await api.call('POST', `/issues/${action.number}/comments`, { body: action.body });
        done.push(`commented on issue #${action.number}`);
        break;
      case 'close':
        await api.call('POST', `/issues/${action.number}/comments`, { body: action.comment });
        await api.call('PATCH', `/issues/${action.number}`, { state: 'closed', state_reason: 'completed' });
        done.push(`closed issue #${action.number}`);
        break;
    }
  }
  return done;
}

/** Brings the held-back issue to `desired`: the issue job's whole work. */
export async function syncIssue(api: RepoApi, desired: DesiredIssue, label = ISSUE_LABEL): Promise<string[]> {
  const done: string[] = [];
  if (desired.state === 'open' && (await ensureLabel(api, label))) done.push(`created the label ${label}`);
  const actions = planIssue(desired, await findOpenIssue(api, label));
  done.push(...(await applyIssueActions(api, label, actions)));
  return done;
}
