/**
 * Gaps found in a review of the content check (the `harden` round): each is a
 * class of input that used to crash `npm run check`, pass it while the build
 * failed, or give the wrong message. Every expectation is written by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import type { PostRule } from '../../src/lib/content/rules/index.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { VALID_FRONTMATTER, makeContent, post, readFolder } from './support/temp-content.ts';

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
  it('a picture named 50%-off.jpg is found on disk, not a crash', () => {
    expect(bodyProblems('![A runner at the finish](./images/50%-off.jpg)\n', { 'posts/images/50%-off.jpg': tinyPng() })).toEqual([]);
  });

  it('a missing picture with a % is reported on its line', () => {
    expect(bodyProblems('Text.\n\n![A runner at the finish](./images/50%-off.jpg)\n')).toEqual([
      `${FILE}:11  body  the picture ./images/50%-off.jpg does not exist; check the file name and that the path starts with ./ (pictures go in content/posts/images/)`,
    ]);
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
    const dir = makeContent({ [FILE]: post(VALID_FRONTMATTER), 'posts/2026-11-21-other.md': post(VALID_FRONTMATTER.replace('A valid post', 'Another post')) });
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

/** The smallest valid PNG: a 1×1 grey pixel. */
export function tinyPng(): Buffer {
  return Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010800000000' + '3a7e9b550000000a49444154789c6360000000020001e221bc330000000049454e44ae426082', 'hex');
}
