/**
 * The held-back posts issue: the exact words it is opened with for a fixture
 * report, the decisions (open, update, comment, close, leave alone), and the
 * calls that carry them out against a fake of GitHub's REST API on 127.0.0.1.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoApi, repoApiFromEnv, type Issue } from '../../scripts/lib/publish/github.ts';
import {
  ISSUE_LABEL,
  dueFilesIn,
  dueMarker,
  parseDesired,
  planIssue,
  syncIssue,
  type DesiredIssue,
} from '../../scripts/lib/publish/issue-plan.ts';
import { desiredIssue, heldBackIssue, type RunFacts } from '../../scripts/lib/publish/issue-text.ts';
import { readReport, type LiveRecord, type Report } from '../../scripts/lib/publish/records.ts';
import { runStop, type RunStop } from '../../scripts/lib/publish/stop.ts';
import type { LinkReport } from '../../scripts/lib/links/report.ts';
import { FIXTURES, ROOT } from '../support/paths.ts';
import { FAKE_REPO, FAKE_TOKEN, useFakeGitHub } from './support/fake-github.ts';

const TZ = 'America/New_York';
const links = {
  repoUrl: 'https://github.com/studio/blog',
  branch: 'main',
  runUrl: 'https://github.com/studio/blog/actions/runs/42',
  workflowUrl: 'https://github.com/studio/blog/actions/workflows/publish.yml',
};
const report = readReport(join(FIXTURES, 'publish/report.json'))!;
const edit = (file: string) => `[edit it on GitHub](https://github.com/studio/blog/edit/main/${file})`;

const EXPECTED_BODY = `These posts are due but not on the site: the publishing robot left them out because of the problems listed under each. Every other post went out as usual.

**To fix a post:** open its file (the *edit it on GitHub* link does that), correct each line listed under it, and save it to GitHub. The run that starts then publishes it, and this issue closes by itself once nothing that is due or scheduled is held back. On your computer, \`npm run check\` lists the same problems.

## Due, but not on the site

### Stretching, in \\*pictures\\*

\`content/posts/2026-11-26-pictures.md\` · was due Thu, Nov 26 · ${edit('content/posts/2026-11-26-pictures.md')}

\`\`\`text
1 error:
  content/posts/2026-11-26-pictures.md:9  body  the picture ./images/pic.jpg has no alt text; describe what it shows between the brackets, like ![A therapist stretching a client's hamstring](./images/pic.jpg)

1 warning:
  content/posts/2026-11-26-pictures.md:13  body  the picture ./images/pic.jpg has "IMG_2041.jpg" as its alt text, which tells a reader nothing; describe what the picture shows
\`\`\`

### \`half-written\`

\`content/posts/2026-11-27-half-written.md\` · date not known until it is fixed · ${edit('content/posts/2026-11-27-half-written.md')}

\`\`\`text
1 error:
  content/posts/2026-11-27-half-written.md:5  date  "tomorrow" is not a date; write 2026-11-27 or 2026-11-27T07:00:00-05:00
\`\`\`

## Scheduled: fix these before their date

### Next week's class

\`content/posts/2026-12-04-next-weeks-class.md\` · due Fri, Dec 4, 07:00 · ${edit('content/posts/2026-12-04-next-weeks-class.md')}

\`\`\`text
1 error:
  content/posts/2026-12-04-next-weeks-class.md:6  tags #1  "masage" is not a tag. Did you mean \`massage\`? Fix the spelling
\`\`\`

---

Kept up to date by the [Publish workflow](https://github.com/studio/blog/actions/workflows/publish.yml): it edits this issue when what it lists changes, and closes it once a run has uploaded the site with no post that is due or scheduled held back. How publishing works: [docs/publishing.md](https://github.com/studio/blog/blob/main/docs/publishing.md).

<!-- held-back-due: ["content/posts/2026-11-26-pictures.md","content/posts/2026-11-27-half-written.md"] -->`;

describe('the held-back issue text', () => {
  it('names each held-back post with its file, date, edit link and the lines of npm run check', () => {
    const issue = heldBackIssue(report, true, TZ, links)!;
    expect(issue.title).toBe('2 posts held back from the site');
    expect(issue.body).toBe(EXPECTED_BODY);
    expect(issue.due).toEqual([
      {
        file: 'content/posts/2026-11-26-pictures.md',
        text: `**Stretching, in \\*pictures\\***: \`content/posts/2026-11-26-pictures.md\` · was due Thu, Nov 26 · ${edit('content/posts/2026-11-26-pictures.md')}`,
      },
      {
        file: 'content/posts/2026-11-27-half-written.md',
        text: `**\`half-written\`**: \`content/posts/2026-11-27-half-written.md\` · date not known until it is fixed · ${edit('content/posts/2026-11-27-half-written.md')}`,
      },
    ]);
  });

  it('says "will be held back" when no post is due yet, and leaves drafts out: a draft is not due whatever its date', () => {
    const later: Report = {
      ...report,
      heldBack: [report.heldBack[2]!, { ...report.heldBack[0]!, draft: true }],
    };
    const issue = heldBackIssue(later, true, TZ, {})!;
    expect(issue.title).toBe('1 scheduled post has problems and will be held back');
    expect(issue.body.split('\n\n').slice(0, 1)).toEqual([
      'These posts have problems. They are not due yet, but when their date comes the site will leave them out until the problems are fixed.',
    ]);
    expect(issue.body).toContain(
      "## Scheduled: fix these before their date\n\n### Next week's class\n\n`content/posts/2026-12-04-next-weeks-class.md` · due Fri, Dec 4, 07:00\n\n",
    );
    expect(issue.body).not.toContain('2026-11-26-pictures.md');
    expect(issue.body).not.toMatch(/draft/i);
    expect(issue.body).toContain('Kept up to date by the Publish workflow: it edits');
    expect(issue.due).toEqual([]);
  });

  it('opens no issue for drafts alone, and closes an open one once only drafts have problems', () => {
    const draftsOnly: Report = {
      ...report,
      heldBack: [
        { ...report.heldBack[0]!, draft: true },
        { ...report.heldBack[2]!, draft: true },
      ],
    };
    expect(heldBackIssue(draftsOnly, true, TZ, links)).toBeUndefined();
    const run: RunFacts = { report: draftsOnly, stop: undefined, uploaded: true, live: undefined };
    expect(desiredIssue(run, TZ, links)).toEqual({
      state: 'closed',
      comment:
        '[This run](https://github.com/studio/blog/actions/runs/42) published the site, and no post that is due or scheduled is held back. Closing.',
    });
  });

  it('says no other post went out when the site was not uploaded', () => {
    const notUploaded = heldBackIssue(report, false, TZ, links)!;
    expect(notUploaded.body.split('\n\n')[0]).toBe(
      'These posts are due but not on the site: the publishing robot left them out because of the problems listed under each. ' +
        'The site was not uploaded in this run, so no other post went out either: the summary of [the run](https://github.com/studio/blog/actions/runs/42) says why.',
    );
    // A host that is not connected yet stops nothing: the held-back list, without the claim that the rest went out.
    const run: RunFacts = {
      report,
      stop: runStop({ report, outcomes: { build: 'success', links: 'success', deploy: 'failure', live: 'skipped' }, hostConnected: false }),
      uploaded: false,
      live: undefined,
    };
    expect(desiredIssue(run, TZ, links)).toEqual(notUploaded);
  });

  it('keeps a title or message from a post from turning into links, markup or a mention', () => {
    const tricky: Report = { ...report, heldBack: [{ ...report.heldBack[0]!, title: 'Ask @ada: [why](https://x.test) <b>now</b>?' }] };
    expect(heldBackIssue(tricky, true, TZ, {})!.body).toContain('### Ask @&#8203;ada: \\[why\\]\\(https://x.test\\) \\<b\\>now\\</b\\>?\n');
  });

  it('closes with the formerly held-back posts that went live, and says nothing when nothing was uploaded', () => {
    const nothingHeld: Report = { ...report, heldBack: [] };
    const live: LiveRecord = {
      since: '2026-11-27T16:45:00.000Z',
      sinceFrom: "the last successful run's build (Fri, Nov 27, 11:45)",
      feedUrl: report.feedUrl,
      posts: [
        {
          slug: 'pictures',
          title: 'Stretching, in *pictures*',
          url: 'https://www.example.org/posts/pictures/',
          date: '2026-11-26T05:00:00.000Z',
          file: 'content/posts/2026-11-26-pictures.md',
          wasHeldBack: true,
          page: { ok: true, at: '2026-11-27T17:02:00.000Z', tries: 1 },
          feed: { ok: true, at: '2026-11-27T17:02:00.000Z', tries: 1 },
          lateMs: 36 * 3600_000 + 2 * 60_000,
        },
      ],
    };
    const run = (over: Partial<RunFacts>): RunFacts => ({ report: nothingHeld, stop: undefined, uploaded: true, live, ...over });
    expect(desiredIssue(run({}), TZ, links)).toEqual({
      state: 'closed',
      comment:
        '[This run](https://github.com/studio/blog/actions/runs/42) published the site, and no post that is due or scheduled is held back. Closing.\n' +
        '- [Stretching, in \\*pictures\\*](https://www.example.org/posts/pictures/): live since Fri, Nov 27, 12:02, 1 day 12 h after its date',
    });
    expect(desiredIssue(run({ uploaded: false, live: undefined }), TZ, links)).toBeUndefined();
    expect(desiredIssue(run({ report: undefined }), TZ, links)).toBeUndefined();
    expect(desiredIssue(run({ stop: 'cancelled' }), TZ, links)).toBeUndefined();
    expect(desiredIssue(run({ report, uploaded: false, live: undefined }), TZ, links)?.state).toBe('open');
  });
});

const SETTINGS_LINE = 'src/site.config.ts:20  postsPerPage  must be a whole number of 1 or more; write a number such as 10';
const stopOf = (input: Parameters<typeof runStop>[0]) => runStop(input) as RunStop;
const settingsStop = stopOf({
  report: undefined,
  outcomes: { build: 'skipped', links: 'skipped', deploy: 'skipped', live: 'skipped' },
  hostConnected: true,
  settingsProblems: [SETTINGS_LINE],
});

const EXPECTED_SETTINGS_BODY = `**Nothing was published since [this run](https://github.com/studio/blog/actions/runs/42):** the site settings have problems, so the site could not be built. Until they are fixed, no post goes out, not even the ones that come due.

\`\`\`text
${SETTINGS_LINE}
\`\`\`

**To fix it:** Fix each line listed in the file it names (usually \`src/site.config.ts\`; a name like \`SITE_URL=…\` is a repository variable under *Settings → Secrets and variables → Actions*) and save it to GitHub: the run that starts then publishes everything that is due. \`npm run check\` on a computer with the project prints the same lines. This issue closes by itself once a run publishes again. Each run's summary is under [Actions → Publish](https://github.com/studio/blog/actions/workflows/publish.yml).

The build did not get as far as reading the posts, so posts with problems of their own are listed here only once this is fixed.

---

Kept up to date by the [Publish workflow](https://github.com/studio/blog/actions/workflows/publish.yml): it edits this issue when what it lists changes, and closes it once a run has uploaded the site with no post that is due or scheduled held back. How publishing works: [docs/publishing.md](https://github.com/studio/blog/blob/main/docs/publishing.md).

<!-- publish-stopped: settings since https://github.com/studio/blog/actions/runs/42 -->`;

describe('the issue when a run published nothing', () => {
  const run = (stop: RunFacts['stop'], over: Partial<RunFacts> = {}): RunFacts => ({
    report: undefined,
    stop,
    uploaded: false,
    live: undefined,
    ...over,
  });

  it('opens on broken site settings, with their lines, the fix and where the runs are', () => {
    const issue = desiredIssue(run(settingsStop), TZ, links);
    expect(issue).toEqual({
      state: 'open',
      title: 'Nothing was published: the site settings have problems',
      body: EXPECTED_SETTINGS_BODY,
      due: undefined,
      stopped: {
        kind: 'settings',
        comment:
          '**Nothing was published.** [This run](https://github.com/studio/blog/actions/runs/42) stopped: the site settings have problems, so the site could not be built. Until they are fixed, no post goes out, not even the ones that come due.' +
          `\n\n\`\`\`text\n${SETTINGS_LINE}\n\`\`\`\n\nThe issue says how to fix it.`,
      },
    });
  });

  it('opens on a broken author file, with its lines, and still lists the posts held back', () => {
    const authorLine = {
      file: 'content/authors/ada.yaml',
      line: 3,
      field: 'role',
      message: 'must be text; write a short role',
      severity: 'error' as const,
    };
    const withAuthor: Report = { ...report, siteProblems: [authorLine] };
    const stop = stopOf({
      report: withAuthor,
      outcomes: { build: 'failure', links: 'skipped', deploy: 'skipped', live: 'skipped' },
      hostConnected: true,
    });
    const issue = desiredIssue(run(stop, { report: withAuthor }), TZ, links);
    expect(issue?.state === 'open' && issue.title).toBe('Nothing was published: a file that several posts use has problems');
    const body = issue?.state === 'open' ? issue.body : '';
    expect(body).toContain('```text\ncontent/authors/ada.yaml:3  role  must be text; write a short role\n```');
    expect(body).toContain('## Due, but not on the site\n\n### Stretching, in \\*pictures\\*');
    expect(body).toContain('## Scheduled: fix these before their date');
    expect(dueFilesIn(body)).toEqual(new Set(['content/posts/2026-11-26-pictures.md', 'content/posts/2026-11-27-half-written.md']));
  });

  it('opens on a broken link with the links the check found, and on a failed upload; a host not yet connected opens nothing', () => {
    const linkReport = {
      broken: [{ url: '/posts/gone/', parent: '/posts/morning-stretch/', status: 404, reason: 'no such page' }],
      external: { broken: [] },
    } as unknown as LinkReport;
    const outcomes = { build: 'success', links: 'failure', deploy: 'skipped', live: 'skipped' };
    const links404 = stopOf({ report: { ...report, heldBack: [] }, outcomes, hostConnected: true, links: linkReport });
    const issue = desiredIssue(run(links404, { report: { ...report, heldBack: [] } }), TZ, links);
    expect(issue?.state === 'open' && issue.title).toBe('Nothing was published: the built site has a broken link');
    expect(issue?.state === 'open' && issue.body).toContain(
      '```text\n/posts/gone/  no such page (HTTP 404)\n    linked from /posts/morning-stretch/\n```',
    );

    const deployed = { build: 'success', links: 'success', deploy: 'failure', live: 'skipped' };
    const upload = desiredIssue(run(stopOf({ report, outcomes: deployed, hostConnected: true }), { report }), TZ, links);
    expect(upload?.state === 'open' && upload.title).toBe('Nothing was published: the upload to the host failed');
    expect(runStop({ report, outcomes: deployed, hostConnected: false })).toBeUndefined();
  });

  it('comments when a held-back issue turns into "nothing was published", keeps its list of due posts, and closes once a run publishes', () => {
    const held = heldBackIssue(report, true, TZ, links)!;
    const existing: Issue = { number: 7, title: held.title, body: held.body, html_url: 'https://github.com/studio/blog/issues/7' };
    const stopped = desiredIssue(run(settingsStop), TZ, links)!;
    const carried = `${EXPECTED_SETTINGS_BODY}\n\n${dueMarker(['content/posts/2026-11-26-pictures.md', 'content/posts/2026-11-27-half-written.md'])}`;
    expect(planIssue(stopped, existing)).toEqual([
      { kind: 'update', number: 7, title: 'Nothing was published: the site settings have problems', body: carried },
      { kind: 'comment', number: 7, body: stopped.state === 'open' ? stopped.stopped!.comment : '' },
    ]);
    // The next hour, still stopped: the body keeps the run that first found it, so there is nothing to do.
    const nextHour = desiredIssue(run(settingsStop, { openBody: carried }), TZ, {
      ...links,
      runUrl: 'https://github.com/studio/blog/actions/runs/43',
    })!;
    expect(nextHour).toMatchObject({ title: stopped.state === 'open' && stopped.title, body: stopped.state === 'open' && stopped.body });
    expect(planIssue(nextHour, { ...existing, title: 'Nothing was published: the site settings have problems', body: carried })).toEqual(
      [],
    );
    // Another stop than before: this run's link, and a comment.
    const linkStop = stopOf({
      report,
      outcomes: { build: 'success', links: 'failure', deploy: 'skipped', live: 'skipped' },
      hostConnected: true,
    });
    const other = desiredIssue(run(linkStop, { report, openBody: carried }), TZ, {
      ...links,
      runUrl: 'https://github.com/studio/blog/actions/runs/43',
    })!;
    expect(other.state === 'open' && other.body).toContain(
      '**Nothing was published since [this run](https://github.com/studio/blog/actions/runs/43):**',
    );
    expect(planIssue(other, { ...existing, body: carried }).map((a) => a.kind)).toEqual(['update', 'comment']);
    // Fixed: the held-back list comes back without announcing the same posts again.
    expect(planIssue(held, { ...existing, title: 'Nothing was published: the site settings have problems', body: carried })).toEqual([
      { kind: 'update', number: 7, title: held.title, body: held.body },
    ]);
    expect(parseDesired(JSON.stringify(stopped))).toEqual(stopped);
  });
});

describe('planIssue', () => {
  const open = heldBackIssue(report, true, TZ, links)!;
  const existing = (over: Partial<Issue> = {}): Issue => ({
    number: 7,
    title: open.title,
    body: open.body,
    html_url: 'https://github.com/studio/blog/issues/7',
    ...over,
  });

  it('opens an issue when none is open, and leaves one alone that already says it', () => {
    expect(planIssue(open, undefined)).toEqual([{ kind: 'create', title: open.title, body: open.body }]);
    expect(planIssue(open, existing())).toEqual([]);
    expect(planIssue(open, existing({ body: open.body.replace(/\n/g, '\r\n') }))).toEqual([]);
  });

  it('edits the list when it changed, and comments only for posts that have just come due', () => {
    const onlyPictures = heldBackIssue({ ...report, heldBack: [report.heldBack[0]!] }, true, TZ, links)!;
    expect(dueFilesIn(onlyPictures.body)).toEqual(new Set(['content/posts/2026-11-26-pictures.md']));
    const actions = planIssue(open, existing({ title: onlyPictures.title, body: onlyPictures.body }));
    expect(actions).toEqual([
      { kind: 'update', number: 7, title: open.title, body: open.body },
      {
        kind: 'comment',
        number: 7,
        body: `**Now due and held back**, so not on the site until fixed:\n\n- ${open.due![1]!.text}\n\nThe list in the issue says what to fix.`,
      },
    ]);
    // One post fixed: an edit, no comment.
    expect(planIssue(onlyPictures, existing())).toEqual([
      { kind: 'update', number: 7, title: onlyPictures.title, body: onlyPictures.body },
    ]);
  });

  it('closes the open issue with its comment, and does nothing when none is open', () => {
    const closed: DesiredIssue = { state: 'closed', comment: 'All out.' };
    expect(planIssue(closed, existing())).toEqual([{ kind: 'close', number: 7, comment: 'All out.' }]);
    expect(planIssue(closed, undefined)).toEqual([]);
  });

  it('reads the decision handed over as JSON, and refuses anything else in words', () => {
    expect(parseDesired(JSON.stringify(open))).toEqual(open);
    expect(() => parseDesired('')).toThrow('ISSUE is not JSON');
    expect(() => parseDesired('{"state":"open"}')).toThrow('ISSUE is not a decision about the held-back issue');
  });
});

describe('syncIssue against a fake GitHub', () => {
  const fake = useFakeGitHub();
  const api = fake.api;
  const open = heldBackIssue(report, true, TZ, links)!;

  it('creates the label, opens one issue with it, and then leaves it alone', async () => {
    expect(await syncIssue(api(), open)).toEqual([
      `created the label ${ISSUE_LABEL}`,
      'opened issue #1: https://github.com/studio/blog/issues/1',
    ]);
    expect(fake.github.labels).toEqual(new Set([ISSUE_LABEL]));
    expect(fake.github.issues).toMatchObject([{ number: 1, title: open.title, body: open.body, state: 'open', labels: [ISSUE_LABEL] }]);

    fake.github.requests = [];
    expect(await syncIssue(api(), open)).toEqual([]);
    expect(fake.github.issues).toHaveLength(1);
    expect(fake.github.requests.every((r) => r.startsWith('GET '))).toBe(true);
  });

  it('finds its issue among others by the label, skipping pull requests, and updates it', async () => {
    fake.github.labels.add(ISSUE_LABEL);
    fake.github.issues.push(
      { number: 1, title: 'Unrelated', body: '', state: 'open', labels: ['bug'], comments: [] },
      { number: 2, title: 'A pull request', body: '', state: 'open', labels: [ISSUE_LABEL], comments: [], pull_request: {} },
      { number: 3, title: 'Old list', body: 'old', state: 'open', labels: [ISSUE_LABEL], comments: [] },
    );
    expect(await syncIssue(api(), open)).toEqual(['updated issue #3', 'commented on issue #3']);
    expect(fake.github.issues[2]).toMatchObject({ title: open.title, body: open.body, state: 'open' });
    expect(fake.github.issues[2]!.comments).toHaveLength(1);
    expect(fake.github.issues[0]).toMatchObject({ title: 'Unrelated', body: '' });
    expect(fake.github.issues[1]).toMatchObject({ title: 'A pull request', body: '' });
  });

  it('closes the issue with a comment once nothing is held back', async () => {
    fake.github.labels.add(ISSUE_LABEL);
    fake.github.issues.push({ number: 1, title: open.title, body: open.body, state: 'open', labels: [ISSUE_LABEL], comments: [] });
    expect(await syncIssue(api(), { state: 'closed', comment: 'All out.' })).toEqual(['closed issue #1']);
    expect(fake.github.issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed', comments: ['All out.'] });
    expect(await syncIssue(api(), { state: 'closed', comment: 'All out.' })).toEqual([]);
  });

  it('puts the label back on when GitHub drops it, so the next run finds the issue', async () => {
    fake.github.dropLabels = true;
    await syncIssue(api(), open);
    expect(fake.github.issues[0]!.labels).toEqual([ISSUE_LABEL]);
    expect(await syncIssue(api(), open)).toEqual([]);
  });

  it('says in words what GitHub answered when a call fails', async () => {
    fake.github.failWith = 500;
    await expect(syncIssue(api(), open)).rejects.toThrow(
      `GitHub answered 500 to GET /repos/${FAKE_REPO}/labels/${ISSUE_LABEL}: Server Error`,
    );
    const wrongToken = repoApi({ apiUrl: fake.github.apiUrl, repo: FAKE_REPO, token: 'nope' });
    fake.github.failWith = 0;
    await expect(syncIssue(wrongToken, open)).rejects.toThrow('GitHub answered 401');
  });

  it('takes the API address from GITHUB_API_URL, as Actions sets it', async () => {
    const fromEnv = repoApiFromEnv({ GITHUB_API_URL: fake.github.apiUrl, GITHUB_REPOSITORY: FAKE_REPO, GITHUB_TOKEN: FAKE_TOKEN });
    expect(typeof fromEnv).not.toBe('string');
    await syncIssue(fromEnv as Exclude<typeof fromEnv, string>, open);
    expect(fake.github.issues).toHaveLength(1);
    expect(repoApiFromEnv({ GITHUB_REPOSITORY: FAKE_REPO })).toBe('GITHUB_TOKEN is not set');
  });
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/publish.yml'), 'utf8')) as {
  jobs: Record<string, { steps: WorkflowStep[] }>;
};
const issueJob = workflow.jobs['held-back-issue']!;

/**
 * The files the issue job's checkout brings, read from publish.yml itself: a
 * sparse checkout in cone mode (actions/checkout's default) has the files at
 * the top of the repository and the folders listed, and nothing else.
 */
function checkedOutByIssueJob(): string[] {
  const checkout = issueJob.steps.find((s) => s.uses?.startsWith('actions/checkout'))!;
  expect(checkout.with?.['sparse-checkout-cone-mode'], 'only cone mode is modelled here').not.toBe(false);
  const folders = String(checkout.with?.['sparse-checkout'] ?? '')
    .split('\n')
    .map((l) => l.trim().replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
  expect(folders.length, 'the issue job checks out only part of the repository').toBeGreaterThan(0);
  // Tracked files and new ones not ignored yet, as a commit of this work tree would hold them.
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return files.filter((f) => !f.includes('/') || folders.some((d) => f.startsWith(`${d}/`)));
}

describe('the issue job', () => {
  const fake = useFakeGitHub();

  it('runs scripts/publish-issue.ts from what its sparse checkout brings, with nothing installed, and opens the issue', async () => {
    const work = mkdtempSync(join(tmpdir(), 'issue-job-'));
    for (const file of checkedOutByIssueJob()) {
      mkdirSync(dirname(join(work, file)), { recursive: true });
      cpSync(join(ROOT, file), join(work, file));
    }
    const step = issueJob.steps.find((s) => s.run)!;
    const [command, script, ...rest] = step.run!.split(/\s+/);
    expect([command, rest]).toEqual(['node', []]);
    const summary = join(work, 'summary.md');
    const desired = heldBackIssue(report, true, TZ, links)!;
    // Node 24 as setup-node gives it; the temporary folder has no node_modules above it.
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        join(ROOT, 'node_modules/.bin/node'),
        [script!],
        {
          cwd: work,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH ?? '',
            ISSUE: JSON.stringify(desired),
            GITHUB_TOKEN: FAKE_TOKEN,
            GITHUB_REPOSITORY: FAKE_REPO,
            GITHUB_API_URL: fake.github.apiUrl,
            GITHUB_STEP_SUMMARY: summary,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(result.output).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(result.code, result.output).toBe(0);
    expect(fake.github.issues).toMatchObject([{ number: 1, title: desired.title, body: desired.body, labels: [ISSUE_LABEL] }]);
    expect(readFileSync(summary, 'utf8')).toBe(
      `Held-back posts issue: created the label ${ISSUE_LABEL}; opened issue #1: https://github.com/studio/blog/issues/1.\n\n`,
    );
  });

  it('reaches only node: built-ins and files in scripts/ (side-effect imports too)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Type-only imports are erased when Node runs TypeScript, so they may point anywhere.
      for (const [, spec] of text.matchAll(/^(?:import|export) (?!type )(?:[^;]*? from )?'([^']+)';/gms)) {
        if (spec!.startsWith('node:')) continue;
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\//);
        const target = join(file, '..', spec!);
        expect(target.startsWith(join(ROOT, 'scripts')), `${file} imports ${spec}, outside scripts/`).toBe(true);
        visit(target);
      }
    };
    visit(join(ROOT, 'scripts/publish-issue.ts'));
    expect([...seen].map((f) => f.slice(ROOT.length)).sort()).toEqual([
      'scripts/lib/publish/github.ts',
      'scripts/lib/publish/issue-plan.ts',
      'scripts/lib/publish/net-error.ts',
      'scripts/publish-issue.ts',
    ]);
  });
});
