/**
 * The messages a writer meets for the slips the issue tracker listed, pinned
 * word for word: each on the right line, naming the field, saying the fix,
 * every problem of a file at once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { VALID_FRONTMATTER, checkOne, makeContent, post, readFolder } from './support/temp-content.ts';

const lines = (report: ReturnType<typeof checkOne>) => report.problems.map(formatProblem);

describe('YAML slips, in plain words on their own lines', () => {
  it('a colon in an unquoted description and a tab, each on its line, with the field and the fix', () => {
    const frontmatter = [
      'title: A valid post',
      'description: Massage: what it does to the muscle after a hard ride, in plain words.',
      'author: ada-fixture',
      'date: 2026-11-20',
      'tags: [massage]',
      '\tdraft: false',
    ].join('\n');
    expect(lines(checkOne(frontmatter))).toEqual([
      'posts/2026-11-20-the-post.md:3  description  has a colon in its text, which YAML reads as a new field; put the whole text in double quotes: description: "Massage: what it does to the muscle after a hard ride, in plain words."',
      'posts/2026-11-20-the-post.md:7  draft  is indented with a tab; indent with spaces instead (two for each level)',
    ]);
  });

  it('two lines indented with a tab: one message each, with its own line and field', () => {
    // Issue 13 measured the parser's one message twice, both on line 2.
    // Apart from each other.
    const apart = [
      'title: A valid post',
      '\tdescription: A description long enough to pass the fifty character minimum for summaries.',
      'author: ada-fixture',
      'date: 2026-11-20',
      'tags: [massage]',
      '\tdraft: false',
    ].join('\n');
    expect(lines(checkOne(apart))).toEqual([
      'posts/2026-11-20-the-post.md:3  description  is indented with a tab; indent with spaces instead (two for each level)',
      'posts/2026-11-20-the-post.md:7  draft  is indented with a tab; indent with spaces instead (two for each level)',
    ]);
    // Next to each other.
    const together = [
      'title: A valid post',
      'description: A description long enough to pass the fifty character minimum for summaries.',
      'author: ada-fixture',
      'date: 2026-11-20',
      '\ttags: [massage]',
      '\tdraft: false',
    ].join('\n');
    expect(lines(checkOne(together))).toEqual([
      'posts/2026-11-20-the-post.md:6  tags  is indented with a tab; indent with spaces instead (two for each level)',
      'posts/2026-11-20-the-post.md:7  draft  is indented with a tab; indent with spaces instead (two for each level)',
    ]);
  });

  it('a YAML tag such as !!js/function', () => {
    expect(lines(checkOne(`${VALID_FRONTMATTER}\ncanonical: !!js/function "function () { return 1 }"`))).toEqual([
      'posts/2026-11-20-the-post.md:7  canonical  uses a YAML tag (a word after !!), which posts cannot use; remove it and write the value plainly',
    ]);
  });
});

describe('every problem of a file at once', () => {
  it('an unknown author is reported beside the other errors', () => {
    const found = lines(
      checkOne(VALID_FRONTMATTER.replace('author: ada-fixture', 'author: nobody').replace('date: 2026-11-20', 'date: 2026-13-01')),
    );
    expect(found).toEqual([
      'posts/2026-11-20-the-post.md:4  author  "nobody" is not an author. Known authors: ada-fixture',
      'posts/2026-11-20-the-post.md:5  date  "2026-13-01" is not a day on the calendar; write 2026-11-27 or 2026-11-27T07:00:00-05:00',
    ]);
  });

  it('a missing picture file is reported although its alt is missing too', () => {
    expect(lines(checkOne(`${VALID_FRONTMATTER}\nimage:\n  src: ./images/golfer.jpg`))).toEqual([
      // The line of `image:`, since `alt:` is not there.
      'posts/2026-11-20-the-post.md:7  image → alt  is missing; describe the picture for people who cannot see it',
      'posts/2026-11-20-the-post.md:8  image → src  points to "./images/golfer.jpg", which does not exist; check the file name and that the path starts with ./',
    ]);
  });

  it('a citation without a year is an error about its year, not a warning that the post has no citations', () => {
    const citation =
      '\ncitations:\n  - authors: ["Crane, J. D."]\n    title: Massage therapy attenuates inflammatory signaling\n    container: Science Translational Medicine\n    doi: 10.1126/scitranslmed.3002882';
    expect(lines(checkOne(VALID_FRONTMATTER + citation, 'A 2012 study published in Science Translational Medicine.\n'))).toEqual([
      'posts/2026-11-20-the-post.md:8  citations #1 → year  is missing; add the year the work came out, like 2012',
    ]);
  });

  it('a year in quotes is a year', () => {
    const citation =
      '\ncitations:\n  - authors: ["Crane, J. D."]\n    year: "2012"\n    title: Massage therapy attenuates inflammatory signaling\n    container: Science Translational Medicine\n    volume: "4"\n    doi: 10.1126/scitranslmed.3002882';
    const report = checkOne(VALID_FRONTMATTER + citation, 'A 2012 study published in Science Translational Medicine [@crane2012].\n');
    // No year problem (the other two lines are about citing it and looking it up, not its year).
    expect(lines(report).filter((l) => l.includes('year'))).toEqual([]);
    expect(report.posts[0]!.data!.citations[0]!.year).toBe(2012);
  });
});

describe('links between posts', () => {
  it('suggest the nearest other post, never the post itself', () => {
    const dir = makeContent({
      'posts/2026-11-20-massage-after-exercise.md': post(
        VALID_FRONTMATTER,
        'See [the other one](../massage-after-exercize/) and [this file](./2026-11-21-stretching-for-golfer.md).\n',
      ),
      'posts/2026-11-21-stretching-for-golfers.md': post(VALID_FRONTMATTER.replace('date: 2026-11-20', 'date: 2026-11-21')),
    });
    expect(lines(readFolder(dir))).toEqual([
      'posts/2026-11-20-massage-after-exercise.md:9  body  links to "../massage-after-exercize/", but no post has the address "massage-after-exercize". Fix the link or remove it',
      "posts/2026-11-20-massage-after-exercise.md:9  body  links to the file ./2026-11-21-stretching-for-golfer.md, which is not a post here; link to a post's address instead, like ../stretching-for-golfers/",
    ]);
  });
});

describe('hostile and unlucky files', () => {
  it('warns about an invisible control character and reads on without it', () => {
    const report = checkOne(
      VALID_FRONTMATTER.replace('title: A valid post', 'title: "A valid\u0001 post"'),
      'Text with a vertical\u000b tab.\n',
    );
    expect(lines(report)).toEqual([
      'posts/2026-11-20-the-post.md:2  title  has an invisible character (U+0001), usually from pasted text, that feeds and some readers cannot take; it is left out of the site, but delete it from the file to be sure the text reads as meant',
      'posts/2026-11-20-the-post.md:9  body  has an invisible character (U+000B), usually from pasted text, that feeds and some readers cannot take; it is left out of the site, but delete it from the file to be sure the text reads as meant',
    ]);
    expect(report.posts[0]!.data!.title).toBe('A valid post');
    expect(report.posts[0]!.source.body).toBe('\nText with a vertical tab.\n');
  });

  it('refuses YAML aliases that multiply, without hanging', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ].join('\n');
    expect(lines(checkOne(`${VALID_FRONTMATTER}\n${bomb}`))).toEqual([
      'posts/2026-11-20-the-post.md:2  is far larger than frontmatter should be (YAML anchors and aliases like &a and *a, or lists nested inside lists); write each field out plainly',
    ]);
  });

  it('refuses lists nested thousands deep, without a stack overflow', () => {
    const deep = `nested: ${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(lines(checkOne(`${VALID_FRONTMATTER}\n${deep}`))).toEqual([
      'posts/2026-11-20-the-post.md:2  is far larger than frontmatter should be (YAML anchors and aliases like &a and *a, or lists nested inside lists); write each field out plainly',
    ]);
  });

  it('names the line of bytes that are not UTF-8', () => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.md': '' });
    const file = join(dir, 'posts/2026-11-20-the-post.md');
    // A title saved in Latin-1: "Café" with é as the single byte 0xE9.
    const rest = VALID_FRONTMATTER.replace('title: A valid post\n', '');
    writeFileSync(file, Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from(`\n${rest}\n---\n\nBody.\n`)]));
    expect(lines(readFolder(dir))).toEqual([
      'posts/2026-11-20-the-post.md:2  has characters that are not UTF-8 text; save the file as UTF-8 (in most editors: Save with encoding → UTF-8) and check the accents and quotes on this line',
    ]);
  });

  it('refuses a file name that gives no valid address, and an upper-case extension, saying what to rename it to', () => {
    const dir = makeContent({
      'posts/2026-11-20-Massage für Läufer.md': post(VALID_FRONTMATTER),
      'posts/2026-11-21-shouting.MD': post(VALID_FRONTMATTER.replace('date: 2026-11-20', 'date: 2026-11-21')),
      'posts/2026-11-22-notes.markdown': post(VALID_FRONTMATTER),
    });
    expect(lines(readFolder(dir))).toEqual([
      'posts/2026-11-20-Massage für Läufer.md:1  has a file name that gives the address "Massage für Läufer", which has spaces, capitals, accents or other signs; rename the file to 2026-11-20-massage-fur-laufer.md (lowercase words joined by hyphens), or set `slug: massage-fur-laufer`',
      'posts/2026-11-21-shouting.MD:1  ends in ".MD"; rename the file so it ends in ".md" (lowercase)',
      'posts/2026-11-22-notes.markdown:1  is not read as a post: posts end in .md (or .mdx); rename it to 2026-11-22-notes.md to publish it',
    ]);
  });
});

describe('MDX, compiled as the build compiles it', () => {
  const mdx = (body: string) => {
    const dir = makeContent({ 'posts/2026-11-20-the-post.mdx': post(VALID_FRONTMATTER, body) });
    return lines(readFolder(dir));
  };

  it('a tag left open is a problem on its line', () => {
    expect(mdx('Some text.\n\n<Callout>\n\nMore text.\n')).toEqual([
      'posts/2026-11-20-the-post.mdx:11  body  is not valid MDX here (Expected a closing tag for `<Callout>`); close every <Tag> you open, and write { } only around code (to show a brace, write \\{ )',
    ]);
  });

  it('a name the body never defines, and a component it never imports', () => {
    expect(mdx('export const sessions = 3\n\nWe offer {sessions} sessions, {prices.length} prices and <PriceTable />.\n')).toEqual([
      'posts/2026-11-20-the-post.mdx:11  body  uses {prices}, which this post does not define; define it (export const prices = …) or remove the braces (to show a brace, write \\{ )',
      'posts/2026-11-20-the-post.mdx:11  body  uses <PriceTable>, which this post does not import; add an import line for it at the top of the body, or remove it',
    ]);
  });
});

describe('raw HTML the site will not carry', () => {
  it('is a warning on its line in the check, and leaves the feeds and the API', () => {
    const body =
      'Hello.\n\n<script>alert(1)</script>\n\n<p onclick="steal()">Click</p>\n\n<a href="javascript:alert(1)">x</a> and <iframe src="https://example.com/"></iframe>\n';
    expect(lines(checkOne(VALID_FRONTMATTER, body))).toEqual([
      'posts/2026-11-20-the-post.md:11  body  has <script>, which the site does not run: the page blocks it and feeds and the API leave it out; remove it (for a video or a form, link to it instead)',
      'posts/2026-11-20-the-post.md:13  body  has an onclick= attribute, which the site does not run: the page blocks it and feeds and the API leave it out; remove it (for a video or a form, link to it instead)',
      'posts/2026-11-20-the-post.md:15  body  has <iframe>, which the site does not run: the page blocks it and feeds and the API leave it out; remove it (for a video or a form, link to it instead)',
    ]);
  });
});
