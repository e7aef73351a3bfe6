import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNewPost, readSite, writeNewPost, type NewPostRequest } from '../../src/lib/authoring/new-post.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { FIXTURE_NOW, ROOT } from '../support/paths.ts';
import { makeContent, post } from './support/temp-content.ts';

const TZ = 'America/New_York';
const NOW = new Date(FIXTURE_NOW); // Fri 27 Nov 2026, noon in New York

const fm = (title: string, date: string, extra = '') =>
  `title: ${title}\ndescription: A description long enough to pass the fifty character minimum.\nauthor: ada-fixture\ndate: ${date}\ntags: [massage, recovery]${extra}`;

function site(files: Record<string, string> = {}, now = NOW) {
  const dir = makeContent(files);
  return { dir, state: readSite({ contentDir: dir, timeZone: TZ, now, root: dir }) };
}

function plan(req: Partial<NewPostRequest>, files: Record<string, string> = {}, now = NOW) {
  const { dir, state } = site(files, now);
  return { dir, result: planNewPost({ title: 'Massage after exercise', tags: ['massage'], ...req }, state) };
}

describe('the default date', () => {
  it("is the next day without a post, in the studio's time zone, with drafts not counting", () => {
    const { result } = plan(
      {},
      {
        'posts/2026-11-28-a.md': post(fm('Day one post', '2026-11-28')),
        // 03:00 UTC on the 30th is 22:00 on the 29th in New York: the 29th is taken.
        'posts/2026-11-29-b.md': post(fm('Late evening post', '2026-11-30T03:00:00Z')),
        'posts/2026-11-30-c.md': post(fm('A draft that day', '2026-11-30', '\ndraft: true')),
      },
    );
    expect(result.ok && result.day).toBe('2026-11-30');
    expect(result.ok && result.notes).toContain('Date: 2026-11-30, the next day without a post.');
  });

  it('counts days, not 24-hour steps, across the end of daylight saving time', () => {
    const now = new Date('2026-10-31T23:30:00-04:00');
    expect((plan({}, {}, now).result as { day: string }).day).toBe('2026-11-01');
    const taken = plan({}, { 'posts/2026-11-01-a.md': post(fm('Fall back post', '2026-11-01T23:30:00-05:00')) }, now).result;
    expect((taken as { day: string }).day).toBe('2026-11-02');
  });

  it('counts days across the start of daylight saving time', () => {
    const now = new Date('2027-03-13T23:30:00-05:00');
    const { result } = plan({}, { 'posts/2027-03-14-a.md': post(fm('Spring forward post', '2027-03-14T03:00:00-04:00')) }, now);
    expect((result as { day: string }).day).toBe('2027-03-15');
  });
});

describe('refusals', () => {
  it('explains a slug collision with the file and title that has the address', () => {
    const { result } = plan({}, { 'posts/2026-11-20-massage-after-exercise.md': post(fm('The first one', '2026-11-20')) });
    expect(result).toEqual({
      ok: false,
      errors: [
        'posts/2026-11-20-massage-after-exercise.md ("The first one") already has the address "massage-after-exercise". Give the new post a different title, or choose its address with --slug massage-after-exercise-2 (any new words will do)',
      ],
    });
  });

  it('refuses an address a renamed post used to have', () => {
    const { result } = plan(
      {},
      { 'posts/2026-11-20-moved.md': post(fm('Moved post', '2026-11-20', '\npreviousSlugs: [massage-after-exercise]')) },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toContain('used to have the address "massage-after-exercise"');
  });

  it('lists the known authors for an unknown one, with a suggestion', () => {
    const files = {
      'authors/ben-sample.yaml': 'name: Ben Sample\nrole: Test coach\nbio: Ben is the second author, so there is a choice.\n',
    };
    expect(plan({ author: 'ada-fixtrue' }, files).result).toEqual({
      ok: false,
      errors: ['"ada-fixtrue" is not an author. Did you mean `ada-fixture`? Known authors: ada-fixture, ben-sample'],
    });
    expect(plan({ author: 'ben' }, files).result).toEqual({
      ok: false,
      errors: ['"ben" is not an author. Did you mean `ben-sample`? Known authors: ada-fixture, ben-sample'],
    });
    expect(plan({}, files).result).toEqual({ ok: false, errors: ['Which author? Add --author with one of: ada-fixture, ben-sample'] });
  });

  it('reports every problem at once', () => {
    const { result } = plan({ title: '!!', author: 'nobody', date: 'tomorrow', tags: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(!result.ok && result.errors).toEqual([
      'Give the post a title of at least 3 characters, in quotes: npm run new -- "Massage after exercise"',
      '"nobody" is not an author. Known authors: ada-fixture',
      '--date "tomorrow" is not a date; write a day like 2026-11-28, or a time with its offset like 2026-11-28T07:00:00-05:00',
      '6 tags is too many; keep the 5 that matter most',
    ]);
  });

  it('never overwrites a file', () => {
    const { dir, state } = site();
    const first = planNewPost({ title: 'Massage after exercise', tags: ['massage'] }, state);
    if (!first.ok) throw new Error(first.errors.join('\n'));
    mkdirSync(dirname(first.path), { recursive: true });
    writeFileSync(first.path, "the writer's own words\n");
    expect(writeNewPost(first)).toEqual({
      ok: false,
      error: `${first.file} already exists; nothing was changed. Pick another date or title`,
    });
    expect(readFileSync(join(dir, 'posts/2026-11-28-massage-after-exercise.md'), 'utf8')).toBe("the writer's own words\n");
  });
});

describe('tags', () => {
  it('turns written tags into slugs and points out a likely typo', () => {
    const { result } = plan({ tags: ['Thai Massage', 'masage'] }, { 'posts/2026-11-20-x.md': post(fm('Tagged post', '2026-11-20')) });
    expect(result.ok && result.text).toContain('tags: [thai-massage, masage]');
    expect(result.ok && result.notes).toEqual(
      expect.arrayContaining([
        'Tag "Thai Massage" written as "thai-massage" (tags are lowercase words joined by hyphens).',
        'Tag "masage" is new. Did you mean `massage`?',
      ]),
    );
  });

  it('defaults to the most used tag and says so', () => {
    const { result } = plan(
      { tags: undefined },
      {
        'posts/2026-11-20-x.md': post(fm('Tagged post', '2026-11-20')),
        'posts/2026-11-21-y.md': post(fm('Other post', '2026-11-21').replace('[massage, recovery]', '[recovery]')),
      },
    );
    expect(result.ok && result.text).toContain('tags: [recovery]');
  });
});

describe('round trip', () => {
  it('writes a file that `check` accepts, and that is clean once the prompts are replaced', () => {
    const { dir, state } = site();
    const planned = planNewPost({ title: 'Stretching: why slow is better', tags: ['stretching'], date: '2026-12-03' }, state);
    if (!planned.ok) throw new Error(planned.errors.join('\n'));
    expect(writeNewPost(planned)).toEqual({ ok: true });
    expect(planned.file).toBe('posts/2026-12-03-stretching-why-slow-is-better.md');

    const report = readContent({ contentDir: dir, root: dir, timeZone: TZ, now: NOW });
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    // The prompts are flagged while the post is scheduled…
    expect(report.problems.map((p) => p.field)).toEqual(['description', 'body']);
    const data = report.posts[0]!.data!;
    expect([data.title, data.author, data.tags, data.date.toISOString()]).toEqual([
      'Stretching: why slow is better',
      'ada-fixture',
      ['stretching'],
      '2026-12-03T05:00:00.000Z',
    ]);

    // …and nothing is left once the writer has replaced them.
    const written = readFileSync(planned.path, 'utf8');
    const finished = written
      .replace(/^description: .*$/m, 'description: Why holding a stretch for thirty slow seconds works better than bouncing.')
      .replace(/<!--[\s\S]*$/, 'Hold each stretch for thirty seconds.\n\n## Breathe out\n\nLet the muscle go as you breathe out.\n');
    writeFileSync(planned.path, finished);
    expect(readContent({ contentDir: dir, root: dir, timeZone: TZ, now: NOW }).problems.map(formatProblem)).toEqual([]);
  });

  it("lists the schema's optional fields as comments, so uncommenting one gives a valid post", () => {
    const { dir, state } = site();
    const planned = planNewPost({ title: 'A post with a draft flag', tags: ['massage'] }, state);
    if (!planned.ok) throw new Error(planned.errors.join('\n'));
    expect(planned.text).toContain('# draft: true  # A draft never appears on the published site, whatever its date.');
    expect(planned.text).toContain('#     doi: 10.1126/scitranslmed.3002882');
    writeNewPost({ ...planned, text: planned.text.replace('# draft: true', 'draft: true') });
    const report = readContent({ contentDir: dir, root: dir, timeZone: TZ, now: NOW });
    expect(report.posts[0]!.data!.draft).toBe(true);
  });
});

describe('npm run new', () => {
  const run = (dir: string, ...args: string[]) =>
    spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/new-post.ts'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: dir, BLOG_NOW: FIXTURE_NOW, BLOG_AUTHOR: '' },
    });

  it('prints the path of the new file, then refuses to make it twice', () => {
    const dir = makeContent({});
    const first = run(dir, 'Massage after exercise', '--tags', 'massage,recovery');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe('posts/2026-11-28-massage-after-exercise.md');
    const again = run(dir, 'Massage after exercise', '--tags', 'massage');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has the address "massage-after-exercise"');
  });
});
