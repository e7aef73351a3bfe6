/**
 * What the held-back issue should say after this run: its title and body
 * listing every post with problems (file, line, field, fix), or the comment
 * it is closed with once a run has published everything. The body depends on
 * the posts alone, not on the run, so an unchanged list leaves the issue alone.
 */
import { dueMarker, type DesiredIssue } from './issue-plan.ts';
import { groupHeldBack, postBlock, postLine, postName, type RepoLinks } from './held-back.ts';
import type { LiveRecord, Report } from './records.ts';
import { duration, escapeMarkdown, plural, when } from './words.ts';

/** GitHub refuses bodies over 65,536 characters; the rest goes to the job summary. */
const MAX_BODY = 60_000;

export function issueTitle(dueCount: number, otherCount: number): string {
  if (dueCount) return `${plural(dueCount, 'post')} held back from the site`;
  return `${plural(otherCount, 'scheduled post has', 'scheduled posts have')} problems and will be held back`;
}

function section(heading: string, blocks: string[]): string[] {
  return blocks.length ? [`## ${heading}`, ...blocks] : [];
}

export function heldBackIssue(report: Report, timeZone: string, links: RepoLinks): Extract<DesiredIssue, { state: 'open' }> {
  const now = new Date(report.now);
  const groups = groupHeldBack(report.heldBack, now);
  const others = groups.scheduled.length + groups.draft.length;
  const intro = groups.due.length
    ? 'These posts are due but not on the site: the publishing robot left them out because of the problems listed under each. Every other post went out as usual.'
    : 'These posts have problems. They are not due yet, but when their date comes the site will leave them out until the problems are fixed.';
  const howTo =
    '**To fix a post:** open its file (the *edit it on GitHub* link does that), correct each line listed under it, and save it to GitHub. ' +
    'The run that starts then publishes it, and this issue closes by itself once nothing is held back. ' +
    'On your computer, `npm run check` lists the same problems.';

  const blocks = (posts: typeof report.heldBack, state: 'due' | 'scheduled' | 'draft') =>
    posts.map((p) => postBlock(p, state, timeZone, links));
  const all = [
    ...section('Due, but not on the site', blocks(groups.due, 'due')),
    ...section('Scheduled: fix these before their date', blocks(groups.scheduled, 'scheduled')),
    ...section('Drafts with problems', blocks(groups.draft, 'draft')),
  ];
  const footer = [
    '---',
    `Kept up to date by the ${links.workflowUrl ? `[Publish workflow](${links.workflowUrl})` : 'Publish workflow'}: it edits this list when it changes and closes the issue when nothing is held back.` +
      (links.repoUrl && links.branch
        ? ` How publishing works: [docs/publishing.md](${links.repoUrl}/blob/${links.branch}/docs/publishing.md).`
        : ''),
    dueMarker(groups.due.map((p) => p.file)),
  ];

  const parts = [intro, howTo];
  let length = [...parts, ...footer].join('\n\n').length;
  let left = 0;
  for (const [i, part] of all.entries()) {
    if (length + part.length + 2 > MAX_BODY) {
      left = all.slice(i).filter((p) => !p.startsWith('## ')).length;
      break;
    }
    parts.push(part);
    length += part.length + 2;
  }
  if (left)
    parts.push(
      `…and ${plural(left, 'more post')}: the job summary of ${links.runUrl ? `[the latest run](${links.runUrl})` : 'the latest run'} lists them all.`,
    );

  return {
    state: 'open',
    title: issueTitle(groups.due.length, others),
    body: [...parts, ...footer].join('\n\n'),
    due: groups.due.map((p) => ({ file: p.file, text: `**${postName(p)}**: ${postLine(p, 'due', timeZone, links)}` })),
  };
}

/** The comment the issue is closed with: which formerly held-back posts are live now, and when they went live. */
export function closingComment(live: LiveRecord | undefined, timeZone: string, links: RepoLinks): string {
  const run = links.runUrl ? `[This run](${links.runUrl})` : 'This run';
  const lines = [`Nothing is held back any more: ${run} published every post that is due. Closing.`];
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

/**
 * The issue after this run: open with the list while any post is held back;
 * closed once an uploaded build held nothing back; unchanged (undefined) when
 * the run cannot tell, because the build or the upload did not happen.
 */
export function desiredIssue(
  report: Report | undefined,
  uploaded: boolean,
  live: LiveRecord | undefined,
  timeZone: string,
  links: RepoLinks,
): DesiredIssue | undefined {
  if (!report) return undefined;
  if (report.heldBack.length) return heldBackIssue(report, timeZone, links);
  return uploaded ? { state: 'closed', comment: closingComment(live, timeZone, links) } : undefined;
}
