/**
 * The publish run's job summary, for the studio: did the site change, which
 * posts went live and how late, which are held back and what to fix. Built
 * from the build's report, the live check's record and how each step ended.
 */
import { groupHeldBack, postBlock, type RepoLinks } from './held-back.ts';
import type { LivePost, LiveRecord, Report } from './records.ts';
import type { RunStop } from './stop.ts';
import { duration, escapeMarkdown, fence, plural, when } from './words.ts';

/** How a step ended, as Actions says it: success, failure, cancelled, skipped (or '' when unknown). */
export interface RunOutcomes {
  build: string;
  links: string;
  deploy: string;
  live: string;
}

export interface SummaryInput {
  report: Report | undefined;
  live: LiveRecord | undefined;
  /** What stopped the run from publishing anything (stop.ts), if anything did. */
  stop: RunStop | 'cancelled' | undefined;
  outcomes: RunOutcomes;
  timeZone: string;
  links: RepoLinks;
  /** Where the held-back issue is, or why it could not be checked. */
  issueNote?: string | undefined;
  /** The heading's time when the build wrote no report. */
  now: Date;
}

function notSeen(p: LivePost): boolean {
  return !p.page.ok || (p.feed !== undefined && !p.feed.ok);
}

/** The first line: what happened to the site in this run. */
function siteLine(input: SummaryInput): string {
  const { report, live, outcomes, stop } = input;
  if (stop === 'cancelled') return '❌ The run was cancelled before it finished; the site may not have changed.';
  if (stop) return `❌ Nothing was published: ${stop.what}`;
  if (!report)
    return '❌ Nothing was published: the run stopped before the build could check the posts. The log of the first failed step says why.';
  if (outcomes.deploy !== 'success')
    return '⚠️ Nothing was uploaded: publishing is not connected to a host yet (docs/publishing.md, "Connecting the studio\'s host"). The site was built and checked.';
  const onSite = `${plural(report.published.length, 'post is', 'posts are')} on the site`;
  if (!live)
    return `⚠️ The site was uploaded and ${onSite}, but the live check did not finish, so this run cannot say which posts went live. Its log says why.`;
  const missing = live.posts.filter(notSeen).length;
  if (missing)
    return `⚠️ The site was uploaded, but ${missing} of ${plural(live.posts.length, 'post')} that came due could not be seen on the public site in time (below).`;
  if (!live.posts.length) return `✅ The site is up to date: no post came due since ${live.sinceFrom}; ${onSite}.`;
  return `✅ The site is up to date: ${plural(live.posts.length, 'post')} went live in this run; ${onSite}.`;
}

function seenCell(p: LivePost, timeZone: string): string {
  return p.page.ok && p.page.at ? when(new Date(p.page.at), timeZone, 'always') : '**not seen**';
}

function feedCell(p: LivePost): string {
  if (!p.feed) return 'too old for the feed';
  return p.feed.ok ? 'yes' : '**not yet**';
}

function liveSection(live: LiveRecord, timeZone: string): string[] {
  if (!live.posts.length) return [];
  const rows = live.posts.map((p) => {
    const name = `[${escapeMarkdown(p.title)}](${p.url})${p.wasHeldBack ? ' (was held back)' : ''}`;
    const late = p.lateMs === undefined ? '—' : duration(p.lateMs);
    return `| ${name} | ${when(new Date(p.date), timeZone)} | ${seenCell(p, timeZone)} | ${late} | ${feedCell(p)} |`;
  });
  const problems = live.posts.flatMap((p) =>
    [p.page, p.feed].filter((s) => s && !s.ok).map((s) => `${p.title}: ${s!.problem ?? 'not seen'}`),
  );
  return [
    '### Went live in this run',
    ['| Post | Due | Seen live | Late by | In the feed |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'),
    `*Late by* is the time from the post's date to the moment its page was first seen on the public site. Times are in ${timeZone}.`,
    ...(problems.length ? ['**Not seen on the public site:**', fence(problems.join('\n'))] : []),
  ];
}

function heldBackSections(report: Report, timeZone: string, links: RepoLinks): string[] {
  const groups = groupHeldBack(report.heldBack, new Date(report.now));
  const out: string[] = [];
  const add = (heading: string, note: string, posts: typeof report.heldBack, state: 'due' | 'scheduled' | 'draft') => {
    if (posts.length) out.push(`### ${heading}`, note, ...posts.map((p) => postBlock(p, state, timeZone, links, '####')));
  };
  add(
    'Held back: due, but not on the site',
    'Fix each line below and save the file to GitHub; the run that starts then publishes the post.',
    groups.due,
    'due',
  );
  add(
    'Not due yet, with problems',
    'These will be held back when their date comes unless they are fixed first.',
    groups.scheduled,
    'scheduled',
  );
  add('Drafts with problems', 'Fix these before you take `draft: true` out.', groups.draft, 'draft');
  return out;
}

export function summaryMarkdown(input: SummaryInput): string {
  const { report, live, timeZone, links } = input;
  const at = report ? new Date(report.now) : input.now;
  const lines = [`## Publishing run, ${when(at, timeZone, 'always')}`, siteLine(input)];
  const stop = input.stop === 'cancelled' ? undefined : input.stop;
  if (stop) {
    if (stop.lines.length) lines.push(fence(stop.lines.join('\n')));
    lines.push(`**To fix it:** ${stop.fix}${input.issueNote ? ` ${input.issueNote}` : ''}`);
  }
  const note = stop ? undefined : input.issueNote;
  const groups = groupHeldBack(report?.heldBack ?? [], at);
  // Drafts are not meant to go out: they are listed, but never counted as held back.
  const heldLine = groups.due.length
    ? `⚠️ ${plural(groups.due.length, 'post is', 'posts are')} held back: due, but left off the site until ${groups.due.length === 1 ? 'its' : 'their'} problems are fixed (below).`
    : groups.scheduled.length
      ? `⚠️ ${plural(groups.scheduled.length, 'post that is not due yet has', 'posts that are not due yet have')} problems (below).`
      : undefined;
  if (heldLine) lines.push(note ? `${heldLine} ${note}` : heldLine);
  else if (note) lines.push(note);
  if (groups.draft.length)
    lines.push(
      `${plural(groups.draft.length, 'draft has', 'drafts have')} problems (below); drafts are not published, so nothing waits on them.`,
    );
  if (live && input.outcomes.deploy === 'success') lines.push(...liveSection(live, timeZone));
  if (report) lines.push(...heldBackSections(report, timeZone, links));
  return `${lines.join('\n\n')}\n`;
}
