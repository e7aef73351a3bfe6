/**
 * One failing fixture per content rule (tests/fixtures/check/<rule>/), with the
 * message a writer reads asserted in full or in its telling part.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckOptions } from '../../src/lib/content/check-content.ts';
import { formatProblem, type Problem } from '../../src/lib/content/problems.ts';
import { studyYear, studyYearMentions } from '../../src/lib/content/rules/study-year.ts';
import { FIXTURES, FIXTURE_NOW } from '../support/paths.ts';
import { VALID_FRONTMATTER, makeContent, post } from './support/temp-content.ts';

const CHECK = join(FIXTURES, 'check');
const NOW = new Date(FIXTURE_NOW);

function check(fixture: string, opts: Partial<CheckOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `check-${fixture}-`));
  cpSync(join(CHECK, '_authors'), join(dir, 'authors'), { recursive: true });
  cpSync(join(CHECK, fixture), join(dir, 'posts'), { recursive: true });
  // The answers Crossref and PubMed gave (recorded), as `npm run check -- --online` leaves them.
  cpSync(join(CHECK, '_lock', 'citations.lock.json'), join(dir, 'citations.lock.json'));
  const report = checkContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW, ...opts });
  const lines = (severity: Problem['severity']) => report.problems.filter((p) => p.severity === severity).map(formatProblem);
  return { report, errors: lines('error'), warnings: lines('warning') };
}

describe('clean content', () => {
  it('passes every rule without a problem', () => {
    const { report } = check('clean');
    expect(report.posts).toHaveLength(3);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  it('flags root-relative post links when the site is served under a folder', () => {
    const { errors } = check('clean', { site: { url: 'https://example.com', base: '/blog/' } });
    expect(errors).toEqual([
      'posts/2026-11-22-session-notes.mdx:15  body  starts with /posts/, but the site is served under /blog/, so the link would be broken; write ../calf-stretches/ instead, which works wherever the site lives',
    ]);
  });

  it('finds no errors in the fixture site the build tests use', () => {
    const report = checkContent({ contentDir: join(FIXTURES, 'content'), timeZone: 'America/New_York', now: NOW });
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });
});

describe('duplicate-slug', () => {
  it('names the file that already has the address', () => {
    expect(check('duplicate-slug').errors).toEqual([
      'posts/2026-11-21-stretching-again.md:7  slug  "stretch-basics" is already the address of posts/2026-11-20-stretch-basics.md; two posts cannot share one. Rename one file or give it a different `slug:`',
    ]);
  });
});

describe('unknown-author', () => {
  it('suggests the closest author and lists the known ones', () => {
    expect(check('unknown-author').errors).toEqual([
      'posts/2026-11-20-who-wrote-this.md:4  author  "ada-fixtur" is not an author. Did you mean `ada-fixture`? Known authors: ada-fixture',
    ]);
  });
});

describe('unknown-tag', () => {
  it('warns about a one-off tag close to a tag other posts use, and only that one', () => {
    const { errors, warnings } = check('unknown-tag');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'posts/2026-11-20-typo-in-tag.md:6  tags #1  "masage" is used by no other post. Did you mean `massage` (2 posts)? Fix the spelling, or keep it if a new tag is meant',
    ]);
  });
});

describe('title-length', () => {
  it('warns with the limit, the reason and where the cut falls', () => {
    const { errors, warnings } = check('title-length');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'posts/2026-11-20-long-title.md:2  title  is 84 characters; search results show about 60 (600 pixels) and phone link previews about 60 to 70, so readers will see "What ten minutes of massage after a hard bike ride changes…". Shorten it or put the key words first',
    ]);
  });
});

describe('description-length', () => {
  it('warns past 155 characters, which the schema still allows', () => {
    const { errors, warnings } = check('description-length');
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^posts\/2026-11-20-long-description\.md:3 {2}description {2}is 17\d characters; search results show about 155 \(920 pixels on a computer, fewer on phones\), so it will be cut after "….*"\. Shorten it to 155 or fewer$/,
    );
  });
});

describe('empty-body', () => {
  it('refuses a post with nothing but a comment', () => {
    expect(check('empty-body').errors).toEqual(['posts/2026-11-20-nothing-yet.md:8  body  is empty; write the post below the second --- line']);
  });
});

describe('placeholder-text', () => {
  it('is an error in a post that is due, naming the description and the first prompt line', () => {
    expect(check('placeholder-text').errors).toEqual([
      'posts/2026-11-20-still-a-template.md:3  description  is still the prompt from `npm run new`; write one or two sentences that sum up the post. This post is due, so the prompt would be published',
      'posts/2026-11-20-still-a-template.md:9  body  still has 3 lines starting with ✎ from `npm run new`; replace them with your text. This post is due, so they would be published',
    ]);
  });

  it('is a reminder while the post is still scheduled', () => {
    const { errors, warnings } = check('placeholder-text', { now: new Date('2026-11-19T12:00:00-05:00') });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'posts/2026-11-20-still-a-template.md:3  description  is still the prompt from `npm run new`; write one or two sentences that sum up the post before it goes live',
      'posts/2026-11-20-still-a-template.md:9  body  still has 3 lines starting with ✎ from `npm run new`; replace them with your text before the post goes live',
    ]);
  });
});

describe('heading-levels', () => {
  it('warns about a skipped level and a second main heading, not about code', () => {
    const { errors, warnings } = check('heading-levels');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'posts/2026-11-20-uneven-headings.md:15  body  the heading "What to wear" jumps from level 2 to level 4; use ### here (#### only goes under a ### heading)',
      'posts/2026-11-20-uneven-headings.md:19  body  the heading "Afterwards" is a main heading (#), but the title is already the page\'s main heading; use ## for sections',
    ]);
  });
});

describe('post-links', () => {
  it('reports every broken link to a post, with the fix', () => {
    const { errors } = check('post-links');
    const file = 'posts/2026-11-20-links-everywhere.md';
    expect(errors).toEqual([
      `${file}:11  body  links to "../hip-opener/", but no post has the address "hip-opener". Did you mean \`hip-openers\`? Fix the link or remove it`,
      `${file}:13  body  links to "/posts/no-such-post/", but no post has the address "no-such-post". Fix the link or remove it`,
      `${file}:15  body  links to "../draft-ideas/", which is a draft and not on the site yet; this post is live, so readers would meet a broken link. Remove the link until that post is out, or change the dates`,
      `${file}:15  body  links to "../winter-plans/", which is scheduled for 2026-12-05 and not on the site yet; this post is live, so readers would meet a broken link. Remove the link until that post is out, or change the dates`,
      `${file}:17  body  links to the file 2026-11-10-hip-openers.md; link to the post's address instead: ../hip-openers/`,
      `${file}:19  body  points inside this post's own address (posts/links-everywhere/hip-openers/); to link to another post write ../hip-openers/`,
      `${file}:23  body  links to "../gone/", but no post has the address "gone". Fix the link or remove it`,
      `${file}:25  body  links to "../missing-ref/", but no post has the address "missing-ref". Fix the link or remove it`,
    ]);
  });

  it('warns when a scheduled post links to one that goes out after it', () => {
    expect(check('post-links').warnings).toEqual([
      'posts/2026-12-01-scheduled-links.md:9  body  links to "../winter-plans/", which is scheduled for 2026-12-05, after this post goes live (2026-12-01); the link would be broken in between. Publish that post first or move this one later',
    ]);
  });

  it('stops complaining once both posts are out', () => {
    const { errors } = check('post-links', { now: new Date('2026-12-06T12:00:00-05:00') });
    expect(errors.join('\n')).not.toContain('winter-plans');
    expect(errors.join('\n')).toContain('draft-ideas');
  });
});

describe('image-alt', () => {
  it('requires words for Markdown and HTML pictures, and warns about file names as alt text', () => {
    const { errors, warnings } = check('image-alt');
    expect(errors).toEqual([
      'posts/2026-11-20-pictures.md:9  body  the picture ./images/pic.jpg has no alt text; describe what it shows between the brackets, like ![A therapist stretching a client\'s hamstring](./images/pic.jpg)',
      'posts/2026-11-20-pictures.md:11  body  the picture /studio.jpg has no alt text; add alt="what the picture shows" to the <img> tag',
    ]);
    expect(warnings).toEqual([
      'posts/2026-11-20-pictures.md:13  body  the picture ./images/pic.jpg has "IMG_2041.jpg" as its alt text, which tells a reader nothing; describe what the picture shows',
    ]);
  });
});

describe('body-image-files', () => {
  it('names the missing picture', () => {
    expect(check('body-image-files').errors).toEqual([
      'posts/2026-11-20-missing-picture.md:11  body  the picture ./images/missing.jpg does not exist; check the file name and that the path starts with ./ (pictures go in content/posts/images/)',
    ]);
  });
});

describe('study-year', () => {
  it('catches the seed post calling a 2012 paper "a 2014 study", at both places', () => {
    const { errors } = check('study-year', { rules: [studyYear] });
    const file = 'posts/2026-11-20-massage-after-exercise.md';
    expect(errors).toEqual([
      `${file}:20  body  mentions "A 2014 study", but no citation of this post is from 2014 (its citations are from 2012). Correct the year in the text, or add the 2014 source under \`citations:\``,
      `${file}:30  body  mentions "The 2014 Science Translational Medicine study", but no citation of this post is from 2014 (its citations are from 2012). Correct the year in the text, or add the 2014 source under \`citations:\``,
    ]);
  });

  it('finds the ways a year is given for a study, and not other years', () => {
    const years = (text: string) => studyYearMentions(text).map((m) => `${m.year} ${m.text}`);
    expect(years('A 2014 study published in the journal')).toEqual(['2014 A 2014 study']);
    expect(years('the 2014 Science Translational Medicine study')).toEqual(['2014 the 2014 Science Translational Medicine study']);
    expect(years('A study published in 2012 asked')).toEqual(['2012 study published in 2012']);
    expect(years('The trial, published in March 2019, found')).toEqual(['2019 trial, published in March 2019']);
    expect(years('as Crane et al. (2012) showed')).toEqual(['2012 et al. (2012)']);
    expect(years('reading speed (Brysbaert, 2019) is')).toEqual(['2019 (Brysbaert, 2019)']);
    expect(years('In the 2020 lockdown our study group met online')).toEqual([]);
    expect(years('We opened in 2014 and studied hard.')).toEqual([]);
  });

  it('asks for a citation when the post has none', () => {
    const dir = makeContent({ 'posts/2026-11-20-uncited.md': post(VALID_FRONTMATTER, 'A 2019 review found little difference.\n') });
    const report = checkContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW });
    expect(report.problems.map(formatProblem)).toEqual([
      'posts/2026-11-20-uncited.md:9  body  mentions "A 2019 review", but the post has no citations; add the 2019 source under `citations:` so readers can find it',
    ]);
    expect(report.problems[0]!.severity).toBe('warning');
  });
});

describe('citation-link (schema)', () => {
  it('asks for a DOI or a web address', () => {
    expect(check('citation-link').errors).toEqual([
      'posts/2026-11-20-unfindable-source.md:8  citations #1  needs a `doi:` or a `url:` so readers can find the source',
    ]);
  });
});

describe('doi-format (schema)', () => {
  it('shows what a DOI looks like', () => {
    expect(check('doi-format').errors).toEqual([
      'posts/2026-11-20-mistyped-doi.md:12  citations #1 → doi  is not a DOI; it should look like 10.1126/scitranslmed.3002882',
    ]);
  });
});
