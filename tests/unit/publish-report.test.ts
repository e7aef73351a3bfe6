import { describe, expect, it } from 'vitest';
import { postsOf } from '../../src/lib/post-model.ts';
import { publishReport } from '../../src/lib/publish-report.ts';
import { createUrls } from '../../src/lib/urls.ts';
import { FIXTURE_NOW } from '../support/paths.ts';
import { VALID_AUTHOR, VALID_FRONTMATTER, makeContent, post, readFolder } from './support/temp-content.ts';

describe('the publish report', () => {
  const dir = makeContent({
    'posts/2026-11-20-fine.md': post(VALID_FRONTMATTER),
    // A typo in a field name: the schema refuses the whole frontmatter.
    'posts/2026-11-21-typo.md': post(
      VALID_FRONTMATTER.replace('author: ada-fixture', 'autor: ada-fixture').replace('date: 2026-11-20', 'date: 2026-11-21T07:00:00-05:00'),
    ),
    'posts/2026-11-22-unfinished-draft.md': post(`${VALID_FRONTMATTER.replace('date: 2026-11-20', 'date: 2026-11-22')}\ndraft: true`, ''),
    'authors/broken.yaml': VALID_AUTHOR.replace('bio:', 'biography:'),
  });
  const content = readFolder(dir);
  const report = publishReport(
    content,
    postsOf(content),
    new Date(FIXTURE_NOW),
    createUrls({ url: 'https://studio.example', base: '/' }),
    true,
    'America/New_York',
  );

  it('lists the public posts with their addresses', () => {
    expect(report.published.map((p) => [p.slug, p.url])).toEqual([['fine', 'https://studio.example/posts/fine/']]);
  });

  it('gives a held-back post its title, date and draft flag, even when the schema refused it as a whole', () => {
    expect(report.heldBack.map(({ problems: _p, ...rest }) => rest)).toEqual([
      { file: 'posts/2026-11-21-typo.md', slug: 'typo', title: 'A valid post', date: '2026-11-21T12:00:00.000Z', draft: false },
      {
        file: 'posts/2026-11-22-unfinished-draft.md',
        slug: 'unfinished-draft',
        title: 'A valid post',
        date: '2026-11-22T05:00:00.000Z',
        draft: true,
      },
    ]);
    expect(report.heldBack[0]!.problems.map((p) => p.field).sort()).toEqual(['author', 'autor']);
  });

  it('names the problems that are not about one post: an author file that two posts name', () => {
    // No post names authors/broken.yaml above: it holds back nothing.
    expect(report.siteProblems).toEqual([]);
    const shared = makeContent({
      'posts/2026-11-20-one.md': post(VALID_FRONTMATTER.replace('author: ada-fixture', 'author: broken')),
      'posts/2026-11-21-two.md': post(
        VALID_FRONTMATTER.replace('author: ada-fixture', 'author: broken').replace('date: 2026-11-20', 'date: 2026-11-21'),
      ),
      'authors/broken.yaml': VALID_AUTHOR.replace('bio:', 'biography:'),
    });
    const read = readFolder(shared);
    const sharedReport = publishReport(
      read,
      postsOf(read),
      new Date(FIXTURE_NOW),
      createUrls({ url: 'https://studio.example', base: '/' }),
      true,
      'America/New_York',
    );
    expect(sharedReport.siteProblems.map((p) => `${p.file}  ${p.field}`).sort()).toEqual([
      'authors/broken.yaml  bio',
      'authors/broken.yaml  biography',
    ]);
  });
});
