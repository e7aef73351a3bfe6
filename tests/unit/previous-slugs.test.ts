import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/content/read-content.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { VALID_FRONTMATTER, checkOne, makeContent, post } from './support/temp-content.ts';

function folderProblems(files: Record<string, string>): string[] {
  const dir = makeContent(files);
  return readContent({ contentDir: dir, timeZone: 'America/New_York', root: dir, now: new Date(FIXTURE_NOW) }).problems.map(formatProblem);
}

describe('previousSlugs in frontmatter', () => {
  it('is optional and defaults to none', () => {
    const report = checkOne(VALID_FRONTMATTER);
    expect(report.problems).toEqual([]);
    expect(report.posts[0]!.data!.previousSlugs).toEqual([]);
  });

  it('keeps old addresses in the order written', () => {
    const report = checkOne(`${VALID_FRONTMATTER}\npreviousSlugs: [first-address, second-address]`);
    expect(report.problems).toEqual([]);
    expect(report.posts[0]!.data!.previousSlugs).toEqual(['first-address', 'second-address']);
  });

  it.each([
    ['not a list', 'previousSlugs: first-address', 'previousSlugs  must be a list of old addresses, like [massage-after-exercise]'],
    [
      'not a slug',
      'previousSlugs: [First Address]',
      'previousSlugs #1  must be an old address of this post: lowercase words joined by hyphens',
    ],
    ['listed twice', 'previousSlugs: [a-b, a-b]', 'previousSlugs  lists the same old address twice; keep one'],
    ['the current slug field', 'slug: now-here\npreviousSlugs: [now-here]', 'previousSlugs  lists "now-here", the current `slug`'],
  ])('%s', (_name, line, expected) => {
    expect(checkOne(`${VALID_FRONTMATTER}\n${line}`).problems.map(formatProblem).join('\n')).toContain(expected);
  });

  it('names the line of the field', () => {
    const [problem] = checkOne(`${VALID_FRONTMATTER}\npreviousSlugs: [the-post]`).problems.map(formatProblem);
    expect(problem).toBe(
      'posts/2026-11-20-the-post.md:7  previousSlugs  lists "the-post", which is still this post\'s address; list only addresses it no longer has',
    );
  });
});

describe('previousSlugs across posts', () => {
  it("refuses an old address that is another post's current address", () => {
    expect(
      folderProblems({
        'posts/2026-11-20-one.md': post(`${VALID_FRONTMATTER}\npreviousSlugs: [two]`),
        'posts/2026-11-21-two.md': post(VALID_FRONTMATTER),
      }),
    ).toEqual([
      'posts/2026-11-20-one.md:7  previousSlugs  lists "two", the current address of posts/2026-11-21-two.md; an old address cannot belong to another post, so remove it from this list',
    ]);
  });

  it('refuses an old address claimed by two posts', () => {
    expect(
      folderProblems({
        'posts/2026-11-20-one.md': post(`${VALID_FRONTMATTER}\npreviousSlugs: [old]`),
        'posts/2026-11-21-two.md': post(`${VALID_FRONTMATTER}\npreviousSlugs: [old]`),
      }),
    ).toEqual([
      'posts/2026-11-21-two.md:7  previousSlugs  lists "old", which posts/2026-11-20-one.md also lists as an old address; keep it in only one post',
    ]);
  });
});
