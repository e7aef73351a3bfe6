import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/paths.ts';
import { formatProblem, formatReport } from '../../src/lib/content/problems.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { VALID_FRONTMATTER, checkOne, makeContent, post } from './support/temp-content.ts';

/** Replace or add one frontmatter line of the valid post. */
function withField(key: string, value: string | undefined): string {
  const lines = VALID_FRONTMATTER.split('\n').filter((l) => !l.startsWith(`${key}:`));
  if (value !== undefined) lines.push(`${key}: ${value}`);
  return lines.join('\n');
}

function messages(frontmatter: string, body?: string): string[] {
  return checkOne(frontmatter, body).problems.map(formatProblem);
}

const CITATION = `citations:
  - authors: ["Crane, J. D."]
    year: 2012
    title: Massage therapy attenuates inflammatory signaling after exercise-induced muscle damage
    container: Science Translational Medicine
    doi: 10.1126/scitranslmed.3002882`;

describe('a valid post', () => {
  it('passes with no problems and gets its slug from the file name', () => {
    const dir = makeContent({
      'posts/2026-11-20-the-post.md': post(`${VALID_FRONTMATTER}\n${CITATION}`, 'One study looked inside the muscle [@crane2012].\n'),
      'citations.lock.json': readFileSync(join(FIXTURES, 'check/_lock/citations.lock.json'), 'utf8'),
    });
    const report = readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) });
    expect(report.problems).toEqual([]);
    expect(report.posts[0]!.slug).toBe('the-post');
    expect(report.posts[0]!.data!.date.toISOString()).toBe('2026-11-20T05:00:00.000Z');
    expect(report.posts[0]!.data!.draft).toBe(false);
  });
});

describe('post frontmatter rules', () => {
  it.each([
    [
      'title missing',
      withField('title', undefined),
      'posts/2026-11-20-the-post.md:2  title  is missing; add a line like `title: Massage after exercise`',
    ],
    ['title too long', withField('title', 'x'.repeat(101)), 'title  is longer than 100 characters; shorten it'],
    ['description missing', withField('description', undefined), 'description  is missing; add one or two sentences'],
    ['description too short', withField('description', 'Too short.'), 'description  is shorter than 50 characters'],
    ['description too long', withField('description', 'y'.repeat(181)), 'description  is longer than 180 characters'],
    ['author missing', withField('author', undefined), 'author  is missing; add `author:`'],
    ['date in words', withField('date', 'yesterday'), 'date  "yesterday" is not a date; write 2026-11-27 or 2026-11-27T07:00:00-05:00'],
    [
      'date without offset',
      withField('date', '2026-11-20T07:00:00'),
      'date  "2026-11-20T07:00:00" has a time but no time-zone offset; write 2026-11-27',
    ],
    ['date not on the calendar', withField('date', '2026-02-30'), 'date  "2026-02-30" is not a day on the calendar'],
    ['updated before date', withField('updated', '2026-11-19'), 'updated  is before `date`'],
    ['readTime not whole', withField('readTime', '2.5'), 'readTime  must be a whole number of minutes'],
    ['readTime zero', withField('readTime', '0'), 'readTime  must be at least 1 minute'],
    ['tags missing', withField('tags', undefined), 'tags  must be a list like [massage, recovery]'],
    ['tags empty', withField('tags', '[]'), 'tags  needs at least one tag'],
    ['too many tags', withField('tags', '[a, b, c, d, e, f]'), 'tags  has more than 5 tags'],
    ['tag not a slug', withField('tags', '[Massage]'), 'tags #1  "Massage" must be lowercase words joined by hyphens; write massage'],
    [
      'tag with a space',
      withField('tags', '[Deep Tissue]'),
      'tags #1  "Deep Tissue" must be lowercase words joined by hyphens; write deep-tissue',
    ],
    [
      'picture as one line',
      withField('image', 'golfer.jpg'),
      'image  must be two lines indented under `image:`: `src: ./images/golfer.jpg` and `alt: what the picture shows`',
    ],
    ['tag twice', withField('tags', '[massage, massage]'), 'tags  lists the same tag twice'],
    ['draft not boolean', withField('draft', 'maybe'), 'draft  must be true or false'],
    ['canonical not a URL', withField('canonical', 'our old site'), 'canonical  must be a full web address'],
    ['slug not a slug', withField('slug', 'My Post'), 'slug  must be lowercase words joined by hyphens'],
    ['unknown key typo', `${VALID_FRONTMATTER}\nautor: ada-fixture`, 'autor  is not a field here. Did you mean `author`?'],
    ['unknown key', `${VALID_FRONTMATTER}\ncolour: green`, 'colour  is not a field here. Known fields: title, description, author'],
    [
      'redirectFrom a full address',
      withField('redirectFrom', '[https://www.myrituals.me/post/stretch]'),
      'redirectFrom #1  "https://www.myrituals.me/post/stretch" is a full web address; write only the path after the site name, like /post/stretch',
    ],
    [
      'redirectFrom without a slash',
      withField('redirectFrom', '[post/stretch]'),
      'redirectFrom #1  "post/stretch" must start with /, like /post/massage-after-exercise',
    ],
    [
      'redirectFrom to another host',
      withField('redirectFrom', '["//old.example/post/stretch"]'),
      'redirectFrom #1  "//old.example/post/stretch" starts with //',
    ],
    [
      'redirectFrom with a space',
      withField('redirectFrom', '["/post/my stretch"]'),
      'redirectFrom #1  "/post/my stretch" has a space in it',
    ],
    ['redirectFrom with a query', withField('redirectFrom', '["/post?id=4"]'), 'redirectFrom #1  "/post?id=4" has a ? or #'],
    ['redirectFrom twice', withField('redirectFrom', '[/post/a, /post/a]'), 'redirectFrom  lists the same old address twice'],
    [
      'importedFrom with a made-up hash',
      `${VALID_FRONTMATTER}\nimportedFrom:\n  source: https://old.example/post/a\n  hash: abc`,
      'importedFrom → hash  is not a fingerprint written by the import',
    ],
    ['image without alt', `${VALID_FRONTMATTER}\nimage:\n  src: ./hero.jpg`, 'image → alt  is missing; describe the picture'],
  ])('%s', (_name, frontmatter, expected) => {
    const found = messages(frontmatter);
    expect(found.join('\n')).toContain(expected);
    expect(found.every((m) => m.startsWith('posts/2026-11-20-the-post.md:'))).toBe(true);
  });

  it('lists the known authors and suggests the closest one for an unknown author', () => {
    expect(messages(withField('author', 'ada-fixtur')).join('\n')).toContain(
      'author  "ada-fixtur" is not an author. Did you mean `ada-fixture`? Known authors: ada-fixture',
    );
  });

  it('says which image file is missing', () => {
    expect(messages(`${VALID_FRONTMATTER}\nimage:\n  src: ./nowhere.jpg\n  alt: A picture`).join('\n')).toContain(
      'image → src  points to "./nowhere.jpg", which does not exist',
    );
  });

  it('reports the line of the field', () => {
    const [problem] = checkOne(withField('date', 'yesterday')).problems;
    // Line 1 is ---, then title, description, author, tags, date.
    expect(problem!.line).toBe(6);
  });

  it('reports every problem in a file at once', () => {
    const found = messages('title: x\ndescription: short\nauthor: nobody\ndate: soon\ntags: []');
    expect(found.length).toBeGreaterThanOrEqual(4);
  });
});

describe('dates as written', () => {
  const dateOf = (value: string) => {
    const report = checkOne(withField('date', value));
    expect(report.problems.map(formatProblem)).toEqual([]);
    const data = report.posts[0]!.data!;
    return { instant: data.date.toISOString(), hasTime: data.dateHasTime };
  };

  it("takes a day alone as midnight in the studio's zone", () => {
    expect(dateOf('2026-11-27')).toEqual({ instant: '2026-11-27T05:00:00.000Z', hasTime: false });
  });

  it('keeps 7 pm in New York a time, although it is midnight UTC', () => {
    expect(dateOf('2026-11-26T19:00:00-05:00')).toEqual({ instant: '2026-11-27T00:00:00.000Z', hasTime: true });
    expect(dateOf('2026-11-20T00:00:00Z')).toEqual({ instant: '2026-11-20T00:00:00.000Z', hasTime: true });
  });

  it('accepts the forms YAML itself writes: a space before the time and before the offset', () => {
    expect(dateOf('2026-11-20 09:00:00 -05:00')).toEqual({ instant: '2026-11-20T14:00:00.000Z', hasTime: true });
    expect(dateOf('2026-11-20 09:00 -5')).toEqual({ instant: '2026-11-20T14:00:00.000Z', hasTime: true });
  });
});

describe('citation rules', () => {
  const cite = (extra: string) =>
    `${VALID_FRONTMATTER}\ncitations:\n  - authors: ["Crane, J. D."]\n    year: 2012\n    title: A study title\n    container: A Journal\n${extra}`;

  it.each([
    ['no DOI or URL', cite(''), 'citations #1  needs a `doi:` or a `url:`'],
    ['malformed DOI', cite('    doi: 10.11/bad doi'), 'citations #1 → doi  is not a DOI; it should look like 10.1126/scitranslmed.3002882'],
    [
      'year as text',
      cite('    doi: 10.1126/x.1\n    year2: 1').replace('year: 2012', 'year: "twenty twelve"'),
      'citations #1 → year  must be the year as a number',
    ],
    ['both pages and article', cite('    doi: 10.1126/x.1\n    pages: "1-2"\n    article: e1'), 'has both `pages:` and `article:`'],
    [
      'no authors',
      cite('    doi: 10.1126/x.1').replace('authors: ["Crane, J. D."]', 'authors: []'),
      'citations #1 → authors  needs at least one author',
    ],
    ['URL not a web address', cite('    url: somewhere'), 'citations #1 → url  must be a full web address'],
  ])('%s', (_name, frontmatter, expected) => {
    expect(messages(frontmatter).join('\n')).toContain(expected);
  });
});

describe('whole-folder rules', () => {
  it('names both files when two posts share a slug', () => {
    const dir = makeContent({
      'posts/2026-11-20-same.md': post(VALID_FRONTMATTER),
      'posts/2026-11-21-same.md': post(VALID_FRONTMATTER.replace('2026-11-20', '2026-11-21')),
    });
    const report = readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) });
    expect(report.problems.map(formatProblem)).toEqual([
      'posts/2026-11-21-same.md:1  slug  "same" is already the address of posts/2026-11-20-same.md; two posts cannot share one. Rename one file or give it a different `slug:`',
    ]);
  });

  it('explains broken YAML and a missing frontmatter block', () => {
    const dir = makeContent({
      'posts/2026-11-20-broken-yaml.md': '---\ntitle: "unclosed\n---\nBody\n',
      'posts/2026-11-21-no-frontmatter.md': 'Just text.\n',
    });
    const text = formatReport(
      readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) }).problems,
    );
    expect(text).toContain('posts/2026-11-20-broken-yaml.md:');
    expect(text).toContain('is not valid YAML');
    expect(text).toContain('posts/2026-11-21-no-frontmatter.md:1  has no frontmatter');
    expect(text).toMatch(/^2 errors:/);
  });

  it('puts limits without a message of their own in plain words', () => {
    const dir = makeContent({
      'authors/long.yaml': `name: ${'N'.repeat(81)}\nrole: Coach\nbio: Ben coaches stretching at the studio.\nlinks:\n  - label: ""\n    url: https://example.com\n`,
    });
    const text = readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) })
      .problems.map(formatProblem)
      .join('\n');
    expect(text).toContain('authors/long.yaml:1  name  is too long; use at most 80 characters');
    expect(text).toContain('links #1 → label  is empty; fill it in or remove the line');
    expect(text).not.toMatch(/Too (big|small)/);
  });

  it('checks author files too', () => {
    const dir = makeContent({ 'authors/ben.yaml': 'name: Ben\nrole: Coach\nbio: short\nwebsite: x\n' });
    const text = readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) })
      .problems.map(formatProblem)
      .join('\n');
    expect(text).toContain('authors/ben.yaml:3  bio  is too short');
    expect(text).toContain('authors/ben.yaml:4  website  is not a field here');
  });
});
