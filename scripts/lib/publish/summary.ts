/**
 * The publish run's job summary, for the studio: did the site change, which
 * posts went live and how late, which are held back and what to fix. Built
 * from the build's report, the live check's record and how each step ended.
 */
import { groupHeldBack, postBlock, type RepoLinks } from './held-back.ts';
import type { LivePost, LiveRecord, Report } from './records.ts';
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
  outcomes: RunOutcomes;
  /** DEPLOY_TARGET is set: an upload that did not happen failed rather than was never set up. */
  hostConnected: boolean;
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
  const { report, live, outcomes } = input;
  const o = Object.values(outcomes);
  if (o.includes('cancelled')) return '❌ The run was cancelled before it finished; the site may not have changed.';
  if (!report || outcomes.build !== 'success') {
    if (!report)
      return '❌ Nothing was published: the run stopped before the build could check the posts. The log of the first failed step says why.';
    return (
      '❌ Nothing was published: the build stopped on a problem that is not about one post (the site settings, an author file or the code), ' +
      'so it could not hold a post back for it. The log of the build step names it; until it is fixed, no post goes out.'
    );
  }
  if (outcomes.links !== 'success')
    return '❌ Nothing was published: the built site has a broken link, so it was not uploaded. The log of the link check names it; the site stays as it was.';
  if (outcomes.deploy !== 'success') {
    return input.hostConnected
      ? '❌ Nothing was published: the upload to the host failed, so the site may still be as it was. The log of the deploy step says why.'
      : '⚠️ Nothing was uploaded: publishing is not connected to a host yet (docs/publishing.md, "Connecting the studio\'s host"). The site was built and checked.';
  }
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
  if (report?.heldBack.length) {
    const due = groupHeldBack(report.heldBack, at).due.length;
    const heldLine = due
      ? `⚠️ ${plural(due, 'post is', 'posts are')} held back: due, but left off the site until ${due === 1 ? 'its' : 'their'} problems are fixed (below).`
      : `⚠️ ${plural(report.heldBack.length, 'post that is not due yet has', 'posts that are not due yet have')} problems (below).`;
    lines.push(input.issueNote ? `${heldLine} ${input.issueNote}` : heldLine);
  } else if (input.issueNote) {
    lines.push(input.issueNote);
  }
  if (live && input.outcomes.deploy === 'success') lines.push(...liveSection(live, timeZone));
  if (report) lines.push(...heldBackSections(report, timeZone, links));
  return `${lines.join('\n\n')}\n`;
}
