/**
 * `npm run check -- --online` and `npm run cite` end to end, against Crossref and
 * E-utilities as recorded, served on 127.0.0.1 (CROSSREF_API_URL, EUTILS_API_URL):
 * no request leaves the machine.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateCitationLock } from '../../src/lib/citations/online.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { startCitationServer, type CitationServer } from '../support/citation-server.ts';
import { FIXTURES, FIXTURE_NOW, ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const NODE = join(ROOT, 'node_modules/.bin/node');
const CHECK = join(FIXTURES, 'check');

let server: CitationServer;
beforeAll(async () => {
  server = await startCitationServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** A content folder with the citation-records posts and no lock yet. */
function content(): string {
  const dir = mkdtempSync(join(tmpdir(), 'online-'));
  cpSync(join(CHECK, '_authors'), join(dir, 'authors'), { recursive: true });
  cpSync(join(CHECK, 'citation-records'), join(dir, 'posts'), { recursive: true });
  return dir;
}

// A generous timeout where the server answers (the machine may be busy); a short one only where it hangs on purpose.
const lookup = (url: string, timeoutMs = 10_000) => ({
  contact: 'web@studio.example',
  tool: 'TestStudio',
  userAgent: 'TestStudio-citations/1.0',
  crossrefUrl: url,
  eutilsUrl: url,
  backoffMs: 1,
  timeoutMs,
});

describe('looking citations up online', () => {
  it('writes the lock from the answers, after which the check passes a match and fails a wrong year, a wrong journal and an unknown DOI', async () => {
    const dir = content();
    const { posts } = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW), rules: [] });
    const result = await updateCitationLock({ contentDir: dir, root: dir, posts, lookup: lookup(server.url) });
    expect(result).toEqual({
      offline: false,
      lines: [
        'Note: the contact address in src/site.config.ts (web@studio.example) is still the placeholder; set one the studio reads, as Crossref and PubMed ask.',
        'Asked about 4 DOIs and 1 PubMed ID: 5 answered; citations.lock.json updated: commit it with the posts.',
      ],
    });
    expect(server.asked.map((a) => a.path.split('?')[0]).sort()).toEqual([
      '/esummary.fcgi',
      '/works/10.1126/scitranslmed.3002882',
      '/works/10.1126/scitranslmed.9999999',
      '/works/10.2165/00007256-200535030-00004',
      '/works/10.5555/not.looked.up',
    ]);
    const report = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW) });
    expect(report.problems.map(formatProblem)).toEqual([
      "posts/2026-11-21-wrong-year.md:9  citations #1 → year  is 2014, but Crossref's record of 10.1126/scitranslmed.3002882 says 2012; change it to 2012, or check that the DOI is the work you mean",
      'posts/2026-11-22-wrong-journal.md:11  citations #1 → container  is "Journal of Applied Physiology", but Crossref\'s record of 10.1126/scitranslmed.3002882 says "Science Translational Medicine"; change it to "Science Translational Medicine", or check that the DOI is the work you mean',
      "posts/2026-11-23-unknown-doi.md:15  citations #1 → doi  10.1126/scitranslmed.9999999 is not a DOI Crossref knows; copy the DOI again from the article's page, or use `url:` if the work has none",
      "posts/2026-12-01-not-looked-up-yet.md:12  citations #1 → doi  10.5555/not.looked.up is not a DOI Crossref knows; copy the DOI again from the article's page before the post goes live, or use `url:` if the work has none",
    ]);
    // The lock written online is the one committed for the offline fixtures, apart from the DOI only this folder cites.
    const written = JSON.parse(readFileSync(join(dir, 'citations.lock.json'), 'utf8')).entries;
    const committed = JSON.parse(readFileSync(join(CHECK, '_lock/citations.lock.json'), 'utf8')).entries;
    expect({ ...written, 'doi:10.5555/not.looked.up': undefined }).toEqual({ ...committed, 'doi:10.5555/not.looked.up': undefined });
  });

  it('keeps the saved answers and says so in one line when the service does not answer', async () => {
    const dir = content();
    const { posts } = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW), rules: [] });
    server.script('hang', 'hang', 'hang', 'hang', 'hang');
    const result = await updateCitationLock({ contentDir: dir, root: dir, posts, lookup: lookup(server.url, 300) });
    expect(result.offline).toBe(true);
    expect(result.lines.slice(1)).toEqual([
      `Offline: could not reach ${new URL(server.url).host}: no answer within 0.3 s. Check the internet connection and try again. The check below used the answers saved in citations.lock.json.`,
    ]);
    expect(existsSync(join(dir, 'citations.lock.json'))).toBe(false);
  });
});

/**
 * What the hourly publish run finds: the committed lock, which lacks the DOI of
 * a post pushed ahead of its date (its writer used the browser editor, or did
 * not commit a refreshed lock). The post is due now and gives the wrong year;
 * a draft cites a DOI the lock lacks too.
 */
const SPORTS_DOI = '10.2165/00007256-200535030-00004';
const HOURLY_NOW = '2026-11-27T08:00:00-05:00';
function hourlyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hourly-'));
  cpSync(join(CHECK, '_authors'), join(dir, 'authors'), { recursive: true });
  mkdirSync(join(dir, 'posts'));
  cpSync(join(CHECK, 'citation-records/2026-11-20-matching.md'), join(dir, 'posts/2026-11-20-matching.md'));
  const sports = readFileSync(join(CHECK, 'citation-records/2026-11-24-sports-medicine.md'), 'utf8');
  writeFileSync(
    join(dir, 'posts/2026-11-27-pushed-ahead.md'),
    sports
      .replace('date: 2026-11-24', 'date: 2026-11-27T07:00:00-05:00')
      .replace('year: 2005', 'year: 2006')
      .replace('[@weerapong2005]', '[@weerapong2006]'),
  );
  writeFileSync(
    join(dir, 'posts/2026-11-28-a-draft.md'),
    sports.replace('date: 2026-11-24', 'date: 2026-11-28\ndraft: true').replace(SPORTS_DOI, '10.5555/draft.only'),
  );
  const lock = JSON.parse(readFileSync(join(CHECK, '_lock/citations.lock.json'), 'utf8')) as { entries: Record<string, unknown> };
  delete lock.entries[`doi:${SPORTS_DOI}`];
  writeFileSync(join(dir, 'citations.lock.json'), JSON.stringify(lock));
  return dir;
}
const read = (dir: string, rules?: []) =>
  readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: new Date(HOURLY_NOW), ...(rules ? { rules } : {}) });

/** The hourly run's lookup of what the lock lacks, on the loopback server. */
const hourly = (dir: string, timeoutMs?: number, limit?: number) =>
  updateCitationLock({
    contentDir: dir,
    root: dir,
    posts: read(dir, []).posts,
    lookup: lookup(server.url, timeoutMs),
    missingOnly: { now: new Date(HOURLY_NOW), ...(limit ? { limit } : {}) },
  });

describe('the hourly lookup of what the lock lacks (--only-missing)', () => {
  it('asks only about the DOI the lock lacks, of posts that are not drafts, and the record it brings holds that post back', async () => {
    const dir = hourlyContent();
    const before = read(dir).problems.map(formatProblem);
    // What the hourly run saw before: a warning, and the post went out unchecked.
    const draftNotLookedUp =
      'posts/2026-11-28-a-draft.md:16  citations #1 → doi  10.5555/draft.only has not been checked against Crossref yet; run `npm run check -- --online` (it needs the internet) and commit citations.lock.json';
    expect(before).toEqual([
      `posts/2026-11-27-pushed-ahead.md:15  citations #1 → doi  ${SPORTS_DOI} has not been checked against Crossref yet; run \`npm run check -- --online\` (it needs the internet) and commit citations.lock.json`,
      draftNotLookedUp,
    ]);
    const result = await hourly(dir);
    expect(server.asked.map((a) => a.path.split('?')[0])).toEqual([`/works/${SPORTS_DOI}`]);
    expect(result).toEqual({
      offline: false,
      lines: [
        'Note: the contact address in src/site.config.ts (web@studio.example) is still the placeholder; set one the studio reads, as Crossref and PubMed ask.',
        'Looked up 1 source not in citations.lock.json yet: 1 answered and added for this run. To keep the answers, run `npm run check -- --online` and commit citations.lock.json.',
      ],
    });
    // An error for that post only: a hold-back build leaves it out, and every other post goes out. The draft is not asked about.
    expect(read(dir).problems.map(formatProblem)).toEqual([
      `posts/2026-11-27-pushed-ahead.md:9  citations #1 → year  is 2006, but Crossref's record of ${SPORTS_DOI} says 2005; change it to 2005, or check that the DOI is the work you mean`,
      draftNotLookedUp,
    ]);
    expect(
      read(dir)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => p.file),
    ).toEqual(['posts/2026-11-27-pushed-ahead.md']);
    // The next hour: nothing left to ask.
    server.reset();
    const again = await hourly(dir);
    expect(again.lines.at(-1)).toBe('Every source of the posts is in citations.lock.json; nothing to look up.');
    expect(server.asked).toEqual([]);
  });

  it('leaves the post as it was (a warning, not held back) when the service does not answer', async () => {
    const dir = hourlyContent();
    const lockBefore = readFileSync(join(dir, 'citations.lock.json'), 'utf8');
    server.script('hang', 'hang', 'hang', 'hang');
    const result = await hourly(dir, 300);
    expect(result.offline).toBe(true);
    expect(result.lines.at(-1)).toBe(
      `Offline: could not reach ${new URL(server.url).host}: no answer within 0.3 s. Check the internet connection and try again. 1 source not in citations.lock.json stays unchecked in this run.`,
    );
    expect(readFileSync(join(dir, 'citations.lock.json'), 'utf8')).toBe(lockBefore);
    expect(read(dir).problems.map((p) => [p.file, p.severity])).toEqual([
      ['posts/2026-11-27-pushed-ahead.md', 'warning'],
      ['posts/2026-11-28-a-draft.md', 'warning'],
    ]);
  });

  it('asks a few at most, the post nearest to now first, and says how many wait', async () => {
    const dir = hourlyContent();
    const far = readFileSync(join(dir, 'posts/2026-11-27-pushed-ahead.md'), 'utf8')
      .replace('date: 2026-11-27T07:00:00-05:00', 'date: 2027-03-01')
      .replace(SPORTS_DOI, '10.5555/far.away');
    writeFileSync(join(dir, 'posts/2027-03-01-far.md'), far);
    const result = await hourly(dir, undefined, 1);
    expect(server.asked.map((a) => a.path.split('?')[0])).toEqual([`/works/${SPORTS_DOI}`]);
    expect(result.lines.at(-1)).toBe(
      'Looked up 1 source not in citations.lock.json yet: 1 answered and added for this run. 1 more source waits for a later run (at most 1 a run). To keep the answers, run `npm run check -- --online` and commit citations.lock.json.',
    );
  });
});

describe('the commands', { timeout: 30_000 }, () => {
  const env = (dir: string, url = server.url) => ({
    ...process.env,
    CONTENT_DIR: dir,
    BLOG_NOW: FIXTURE_NOW,
    CROSSREF_API_URL: url,
    EUTILS_API_URL: url,
  });

  it('npm run check -- --online refreshes the lock and reports with the plain check', async () => {
    const dir = content();
    const out = await run(NODE, [join(ROOT, 'scripts/check.ts'), '--online'], { cwd: ROOT, env: env(dir) }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    expect('code' in out ? out.code : 0).toBe(1);
    expect(out.stdout).toContain(
      'Note: the contact address in src/site.config.ts (citations-contact@example.com) is still the placeholder',
    );
    expect(out.stdout).toMatch(
      /Asked about 4 DOIs and 1 PubMed ID: 5 answered; .*citations\.lock\.json updated: commit it with the posts\./,
    );
    expect(out.stdout).toContain("citations #1 → year  is 2014, but Crossref's record of 10.1126/scitranslmed.3002882 says 2012");
    expect(existsSync(join(dir, 'citations.lock.json'))).toBe(true);
    expect(
      server.asked.some(
        (a) => a.userAgent === 'WellnessRituals-citations/1.0 (+https://www.myrituals.me; mailto:citations-contact@example.com)',
      ),
    ).toBe(true);
  });

  it('npm run check -- --online --only-missing asks only about what the lock lacks, then checks with the answer', async () => {
    const dir = hourlyContent();
    const out = await run(NODE, [join(ROOT, 'scripts/check.ts'), '--online', '--only-missing'], {
      cwd: ROOT,
      env: { ...env(dir), BLOG_NOW: HOURLY_NOW },
    }).catch((e: { stdout: string; code: number }) => e);
    expect('code' in out ? out.code : 0).toBe(1);
    expect(out.stdout).toMatch(/Looked up 1 source not in \S*citations\.lock\.json yet: 1 answered and added for this run\./);
    expect(out.stdout).toContain(`citations #1 → year  is 2006, but Crossref's record of ${SPORTS_DOI} says 2005`);
    expect(server.asked.map((a) => a.path.split('?')[0])).toEqual([`/works/${SPORTS_DOI}`]);
    const wrong = await run(NODE, [join(ROOT, 'scripts/check.ts'), '--only-missing'], { cwd: ROOT, env: env(dir) }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(wrong).toMatchObject({ code: 2 });
    expect((wrong as { stderr: string }).stderr).toContain('--only-missing goes with --online.');
  });

  it('npm run cite prints a frontmatter entry for a DOI, and names an unknown one', async () => {
    const dir = content();
    const { stdout } = await run(NODE, [join(ROOT, 'scripts/cite.ts'), 'https://doi.org/10.1126/scitranslmed.3002882'], {
      cwd: ROOT,
      env: env(dir),
    });
    expect(stdout).toContain('  - key: crane2012\n    authors:\n      - Crane, J. D.\n');
    expect(stdout).toContain('    article: 119ra13\n    doi: 10.1126/scitranslmed.3002882\n');
    const pubmed = await run(NODE, [join(ROOT, 'scripts/cite.ts'), '22301554'], { cwd: ROOT, env: env(dir) });
    expect(pubmed.stdout).toContain('    doi: 10.1126/scitranslmed.3002882\n    pmid: 22301554\n');
    const unknown = await run(NODE, [join(ROOT, 'scripts/cite.ts'), '10.1126/scitranslmed.9999999'], { cwd: ROOT, env: env(dir) }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(unknown).toMatchObject({
      code: 1,
      stderr: "10.1126/scitranslmed.9999999 is not a DOI Crossref knows; copy it again from the article's page.\n",
    });
  });

  it('npm run cite offline prints the answer the lock file saved, or says it could not look up', async () => {
    const closed = await startCitationServer();
    await closed.close();
    const dir = content();
    cpSync(join(CHECK, '_lock/citations.lock.json'), join(dir, 'citations.lock.json'));
    const saved = await run(NODE, [join(ROOT, 'scripts/cite.ts'), '10.1126/scitranslmed.3002882'], {
      cwd: ROOT,
      env: env(dir, closed.url),
    });
    expect(saved.stderr).toMatch(
      /^Offline \(could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check the internet connection and try again\); printing the answer saved in content\/citations\.lock\.json\.\n$/,
    );
    expect(saved.stdout).toContain('  - key: crane2012\n');
    const missing = await run(NODE, [join(ROOT, 'scripts/cite.ts'), '10.5555/other'], { cwd: ROOT, env: env(dir, closed.url) }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toMatch(
      /^Could not look up 10\.5555\/other: could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Check the internet connection and try again\.\n$/,
    );
  });
});
