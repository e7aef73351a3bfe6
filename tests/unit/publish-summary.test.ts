/**
 * The publish run's job summary, word for word, for a fixture report and live
 * record; what it says when the build, the links or the upload stopped the
 * run; and the last step as a whole against a fake GitHub: the summary is
 * written even when GitHub cannot be reached, and the issue decision is handed
 * on only when the open issue does not already say it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_LABEL } from '../../scripts/lib/publish/issue-plan.ts';
import { heldBackIssue } from '../../scripts/lib/publish/issue-text.ts';
import { readReport, type LiveRecord } from '../../scripts/lib/publish/records.ts';
import { runStop } from '../../scripts/lib/publish/stop.ts';
import { summaryMarkdown, type RunOutcomes, type SummaryInput } from '../../scripts/lib/publish/summary.ts';
import { tell } from '../../scripts/lib/publish/tell.ts';
import { duration, when } from '../../scripts/lib/publish/words.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { FAKE_REPO, FAKE_TOKEN, useFakeGitHub } from './support/fake-github.ts';

const TZ = 'America/New_York';
const REPORT_PATH = join(FIXTURES, 'publish/report.json');
const report = readReport(REPORT_PATH)!;
const links = { repoUrl: 'https://github.com/studio/blog', branch: 'main', runUrl: 'https://github.com/studio/blog/actions/runs/42' };
const allWent: RunOutcomes = { build: 'success', links: 'success', deploy: 'success', live: 'success' };
const edit = (file: string) => `[edit it on GitHub](https://github.com/studio/blog/edit/main/${file})`;

const live: LiveRecord = {
  since: '2026-11-27T04:00:00.000Z',
  sinceFrom: "the last successful run's build (Thu, Nov 26, 23:00)",
  feedUrl: report.feedUrl,
  posts: [
    {
      slug: 'morning-stretch',
      title: 'Morning stretch & breath',
      url: 'https://www.example.org/posts/morning-stretch/',
      date: '2026-11-27T12:00:00.000Z',
      file: 'content/posts/2026-11-27-morning-stretch.md',
      wasHeldBack: false,
      page: { ok: true, at: '2026-11-27T17:02:30.000Z', tries: 1 },
      feed: { ok: true, at: '2026-11-27T17:02:30.000Z', tries: 1 },
      lateMs: 5 * 3600_000 + 2 * 60_000 + 30_000,
    },
    {
      slug: 'thai-massage-for-runners',
      title: 'Thai massage for runners',
      url: 'https://www.example.org/posts/thai-massage-for-runners/',
      date: '2026-11-27T05:00:00.000Z',
      file: 'content/posts/2026-11-27-thai-massage-for-runners.md',
      wasHeldBack: false,
      page: {
        ok: false,
        tries: 7,
        problem: 'https://www.example.org/posts/thai-massage-for-runners/ still answers 404 (not found) after 7 tries in 4 min',
      },
      feed: {
        ok: false,
        tries: 7,
        problem:
          'the feed https://www.example.org/rss.xml still does not list it after 7 tries in 4 min, so feed readers do not see the post yet',
      },
    },
  ],
};

const HELD_BACK_SECTIONS = `### Held back: due, but not on the site

Fix each line below and save the file to GitHub; the run that starts then publishes the post.

#### Stretching, in \\*pictures\\*

\`content/posts/2026-11-26-pictures.md\` · was due Thu, Nov 26 · ${edit('content/posts/2026-11-26-pictures.md')}

\`\`\`text
1 error:
  content/posts/2026-11-26-pictures.md:9  body  the picture ./images/pic.jpg has no alt text; describe what it shows between the brackets, like ![A therapist stretching a client's hamstring](./images/pic.jpg)

1 warning:
  content/posts/2026-11-26-pictures.md:13  body  the picture ./images/pic.jpg has "IMG_2041.jpg" as its alt text, which tells a reader nothing; describe what the picture shows
\`\`\`

#### \`half-written\`

\`content/posts/2026-11-27-half-written.md\` · date not known until it is fixed · ${edit('content/posts/2026-11-27-half-written.md')}

\`\`\`text
1 error:
  content/posts/2026-11-27-half-written.md:5  date  "tomorrow" is not a date; write 2026-11-27 or 2026-11-27T07:00:00-05:00
\`\`\`

### Not due yet, with problems

These will be held back when their date comes unless they are fixed first.

#### Next week's class

\`content/posts/2026-12-04-next-weeks-class.md\` · due Fri, Dec 4, 07:00 · ${edit('content/posts/2026-12-04-next-weeks-class.md')}

\`\`\`text
1 error:
  content/posts/2026-12-04-next-weeks-class.md:6  tags #1  "masage" is not a tag. Did you mean \`massage\`? Fix the spelling
\`\`\`
`;

const EXPECTED_SUMMARY = `## Publishing run, Fri, Nov 27, 12:00

⚠️ The site was uploaded, but 1 of 2 posts that came due could not be seen on the public site in time (below).

⚠️ 2 posts are held back: due, but left off the site until their problems are fixed (below). [Issue #7](https://github.com/studio/blog/issues/7) lists them.

### Went live in this run

| Post | Due | Seen live | Late by | In the feed |
| --- | --- | --- | --- | --- |
| [Morning stretch \\& breath](https://www.example.org/posts/morning-stretch/) | Fri, Nov 27, 07:00 | Fri, Nov 27, 12:02 | 5 h 3 min | yes |
| [Thai massage for runners](https://www.example.org/posts/thai-massage-for-runners/) | Fri, Nov 27 | **not seen** | — | **not yet** |

*Late by* is the time from the post's date to the moment its page was first seen on the public site. Times are in America/New_York.

**Not seen on the public site:**

\`\`\`text
Thai massage for runners: https://www.example.org/posts/thai-massage-for-runners/ still answers 404 (not found) after 7 tries in 4 min
Thai massage for runners: the feed https://www.example.org/rss.xml still does not list it after 7 tries in 4 min, so feed readers do not see the post yet
\`\`\`

${HELD_BACK_SECTIONS}`;

/** The summary of a run; what stopped it is worked out from the outcomes as the last step does, unless given. */
const allSeenOf = (record: LiveRecord): LiveRecord => ({ ...record, posts: [record.posts[0]!] });

const summary = (over: Partial<SummaryInput> & { hostConnected?: boolean; settingsProblems?: string[] }) => {
  const { hostConnected = true, settingsProblems, ...rest } = over;
  const input = { report, live, outcomes: allWent, timeZone: TZ, links, now: new Date('2026-11-27T17:04:00Z'), ...rest };
  return summaryMarkdown({
    stop: runStop({ report: input.report, outcomes: input.outcomes, hostConnected, settingsProblems }),
    ...input,
  });
};

describe('the job summary', () => {
  it('says what went live and how late, what was not seen, and what is held back and why', () => {
    expect(
      summary({ outcomes: { ...allWent, live: 'failure' }, issueNote: '[Issue #7](https://github.com/studio/blog/issues/7) lists them.' }),
    ).toBe(EXPECTED_SUMMARY);
  });

  it('says so when every post that came due is live, or when none came due', () => {
    const allSeen: LiveRecord = { ...live, posts: [live.posts[0]!] };
    const clean = { ...report, heldBack: [] };
    expect(summary({ report: clean, live: allSeen }).split('\n\n').slice(0, 2)).toEqual([
      '## Publishing run, Fri, Nov 27, 12:00',
      '✅ The site is up to date: 1 post went live in this run; 3 posts are on the site.',
    ]);
    expect(summary({ report: clean, live: { ...live, posts: [] } })).toBe(
      "## Publishing run, Fri, Nov 27, 12:00\n\n✅ The site is up to date: no post came due since the last successful run's build (Thu, Nov 26, 23:00); 3 posts are on the site.\n",
    );
  });

  it('says plainly why nothing was published when a step stopped the run, and still lists the held-back posts', () => {
    const stopped = (outcomes: Partial<RunOutcomes>, over = {}) =>
      summary({ live: undefined, outcomes: { ...allWent, live: 'skipped', ...outcomes }, ...over })
        .trimEnd()
        .split('\n\n')[1];
    expect(stopped({ build: 'failure', links: 'skipped', deploy: 'skipped' }, { report: undefined })).toBe(
      '❌ Nothing was published: the run stopped before the build could check the posts. The log of the first failed step says why; until that is fixed, no post goes out.',
    );
    expect(stopped({ build: 'failure', links: 'skipped', deploy: 'skipped' })).toBe(
      '❌ Nothing was published: the build stopped on a problem that is not about one post (the code, or the check that every due post has its page), so it could not hold a post back for it. The log of the build step names it; until it is fixed, no post goes out.',
    );
    expect(stopped({ links: 'failure', deploy: 'skipped' })).toBe(
      '❌ Nothing was published: the built site has a broken link, so it was not uploaded; the site stays as it was until the link is fixed. The log of the link check names it.',
    );
    expect(stopped({ deploy: 'failure' })).toBe(
      '❌ Nothing was published: the upload to the host failed, so the site may still be as it was. The log of the deploy step says why.',
    );
    expect(stopped({ build: 'skipped', links: 'skipped', deploy: 'skipped' }, { report: undefined, settingsProblems: ['x'] })).toBe(
      '❌ Nothing was published: the site settings have problems, so the site could not be built. Until they are fixed, no post goes out, not even the ones that come due.',
    );
    expect(stopped({ deploy: 'failure' }, { hostConnected: false })).toBe(
      '⚠️ Nothing was uploaded: publishing is not connected to a host yet (docs/publishing.md, "Connecting the studio\'s host"). The site was built and checked.',
    );
    expect(stopped({ deploy: 'cancelled' })).toBe('❌ The run was cancelled before it finished; the site may not have changed.');
    expect(stopped({ live: 'failure' })).toBe(
      '⚠️ The site was uploaded and 3 posts are on the site, but the live check did not finish, so this run cannot say which posts went live. Its log says why.',
    );
    // Whatever stopped the run, the held-back posts are listed.
    expect(summary({ live: undefined, outcomes: { ...allWent, deploy: 'failure', live: 'skipped' } }).endsWith(HELD_BACK_SECTIONS)).toBe(
      true,
    );
  });

  it('counts a draft with problems apart from the posts that are held back', () => {
    const later = { ...report, heldBack: [report.heldBack[2]!, { ...report.heldBack[0]!, draft: true }] };
    expect(
      summary({ report: later, live: allSeenOf(live) })
        .split('\n\n')
        .slice(2, 4),
    ).toEqual([
      '⚠️ 1 post that is not due yet has problems (below).',
      '1 draft has problems (below); drafts are not published, so nothing waits on them.',
    ]);
  });

  it('heads the run with the time of its report, or of the step when there is none', () => {
    expect(
      summary({ report: undefined, live: undefined, outcomes: { build: 'failure', links: '', deploy: '', live: '' } }).split('\n')[0],
    ).toBe('## Publishing run, Fri, Nov 27, 12:04');
  });
});

describe('times and durations in words', () => {
  it('writes a day alone for midnight, as the calendar does, and the clock otherwise', () => {
    expect(when(new Date('2026-11-27T05:00:00Z'), TZ)).toBe('Fri, Nov 27');
    expect(when(new Date('2026-11-27T05:00:00Z'), TZ, 'always')).toBe('Fri, Nov 27, 00:00');
    expect(when(new Date('2026-07-04T11:00:00Z'), TZ)).toBe('Sat, Jul 4, 07:00');
  });

  it('rounds a duration to the minute', () => {
    expect([20_000, 40_000, 8 * 60_000 + 29_000, 60 * 60_000, 65 * 60_000, 27 * 3600_000, 48 * 3600_000].map(duration)).toEqual([
      'under a minute',
      '1 min',
      '8 min',
      '1 h',
      '1 h 5 min',
      '1 day 3 h',
      '2 days',
    ]);
  });
});

describe('the last step against a fake GitHub', () => {
  const fake = useFakeGitHub();

  function files() {
    const dir = mkdtempSync(join(tmpdir(), 'publish-tell-'));
    const livePath = join(dir, 'live.json');
    writeFileSync(livePath, JSON.stringify(live));
    return { dir, livePath, summaryPath: join(dir, 'summary.md'), outputPath: join(dir, 'output') };
  }
  const run = (f: ReturnType<typeof files>) =>
    tell({
      reportPath: REPORT_PATH,
      livePath: f.livePath,
      outcomes: allWent,
      hostConnected: true,
      timeZone: TZ,
      links,
      api: fake.api(),
      summaryPath: f.summaryPath,
      outputPath: f.outputPath,
    });
  const output = (f: ReturnType<typeof files>) => {
    try {
      return readFileSync(f.outputPath, 'utf8');
    } catch {
      return '';
    }
  };

  it('writes the summary even when GitHub cannot be reached, and hands the decision on', async () => {
    fake.github.failWith = 502;
    const f = files();
    const told = await run(f);
    const written = readFileSync(f.summaryPath, 'utf8');
    expect(written).toBe(told.summary);
    expect(written).toContain('### Went live in this run');
    expect(written).toContain(
      '2 posts are held back: due, but left off the site until their problems are fixed (below). GitHub could not be asked about the held-back issue from this step; the issue job tries on its own.\n',
    );
    expect(told.warnings).toEqual([
      `Could not check the held-back issue: GitHub answered 502 to GET /repos/${FAKE_REPO}/issues?state=open&labels=${ISSUE_LABEL}&sort=created&direction=asc&per_page=100: Server Error.`,
    ]);
    expect(output(f)).toBe(`issue=${JSON.stringify(heldBackIssue(report, true, TZ, links)!)}\n`);
  });

  it('hands over a decision only when the open issue does not already say it', async () => {
    const f = files();
    await run(f);
    expect(output(f)).toBe(`issue=${JSON.stringify(heldBackIssue(report, true, TZ, links)!)}\n`);
    expect(readFileSync(f.summaryPath, 'utf8')).toContain('An issue that lists them is being opened (label `held-back-posts`).');

    const { title, body } = heldBackIssue(report, true, TZ, links)!;
    fake.github.issues.push({ number: 7, title, body, state: 'open', labels: [ISSUE_LABEL], comments: [] });
    const again = files();
    await run(again);
    expect(output(again)).toBe('');
    expect(readFileSync(again.summaryPath, 'utf8')).toContain('[Issue #7](https://github.com/studio/blog/issues/7) lists them.');
  });

  it('says in the summary and in the issue that nothing was published when the build wrote no report', async () => {
    const f = files();
    const told = await tell({
      ...{ reportPath: join(f.dir, 'missing.json'), livePath: join(f.dir, 'missing-live.json') },
      outcomes: { build: 'failure', links: 'skipped', deploy: 'skipped', live: 'skipped' },
      hostConnected: true,
      timeZone: TZ,
      links,
      api: fake.api(),
      summaryPath: f.summaryPath,
      outputPath: f.outputPath,
      now: new Date('2026-11-27T17:04:00Z'),
    });
    expect(readFileSync(f.summaryPath, 'utf8')).toBe(
      '## Publishing run, Fri, Nov 27, 12:04\n\n' +
        '❌ Nothing was published: the run stopped before the build could check the posts. The log of the first failed step says why; until that is fixed, no post goes out.\n\n' +
        "**To fix it:** This is not about a post's text: ask whoever looks after the site's code to open the run and read the log of its first failed step. " +
        'An issue that says so is being opened (label `held-back-posts`).\n',
    );
    expect(told.handOver).toMatchObject({ state: 'open', title: 'Nothing was published: the publish run stopped' });
    expect(output(f)).toBe(`issue=${JSON.stringify(told.handOver)}\n`);
  });

  it('names the broken settings in the summary and hands over an issue that lists them', async () => {
    const f = files();
    const settingsProblems = ['src/site.config.ts:20  postsPerPage  must be a whole number of 1 or more; write 10'];
    const told = await tell({
      ...{ reportPath: join(f.dir, 'missing.json'), livePath: join(f.dir, 'missing-live.json') },
      settingsProblems,
      outcomes: { build: 'skipped', links: 'skipped', deploy: 'skipped', live: 'skipped' },
      hostConnected: true,
      timeZone: 'UTC',
      links,
      api: fake.api(),
      summaryPath: f.summaryPath,
      outputPath: f.outputPath,
      now: new Date('2026-11-27T17:04:00Z'),
    });
    const written = readFileSync(f.summaryPath, 'utf8');
    expect(written).toContain(`\n\n\`\`\`text\n${settingsProblems[0]}\n\`\`\`\n\n**To fix it:** Fix each line listed`);
    expect(told.handOver).toMatchObject({ state: 'open', title: 'Nothing was published: the site settings have problems' });
    expect(told.handOver?.state === 'open' && told.handOver.body).toContain(`\`\`\`text\n${settingsProblems[0]}\n\`\`\``);
  });

  it('runs when the site settings are broken, which stop the build before it starts, and names them (scripts/publish-summary.ts)', async () => {
    const f = files();
    const settings = join(f.dir, 'settings.json');
    writeFileSync(settings, '{\n  "postsPerPage": "ten"\n}\n');
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        join(ROOT, 'node_modules/.bin/node'),
        ['scripts/publish-summary.ts', '--report', join(f.dir, 'none.json'), '--live', join(f.dir, 'none-live.json')],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH ?? '',
            SITE_SETTINGS_FILE: settings,
            BUILD_OUTCOME: 'skipped',
            LINKS_OUTCOME: 'skipped',
            DEPLOY_OUTCOME: 'skipped',
            LIVE_OUTCOME: 'skipped',
            DEPLOY_TARGET: 's3',
            GITHUB_API_URL: fake.github.apiUrl,
            GITHUB_REPOSITORY: FAKE_REPO,
            GITHUB_TOKEN: FAKE_TOKEN,
            GITHUB_STEP_SUMMARY: f.summaryPath,
            GITHUB_OUTPUT: f.outputPath,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(result.code, result.output).toBe(0);
    const line = `${settings}:2  postsPerPage  `;
    expect(readFileSync(f.summaryPath, 'utf8')).toContain(`\n\n\`\`\`text\n${line}`);
    const handOver = JSON.parse(/^issue=(.*)$/m.exec(output(f))![1]!) as { title: string; body: string };
    expect(handOver.title).toBe('Nothing was published: the site settings have problems');
    expect(handOver.body).toContain(`\`\`\`text\n${line}`);
  });
});
