/**
 * Gaps found in a review of the content check (the `harden` round): each is a
 * class of input that used to crash `npm run check`, pass it while the build
 * failed, or give the wrong message. Every expectation is written by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { sanitizeForSyndication } from '../../src/lib/sanitize.ts';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { heldBackLinks } from '../../src/lib/content/held-back-links.ts';
import { postsWithErrors, readContent, siteErrors } from '../../src/lib/content/read-content.ts';
import { createSession, shareSession, type ContentSession } from '../../src/lib/content/session.ts';
import type { PostRule } from '../../src/lib/content/rules/index.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { VALID_AUTHOR as VALID_AUTHOR_TEXT, VALID_FRONTMATTER, makeContent, post, readFolder } from './support/temp-content.ts';

const FILE = 'posts/2026-11-20-the-post.md';

/** The problems of one post with the given body, as `npm run check` prints them. */
function bodyProblems(body: string, extra: Record<string, string | Buffer> = {}, file = FILE): string[] {
  const dir = makeContent({ [file]: post(VALID_FRONTMATTER, body) });
  for (const [path, content] of Object.entries(extra)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return readFolder(dir).problems.map(formatProblem);
}

describe('a % in a path in the body', () => {
  // The build reads a picture's path with decodeURI, which throws at such a %: the check says so instead.
  it('a picture named 50%-off.jpg is a message on its line, whether the file is there or not', () => {
    const message = `${FILE}:11  body  the picture path ./images/50%-off.jpg has a % sign, which the site cannot read in a path; rename the picture without it (50-percent-off.jpg, say) and change the path to match`;
    expect(bodyProblems('Text.\n\n![A runner at the finish](./images/50%-off.jpg)\n', { 'posts/images/50%-off.jpg': tinyPng() })).toEqual([
      message,
    ]);
    expect(bodyProblems('Text.\n\n![A runner at the finish](./images/50%-off.jpg)\n')).toEqual([message]);
  });

  it('a picture written with a real escape (%25, %20) is found on disk', () => {
    expect(
      bodyProblems('![A runner at the finish](./images/50%25-off%20now.jpg)\n', { 'posts/images/50%-off now.jpg': tinyPng() }),
    ).toEqual([]);
  });

  it('a link to a post address or a .md file with a stray % is a message, not a crash', () => {
    const problems = bodyProblems('[Half price](../50%-off/) and [the file](./50%-off.md)\n');
    expect(problems).toEqual([
      `${FILE}:9  body  links to "../50%-off/", but no post has the address "50%-off". Fix the link or remove it`,
      `${FILE}:9  body  links to the file ./50%-off.md, which is not a post here; link to a post's address instead (../ then the part of its file name after the date)`,
    ]);
  });
});

describe('a rule that throws', () => {
  const throwing: PostRule = {
    id: 'always-throws',
    check() {
      throw new TypeError('cannot read the moon');
    },
  };

  it('holds back that post with one line naming the rule, and still checks the other posts', () => {
    const dir = makeContent({
      [FILE]: post(VALID_FRONTMATTER),
      'posts/2026-11-21-other.md': post(VALID_FRONTMATTER.replace('A valid post', 'Another post')),
    });
    const picky: PostRule = {
      id: 'picky',
      check: (p) => (p.slug === 'other' ? [{ file: p.file, line: 1, field: 'title', message: 'is picked on', severity: 'warning' }] : []),
    };
    const report = readContent({
      contentDir: dir,
      root: dir,
      timeZone: 'America/New_York',
      now: new Date(FIXTURE_NOW),
      rules: [{ ...throwing, check: (p, ctx) => (p.slug === 'the-post' ? throwing.check(p, ctx) : []) }, picky],
    });
    expect(report.problems.map(formatProblem)).toEqual([
      `${FILE}:8  body  could not be checked: the site's "always-throws" check stopped on this post (TypeError: cannot read the moon). This is a fault in the site's code, not in the post; report this line to whoever looks after the site. The post is held back until then`,
      'posts/2026-11-21-other.md:1  title  is picked on',
    ]);
  });
});

describe('links and pictures as the build parses them', () => {
  it('a picture path in <angle brackets> with a space is checked like any other', () => {
    expect(bodyProblems('![A runner stretching](<./images/my runner.jpg>)\n')).toEqual([
      `${FILE}:9  body  the picture ./images/my runner.jpg does not exist; check the file name and that the path starts with ./ (pictures go in content/posts/images/)`,
    ]);
    expect(bodyProblems('![A runner stretching](<./images/my runner.jpg>)\n', { 'posts/images/my runner.jpg': tinyPng() })).toEqual([]);
  });

  it('a reference-style picture is told to be written in place, not sent to a post address', () => {
    expect(
      bodyProblems('Before.\n\n![A runner stretching][runner]\n\n[runner]: ./images/runner.jpg\n', {
        'posts/images/runner.jpg': tinyPng(),
      }),
    ).toEqual([
      `${FILE}:11  body  the picture ./images/runner.jpg is written as a reference (its path on a [name]: line of its own), which the site does not turn into a picture; write it in place instead: ![A runner stretching](./images/runner.jpg)`,
    ]);
  });

  it('a link in a table cell or with a title is checked; one in code or an HTML comment is not', () => {
    const body = [
      '| Stretch | Post |',
      '| --- | --- |',
      '| Calf | [calves](../calf-strech/ "Calves") |',
      '',
      '`[x](../in-code/)`',
      '',
      '<!-- <a href="../in-comment/">x</a> -->',
      '',
    ].join('\n');
    expect(bodyProblems(body)).toEqual([
      `${FILE}:11  body  links to "../calf-strech/", but no post has the address "calf-strech". Fix the link or remove it`,
    ]);
  });
});

describe('MDX imports of files beside the post', () => {
  const MDX = 'posts/2026-11-20-the-post.mdx';

  /** The problems of one MDX post in a project with two components; the content folder sits where content/ does. */
  function mdxProblems(body: string): string[] {
    const dir = makeContent({
      [`site/content/${MDX}`]: post(VALID_FRONTMATTER, body),
      'site/content/authors/ada-fixture.yaml': VALID_AUTHOR_TEXT,
      'site/src/components/PriceTable.astro': '<table></table>\n',
      'site/src/components/Callout.ts': 'export default 1;\n',
    });
    const contentDir = join(dir, 'site/content');
    return readContent({ contentDir, root: contentDir, timeZone: 'America/New_York', now: new Date(FIXTURE_NOW) }).problems.map(
      formatProblem,
    );
  }

  it('an import with a typo names the import and the closest file that exists', () => {
    expect(mdxProblems('import PriceTable from "../../src/components/PriceTabel.astro";\n\nOur prices:\n\n<PriceTable />\n')).toEqual([
      `${MDX}:9  body  imports "../../src/components/PriceTabel.astro", which does not exist; did you mean "../../src/components/PriceTable.astro"? Check the path from this post's folder, or remove the import`,
    ]);
  });

  it('an import that resolves, with or without its extension, is fine', () => {
    const body =
      'import PriceTable from "../../src/components/PriceTable.astro";\nimport Callout from "../../src/components/Callout";\n\n<PriceTable />\n\n{Callout}\n';
    expect(mdxProblems(body)).toEqual([]);
  });
});

describe('picture files the build cannot read', () => {
  const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex');
  // A JPEG's frame header (SOF0) with its size: 8-bit, 16 × 16, 3 parts.
  const SOF0 = Buffer.from('ffc0001108001000100301220002110103110100', 'hex');
  const HEIC = Buffer.concat([Buffer.from('0000001866747970686569630000000068656963', 'hex'), Buffer.alloc(64)]);
  const use = '![A runner stretching](./images/runner.jpg)\n';
  const at = `${FILE}:9  body  the picture ./images/runner.jpg`;
  const fix = 'so not a picture the site can show; save or export it again as JPEG, PNG, WebP or AVIF';

  it.each([
    ['a text file', Buffer.from('Sorry, this picture could not be downloaded.\n'), `${at} is a text file, ${fix}`],
    ['an empty file', Buffer.alloc(0), `${at} is an empty file (0 bytes), ${fix}`],
    [
      'a JPEG cut off before its size',
      JPEG_HEAD,
      `${at} is cut short or damaged (its size cannot be read), usually from a copy or download that stopped early, ${fix}`,
    ],
    [
      'a HEIC photo saved as .jpg',
      HEIC,
      `${at} is a HEIC photo (the format iPhones save in) under a picture's name, so not a picture the site can show; save it as JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible), PNG, WebP or AVIF`,
    ],
    [
      'random bytes',
      Buffer.from([0, 1, 2, 3, 250, 251, 252, 0, 0, 7]),
      `${at} is not a picture the site can show; save or export it again as JPEG, PNG, WebP or AVIF`,
    ],
  ])('%s in the body is a problem on its line', (_, bytes, message) => {
    expect(bodyProblems(use, { 'posts/images/runner.jpg': bytes })).toEqual([message]);
  });

  it('a JPEG whose size is readable passes, even cut off after it (the build shows what there is)', () => {
    expect(bodyProblems(use, { 'posts/images/runner.jpg': Buffer.concat([JPEG_HEAD, SOF0]) })).toEqual([]);
  });

  it('a PNG saved under a .jpg name passes: the build reads the bytes, not the name', () => {
    expect(bodyProblems(use, { 'posts/images/runner.jpg': tinyPng() })).toEqual([]);
  });

  it('the hero picture and an author picture get the same test', () => {
    const dir = makeContent({
      [FILE]: post(`${VALID_FRONTMATTER}\nimage:\n  src: ./images/hero.jpg\n  alt: A therapist at work`),
      'posts/images/hero.jpg': '',
      'authors/ada-fixture.yaml': `${VALID_AUTHOR_TEXT}avatar: ./ada.png\n`,
      'authors/ada.png': 'not really a png\n',
    });
    expect(readFolder(dir).problems.map(formatProblem)).toEqual([
      `authors/ada-fixture.yaml:4  avatar  points to "./ada.png", which is a text file, ${fix}`,
      // The author file has an error of its own, so the post that names it is held back with it.
      `${FILE}:4  author  "ada-fixture" cannot be shown: its file authors/ada-fixture.yaml has problems of its own (listed under that file); fix them, and this post goes out`,
      `${FILE}:8  image → src  points to "./images/hero.jpg", which is an empty file (0 bytes), ${fix}`,
    ]);
  });
});

describe('a link to a post held back for problems of its own', () => {
  const LINKING = 'posts/2026-11-21-linking-post.md';
  const body = [
    'Read [the unreadable one](../yaml-slip/), [the one with a bad tag](../bad-tag/), [the fine one](../fine-post/)',
    'and <a href="../bad-tag/">an HTML link</a>.',
    '',
  ].join('\n');
  const files = {
    [LINKING]: post(VALID_FRONTMATTER.replace('A valid post', 'The linking post'), body),
    'posts/2026-11-20-yaml-slip.md': post(
      'title: A slip\ndescription: This one: has an unquoted colon in it, which YAML refuses here\nauthor: ada-fixture\ndate: 2026-11-20\ntags: [massage]',
    ),
    'posts/2026-11-20-bad-tag.md': post(VALID_FRONTMATTER.replace('tags: [massage, recovery]', 'tags: [Deep Tissue]')),
    'posts/2026-11-20-fine-post.md': post(VALID_FRONTMATTER.replace('A valid post', 'The fine post')),
  };

  it('is a warning naming the file to fix (not "no such post"), except an HTML link, which holds the post back', () => {
    const report = readFolder(makeContent(files));
    const held = (file: string) => `whose post is held back for problems of its own (listed under ${file})`;
    expect(report.problems.filter((p) => p.file === LINKING).map(formatProblem)).toEqual([
      `${LINKING}:9  body  links to "../yaml-slip/", ${held('posts/2026-11-20-yaml-slip.md')}; this post still goes out, with the link shown as plain text until that post is fixed. Fix posts/2026-11-20-yaml-slip.md, or remove the link`,
      `${LINKING}:9  body  links to "../bad-tag/", ${held('posts/2026-11-20-bad-tag.md')}; this post still goes out, with the link shown as plain text until that post is fixed. Fix posts/2026-11-20-bad-tag.md, or remove the link`,
      `${LINKING}:10  body  links to "../bad-tag/", ${held('posts/2026-11-20-bad-tag.md')}; an HTML <a> link would lead nowhere, so this post waits too. Fix posts/2026-11-20-bad-tag.md, or write the link in Markdown ([text](../bad-tag/)), which the site shows as plain text until that post is out`,
    ]);
  });

  it('without the HTML link, the linking post publishes and the build shows the two links as text', async () => {
    const dir = makeContent({
      ...files,
      [LINKING]: post(VALID_FRONTMATTER.replace('A valid post', 'The linking post'), body.split('\n')[0]!),
    });
    const session = createSession({
      mode: 'build',
      clock: () => new Date(FIXTURE_NOW),
      contentDir: dir,
      root: dir,
      timeZone: 'America/New_York',
    });
    expect([...postsWithErrors(session.report)].sort()).toEqual(['posts/2026-11-20-bad-tag.md', 'posts/2026-11-20-yaml-slip.md']);
    const linking = session.report.posts.find((p) => p.file === LINKING)!;
    expect(linking.heldBackLinks).toEqual(['../bad-tag/', '../yaml-slip/']);
    shareSession(session);
    try {
      const { html } = await markdownToHtml(linking.source.body, { hastPlugins: [heldBackLinks()], fileURL: pathToFileURL(linking.path) });
      expect(html.trim()).toBe('<p>Read the unreadable one, the one with a bad tag, <a href="../fine-post/">the fine one</a></p>');
    } finally {
      shareSession(undefined as unknown as ContentSession);
    }
  });
});

describe('author ids', () => {
  it('an author file whose name is not an address is refused with the name to rename it to', () => {
    const report = readFolder(
      makeContent({ 'authors/Jürgen Müller.yaml': VALID_AUTHOR_TEXT, 'authors/ben_sample.yml': VALID_AUTHOR_TEXT }),
    );
    expect(report.problems.map(formatProblem)).toEqual([
      'authors/Jürgen Müller.yaml:1  has a file name that gives the author id "Jürgen Müller", which would be the address /authors/Jürgen Müller/ and has spaces, capitals, accents or other signs; rename the file to jurgen-muller.yaml (lowercase words joined by hyphens), and write `author: jurgen-muller` in the posts',
      'authors/ben_sample.yml:1  has a file name that gives the author id "ben_sample", which would be the address /authors/ben_sample/ and has spaces, capitals, accents or other signs; rename the file to ben-sample.yaml (lowercase words joined by hyphens), and write `author: ben-sample` in the posts',
    ]);
    expect([...report.brokenAuthors!.keys()]).toEqual(['Jürgen Müller', 'ben_sample']);
  });
});

describe('an author file with problems of its own', () => {
  const BROKEN = 'name: Ben Sample\nrole: Test coach\nbiography: The field is called bio.\n';
  const by = (author: string, day: number) =>
    post(VALID_FRONTMATTER.replace('author: ada-fixture', `author: ${author}`).replace('date: 2026-11-20', `date: 2026-11-${day}`));

  it('stops a build when two or more posts name the author: it is about the site', () => {
    const report = readFolder(
      makeContent({
        'authors/ben-sample.yaml': BROKEN,
        'posts/2026-11-20-one.md': by('ben-sample', 20),
        'posts/2026-11-21-two.md': by('ben-sample', 21),
      }),
    );
    expect(siteErrors(report).map(formatProblem)).toEqual([
      'authors/ben-sample.yaml:1  bio  is missing; add it',
      'authors/ben-sample.yaml:3  biography  is not a field here. Known fields: name, role, bio, avatar, links, credentials. Rename or remove it',
    ]);
  });

  it("holds back the one post that names it, pointing at the file, and stops nothing else: a new writer's first post", () => {
    const report = readFolder(
      makeContent({
        'authors/ben-sample.yaml': BROKEN,
        'posts/2026-11-20-one.md': by('ben-sample', 20),
        'posts/2026-11-21-two.md': by('ada-fixture', 21),
      }),
    );
    expect(siteErrors(report)).toEqual([]);
    expect([...postsWithErrors(report)]).toEqual(['posts/2026-11-20-one.md']);
    expect(report.problems.filter((p) => p.file.startsWith('posts/')).map(formatProblem)).toEqual([
      'posts/2026-11-20-one.md:4  author  "ben-sample" cannot be shown: its file authors/ben-sample.yaml has problems of its own (listed under that file); fix them, and this post goes out',
    ]);
  });

  it('holds back nothing when no post names it, though the check still lists its problems', () => {
    const report = readFolder(makeContent({ 'authors/ben-sample.yaml': BROKEN, 'posts/2026-11-20-one.md': by('ada-fixture', 20) }));
    expect(siteErrors(report)).toEqual([]);
    expect(postsWithErrors(report).size).toBe(0);
    expect(report.problems.map((p) => p.file)).toEqual(['authors/ben-sample.yaml', 'authors/ben-sample.yaml']);
  });
});

describe('raw HTML: the warning and the sanitiser agree', () => {
  const warned = (html: string) => bodyProblems(`${html}\n`).filter((p) => p.includes('feeds and the API'));

  it.each(['video', 'audio', 'svg', 'canvas', 'marquee', 'center'])('<%s>: the sanitiser drops it and the check says so', (tag) => {
    const html = `<${tag}>Inside</${tag}>`;
    expect(sanitizeForSyndication(html)).not.toContain(`<${tag}`);
    expect(warned(html)).toEqual([
      `${FILE}:9  body  has <${tag}>, which the page shows but feeds and the API leave out; for readers of the feed too, link to it or describe it in words`,
    ]);
  });

  it.each(['figure', 'details', 'mark', 'abbr'])('<%s>: the sanitiser keeps it and the check says nothing', (tag) => {
    const html = `<${tag}>Inside</${tag}>`;
    expect(sanitizeForSyndication(html)).toBe(html);
    expect(warned(html)).toEqual([]);
  });

  it('a data: picture address and an ftp: link are dropped by the sanitiser and named by the check', () => {
    expect(sanitizeForSyndication('<a href="ftp://files.example/a.pdf">a</a>')).toBe('<a>a</a>');
    expect(warned('[The price list](ftp://files.example/prices.pdf)')).toEqual([
      `${FILE}:9  body  has a ftp: address, which feeds and the API leave out; use an https:// address or a picture file next to the post`,
    ]);
  });
});

describe("a citation's year", () => {
  const citation = (year: number) =>
    `${VALID_FRONTMATTER}\ncitations:\n  - authors: ["Crane, J. D."]\n    year: ${year}\n    title: A study of massage\n    container: A journal\n    url: https://example.org/study`;
  const yearProblems = (year: number, now: string) =>
    readFolder(makeContent({ [FILE]: post(citation(year)) }), new Date(now))
      .problems.filter((p) => p.field.endsWith('year'))
      .map(formatProblem);

  it("may be next year by the build's now, not later; the bound moves with that now, not with the machine's clock", () => {
    expect(yearProblems(2027, '2026-11-27T12:00:00-05:00')).toEqual([]);
    expect(yearProblems(2028, '2026-11-27T12:00:00-05:00')).toEqual([
      `${FILE}:9  citations #1 → year  2028 is later than 2027; write the year the work came out, like 2012`,
    ]);
    expect(yearProblems(2028, '2027-01-02T12:00:00-05:00')).toEqual([]);
  });
});

/** The smallest valid PNG: a 1×1 grey pixel. */
export function tinyPng(): Buffer {
  return Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010800000000' +
      '3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082',
    'hex',
  );
}
