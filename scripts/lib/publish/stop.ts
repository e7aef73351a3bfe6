/**
 * Why a publish run put nothing on the site, when the reason is not one post's:
 * the site settings, a file several posts use (an author), the code, a broken
 * link, or the upload. The job summary and the GitHub issue say it in the same
 * words, with the `file:line  field  fix` lines when there are any, because a
 * red run alone tells nobody.
 */
import { formatProblem } from '../../../src/lib/content/problems.ts';
import { groupByTarget, type LinkReport } from '../links/report.ts';
import type { Report } from './records.ts';
import type { RunOutcomes } from './summary.ts';

export type StopKind = 'settings' | 'shared-file' | 'build' | 'links' | 'upload';

export interface RunStop {
  kind: StopKind;
  /** The issue's title. */
  title: string;
  /** What happened, one or two sentences. */
  what: string;
  /** How to fix it, for the studio. */
  fix: string;
  /** The lines that name the problem (`file:line  field  fix`, or a broken link), when there are any. */
  lines: string[];
}

export interface StopInput {
  report: Report | undefined;
  outcomes: RunOutcomes;
  /** DEPLOY_TARGET is set: an upload that did not happen failed rather than was never set up. */
  hostConnected: boolean;
  /** The site settings' problems, one line each, when they could not be loaded. */
  settingsProblems?: readonly string[] | undefined;
  /** The link check's report, when it wrote one. */
  links?: LinkReport | undefined;
}

/** Broken links are many lines for one mistake at worst: the first few say enough. */
const MAX_LINK_LINES = 20;

function linkLines(links: LinkReport | undefined): string[] {
  if (!links) return [];
  const lines = groupByTarget([...links.broken, ...links.external.broken]).flatMap((g) => [
    `${g.url}  ${g.reason}${g.status ? ` (HTTP ${g.status})` : ''}`,
    ...g.parents.map((p) => `    linked from ${p}`),
  ]);
  return lines.length > MAX_LINK_LINES ? [...lines.slice(0, MAX_LINK_LINES), `… and ${lines.length - MAX_LINK_LINES} more lines`] : lines;
}

const CHECK_LOCALLY = '`npm run check` on a computer with the project prints the same lines.';

/**
 * The stop, if the run had one; 'cancelled' when it was cut off, so nothing can
 * be said; undefined when nothing stopped it (even if the upload was never set up).
 */
export function runStop(input: StopInput): RunStop | 'cancelled' | undefined {
  const { report, outcomes } = input;
  if (Object.values(outcomes).includes('cancelled')) return 'cancelled';
  if (input.settingsProblems?.length) {
    return {
      kind: 'settings',
      title: 'Nothing was published: the site settings have problems',
      what: 'the site settings have problems, so the site could not be built. Until they are fixed, no post goes out, not even the ones that come due.',
      fix: `Fix each line listed in the file it names (usually \`src/site.config.ts\`; a name like \`SITE_URL=…\` is a repository variable under *Settings → Secrets and variables → Actions*) and save it to GitHub: the run that starts then publishes everything that is due. ${CHECK_LOCALLY}`,
      lines: [...input.settingsProblems],
    };
  }
  if (outcomes.build !== 'success') {
    if (report?.siteProblems.length) {
      return {
        kind: 'shared-file',
        title: 'Nothing was published: a file that several posts use has problems',
        what: 'a file that several posts use (an author file) has problems, so no single post could be held back for it and the build stopped. Until it is fixed, no post goes out, not even the ones that come due.',
        fix: `Fix each line listed in the file it names and save it to GitHub: the run that starts then publishes everything that is due. ${CHECK_LOCALLY}`,
        lines: report.siteProblems.map(formatProblem),
      };
    }
    return {
      kind: 'build',
      title: 'Nothing was published: the publish run stopped',
      what: report
        ? 'the build stopped on a problem that is not about one post (the code, or the check that every due post has its page), so it could not hold a post back for it. The log of the build step names it; until it is fixed, no post goes out.'
        : 'the run stopped before the build could check the posts. The log of the first failed step says why; until that is fixed, no post goes out.',
      fix: "This is not about a post's text: ask whoever looks after the site's code to open the run and read the log of its first failed step.",
      lines: [],
    };
  }
  if (outcomes.links !== 'success') {
    const lines = linkLines(input.links);
    return {
      kind: 'links',
      title: 'Nothing was published: the built site has a broken link',
      what: `the built site has a broken link, so it was not uploaded; the site stays as it was until the link is fixed.${lines.length ? '' : ' The log of the link check names it.'}`,
      fix: 'Change the link in the post or page that has it (or restore the page it points to) and save it to GitHub: the run that starts then publishes everything that is due. `npm run build` and `npm run check:links` on a computer with the project show the same.',
      lines,
    };
  }
  if (outcomes.deploy !== 'success' && input.hostConnected) {
    return {
      kind: 'upload',
      title: 'Nothing was published: the upload to the host failed',
      what: 'the upload to the host failed, so the site may still be as it was. The log of the deploy step says why.',
      fix: 'The next run tries again by itself. If it keeps failing, check the host and the deploy secrets (docs/publishing.md, "Connecting the studio\'s host") and read the log of the deploy step.',
      lines: [],
    };
  }
  return undefined;
}
