/**
 * What the issue should say after this run: the posts that are due or
 * scheduled and held back (file, line, field, fix), and, when the run put
 * nothing on the site for a reason that is not one post's, what stopped it;
 * or the comment it is closed with once a run has published with neither.
 * Drafts are left out: a draft is not meant to go out, so its problems are
 * for `npm run check`, the preview and the job summary, and never keep the
 * issue open. The body depends on the posts, the stop and whether the site
 * was uploaded, not on the run's number or time, so an unchanged state leaves
 * the issue alone.
 */
import { dueMarker, stopIn, stopMarker, type DesiredIssue } from './issue-plan.ts';
import { groupHeldBack, postBlock, postLine, postName, type RepoLinks } from './held-back.ts';
import type { HeldBack, LiveRecord, Report } from './records.ts';
import type { RunStop } from './stop.ts';
import { duration, escapeMarkdown, fence, plural, when } from './words.ts';

/** GitHub refuses bodies over 65,536 characters; the rest goes to the job summary. */
const MAX_BODY = 60_000;

type OpenIssue = Extract<DesiredIssue, { state: 'open' }>;

export function issueTitle(dueCount: number, scheduledCount: number): string {
  if (dueCount) return `${plural(dueCount, 'post')} held back from the site`;
  return `${plural(scheduledCount, 'scheduled post has', 'scheduled posts have')} problems and will be held back`;
}

function section(heading: string, blocks: string[]): string[] {
  return blocks.length ? [`## ${heading}`, ...blocks] : [];
}

const runsLink = (links: RepoLinks, words: string) => (links.workflowUrl ? `[${words}](${links.workflowUrl})` : words);

/** The held-back posts that concern the issue: due or scheduled, never drafts. */
function postGroups(report: Report | undefined): { due: HeldBack[]; scheduled: HeldBack[] } {
  if (!report) return { due: [], scheduled: [] };
  const { due, scheduled } = groupHeldBack(report.heldBack, new Date(report.now));
  return { due, scheduled };
}

/** Intro, sections and footer, cut to what GitHub takes. */
function assemble(intro: string[], sections: string[], footer: string[], links: RepoLinks): string {
  const parts = [...intro];
  let length = [...parts, ...footer].join('\n\n').length;
  let left = 0;
  for (const [i, part] of sections.entries()) {
    if (length + part.length + 2 > MAX_BODY) {
      left = sections.slice(i).filter((p) => !p.startsWith('## ')).length;
      break;
    }
    parts.push(part);
    length += part.length + 2;
  }
  if (left)
    parts.push(
      `…and ${plural(left, 'more post')}: the job summary of ${links.runUrl ? `[the latest run](${links.runUrl})` : 'the latest run'} lists them all.`,
    );
  return [...parts, ...footer].join('\n\n');
}

function postSections(groups: { due: HeldBack[]; scheduled: HeldBack[] }, timeZone: string, links: RepoLinks): string[] {
  const blocks = (posts: HeldBack[], state: 'due' | 'scheduled') => posts.map((p) => postBlock(p, state, timeZone, links));
  return [
    ...section('Due, but not on the site', blocks(groups.due, 'due')),
    ...section('Scheduled: fix these before their date', blocks(groups.scheduled, 'scheduled')),
  ];
}

function footer(links: RepoLinks, markers: string[]): string[] {
  return [
    '---',
    `Kept up to date by the ${runsLink(links, 'Publish workflow')}: it edits this issue when what it lists changes, and closes it once a run has uploaded the site with no post that is due or scheduled held back.` +
      (links.repoUrl && links.branch
        ? ` How publishing works: [docs/publishing.md](${links.repoUrl}/blob/${links.branch}/docs/publishing.md).`
        : ''),
    ...markers,
  ];
}

const dueNotes = (due: HeldBack[], timeZone: string, links: RepoLinks) =>
  due.map((p) => ({ file: p.file, text: `**${postName(p)}**: ${postLine(p, 'due', timeZone, links)}` }));

const HOW_TO_FIX_POST =
  '**To fix a post:** open its file (the *edit it on GitHub* link does that), correct each line listed under it, and save it to GitHub. ' +
  'The run that starts then publishes it, and this issue closes by itself once nothing that is due or scheduled is held back. ' +
  'On your computer, `npm run check` lists the same problems.';

/**
 * The issue while posts that are due or scheduled are held back and the rest
 * of the site went out as usual (`uploaded`), or was not uploaded for a reason
 * that stops nothing (publishing not connected to a host yet). Undefined when
 * only drafts have problems.
 */
export function heldBackIssue(report: Report, uploaded: boolean, timeZone: string, links: RepoLinks): OpenIssue | undefined {
  const groups = postGroups(report);
  if (!groups.due.length && !groups.scheduled.length) return undefined;
  const others = uploaded
    ? 'Every other post went out as usual.'
    : `The site was not uploaded in this run, so no other post went out either: the summary of ${links.runUrl ? `[the run](${links.runUrl})` : 'the run'} says why.`;
  const intro = groups.due.length
    ? `These posts are due but not on the site: the publishing robot left them out because of the problems listed under each. ${others}`
    : 'These posts have problems. They are not due yet, but when their date comes the site will leave them out until the problems are fixed.';
  return {
    state: 'open',
    title: issueTitle(groups.due.length, groups.scheduled.length),
    body: assemble(
      [intro, HOW_TO_FIX_POST],
      postSections(groups, timeZone, links),
      footer(links, [dueMarker(groups.due.map((p) => p.file))]),
      links,
    ),
    due: dueNotes(groups.due, timeZone, links),
  };
}

/**
 * The issue when the run put nothing on the site: what stopped it, since which
 * run (`since`: the run that first found this stop, kept while it lasts; this
 * run by default), and the fix, then the held-back posts if the build read them.
 */
export function stoppedIssue(
  stop: RunStop,
  report: Report | undefined,
  timeZone: string,
  links: RepoLinks,
  since = links.runUrl,
): OpenIssue {
  const groups = postGroups(report);
  const posts = postSections(groups, timeZone, links);
  const intro = [
    `**Nothing was published${since ? ` since [this run](${since})` : ''}:** ${stop.what}`,
    ...(stop.lines.length ? [fence(stop.lines.join('\n'))] : []),
    `**To fix it:** ${stop.fix} This issue closes by itself once a run publishes again. Each run's summary is under ${runsLink(links, 'Actions → Publish')}.`,
    ...(!report
      ? ['The build did not get as far as reading the posts, so posts with problems of their own are listed here only once this is fixed.']
      : posts.length
        ? [
            `The posts below have problems of their own as well: once the site is published again, they are held back until fixed. ${HOW_TO_FIX_POST}`,
          ]
        : []),
  ];
  const markers = [stopMarker(stop.kind, since), ...(report ? [dueMarker(groups.due.map((p) => p.file))] : [])];
  const run = links.runUrl ? `[This run](${links.runUrl})` : 'The latest run';
  return {
    state: 'open',
    title: stop.title,
    body: assemble(intro, posts, footer(links, markers), links),
    due: report ? dueNotes(groups.due, timeZone, links) : undefined,
    stopped: {
      kind: stop.kind,
      comment: `**Nothing was published.** ${run} stopped: ${stop.what}${stop.lines.length ? `\n\n${fence(stop.lines.join('\n'))}` : ''}\n\nThe issue says how to fix it.`,
    },
  };
}

/** The comment the issue is closed with: which formerly held-back posts are live now, and when they went live. */
export function closingComment(live: LiveRecord | undefined, timeZone: string, links: RepoLinks): string {
  const run = links.runUrl ? `[This run](${links.runUrl})` : 'This run';
  const lines = [`${run} published the site, and no post that is due or scheduled is held back. Closing.`];
  const fixed = (live?.posts ?? []).filter((p) => p.wasHeldBack);
  for (const p of fixed) {
    const seen =
      p.page.ok && p.page.at
        ? `live since ${when(new Date(p.page.at), timeZone)}${p.lateMs === undefined ? '' : `, ${duration(p.lateMs)} after its date`}`
        : 'not seen on the site yet (see the run)';
    lines.push(`- [${escapeMarkdown(p.title)}](${p.url}): ${seen}`);
  }
  return lines.join('\n');
}

export interface RunFacts {
  /** The build's report; undefined when the build wrote none. */
  report: Report | undefined;
  /** What stopped the run from publishing, if anything; 'cancelled' when it was cut off. */
  stop: RunStop | 'cancelled' | undefined;
  /** The site was uploaded. */
  uploaded: boolean;
  live: LiveRecord | undefined;
  /** The open issue's body, if there is one: a stop that goes on keeps the link to the run that first found it. */
  openBody?: string | null | undefined;
}

/**
 * The issue after this run: open saying what stopped it when nothing was
 * published; open with the list while a post that is due or scheduled is held
 * back; closed once an uploaded build held back neither; unchanged
 * (undefined) when the run cannot tell: it was cancelled, or it built without
 * uploading (no host connected yet).
 */
export function desiredIssue(run: RunFacts, timeZone: string, links: RepoLinks): DesiredIssue | undefined {
  if (run.stop === 'cancelled') return undefined;
  if (run.stop) {
    const before = stopIn(run.openBody ?? null);
    return stoppedIssue(
      run.stop,
      run.report,
      timeZone,
      links,
      before?.kind === run.stop.kind ? (before.since ?? links.runUrl) : links.runUrl,
    );
  }
  if (!run.report) return undefined;
  const held = heldBackIssue(run.report, run.uploaded, timeZone, links);
  if (held) return held;
  return run.uploaded ? { state: 'closed', comment: closingComment(run.live, timeZone, links) } : undefined;
}
