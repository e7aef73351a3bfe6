/**
 * One failing fixture per content rule (tests/fixtures/check/<rule>/), with the
 * message a writer reads asserted in full or in its telling part.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, type ReadOptions as CheckOptions } from '../../src/lib/content/read-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import type { Problem } from '../../src/lib/content/types.ts';
import { studyYear, studyYearMentions } from '../../src/lib/content/rules/study-year.ts';
import { FIXTURES, FIXTURE_NOW } from '../support/paths.ts';
import { PICTURE, VALID_AUTHOR, VALID_FRONTMATTER, makeContent, post } from './support/temp-content.ts';
import { claimWords } from '../../src/lib/content/rules/claim-words.ts';
import { healthReview } from '../../src/lib/content/rules/health-review.ts';

const CHECK = join(FIXTURES, 'check');
const NOW = new Date(FIXTURE_NOW);

function check(fixture: string, opts: Partial<CheckOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `check-${fixture}-`));
  cpSync(join(CHECK, '_authors'), join(dir, 'authors'), { recursive: true });
  cpSync(join(CHECK, fixture), join(dir, 'posts'), { recursive: true });
  // The answers Crossref and PubMed gave (recorded), as `npm run check -- --online` leaves them.
  cpSync(join(CHECK, '_lock', 'citations.lock.json'), join(dir, 'citations.lock.json'));
  const report = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW, ...opts });
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
    const report = readContent({ contentDir: join(FIXTURES, 'content'), timeZone: 'America/New_York', now: NOW });
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

describe('redirect-from', () => {
  it("refuses an old address that leads to two posts, or that is one of the site's own", () => {
    expect(check('redirect-from').errors).toEqual([
      'posts/2026-11-19-hip-openers-again.md:9  redirectFrom #2  "/post/hip-stretches" already forwards to posts/2026-11-18-hip-openers.md; an old address can lead to one post only, so remove it from one of the two',
      'posts/2026-11-19-hip-openers-again.md:10  redirectFrom #3  "/posts/hip-openers/" is an address of this site (/posts/…); a redirect there would hide that page. An old address of a post on this site goes in `previousSlugs`, as the slug alone',
      'posts/2026-11-19-hip-openers-again.md:11  redirectFrom #4  "/tags/stretching" is an address of this site (/tags/…); a redirect there would hide that page. Remove it, or list the address the post had on the old site',
      'posts/2026-11-19-hip-openers-again.md:12  redirectFrom #5  "/" is an address of this site (the home page); a redirect there would hide that page. Remove it, or list the address the post had on the old site',
    ]);
  });

  it("counts the site's folder: under /blog/, /posts/x is another site's address", () => {
    const { errors } = check('redirect-from', { site: { url: 'https://example.com', base: '/blog/' } });
    expect(errors.filter((e) => e.includes('an address of this site'))).toEqual([]);
    expect(errors).toHaveLength(1);
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
    expect(check('empty-body').errors).toEqual([
      'posts/2026-11-20-nothing-yet.md:8  body  is empty; write the post below the second --- line',
    ]);
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

describe("placeholder-text in a hero picture's alt text", () => {
  it('is an error once the post is due, a reminder in a draft', () => {
    const frontmatter = `${VALID_FRONTMATTER}\nimage:\n  src: ./pic.jpg\n  alt: "✎ Describe this picture"`;
    const due = makeContent({ 'posts/2026-11-20-the-post.md': post(frontmatter), 'posts/pic.jpg': PICTURE });
    const messages = (dir: string) =>
      readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW }).problems.map(formatProblem);
    expect(messages(due)).toEqual([
      'posts/2026-11-20-the-post.md:9  image → alt  is still a prompt; describe what the picture shows. This post is due, so the prompt would be published',
    ]);
    const draft = makeContent({ 'posts/2026-11-20-the-post.md': post(`${frontmatter}\ndraft: true`), 'posts/pic.jpg': PICTURE });
    expect(messages(draft)).toEqual([
      'posts/2026-11-20-the-post.md:9  image → alt  is still a prompt; describe what the picture shows before the post goes live',
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
      "posts/2026-11-20-pictures.md:9  body  the picture ./images/pic.jpg has no alt text; describe what it shows between the brackets, like ![A therapist stretching a client's hamstring](./images/pic.jpg)",
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
    const report = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW });
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

describe('citation-records', () => {
  const file = (name: string) => `posts/${name}.md`;

  it('passes citations that match their records and names what is wrong in the others', () => {
    const { errors, warnings } = check('citation-records');
    expect(errors).toEqual([
      `${file('2026-11-21-wrong-year')}:9  citations #1 → year  is 2014, but Crossref's record of 10.1126/scitranslmed.3002882 says 2012; change it to 2012, or check that the DOI is the work you mean`,
      `${file('2026-11-22-wrong-journal')}:11  citations #1 → container  is "Journal of Applied Physiology", but Crossref's record of 10.1126/scitranslmed.3002882 says "Science Translational Medicine"; change it to "Science Translational Medicine", or check that the DOI is the work you mean`,
      `${file('2026-11-23-unknown-doi')}:15  citations #1 → doi  10.1126/scitranslmed.9999999 is not a DOI Crossref knows; copy the DOI again from the article's page, or use \`url:\` if the work has none`,
    ]);
    expect(warnings).toEqual([
      `${file('2026-12-01-not-looked-up-yet')}:12  citations #1 → doi  10.5555/not.looked.up has not been checked against Crossref yet; run \`npm run check -- --online\` (it needs the internet) and commit citations.lock.json`,
    ]);
  });

  it('is a reminder, not an error, in a post that is not due yet', () => {
    const { errors, warnings } = check('citation-records', { now: new Date('2026-11-19T12:00:00-05:00') });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.includes('wrong-year'))).toEqual([
      `${file('2026-11-21-wrong-year')}:9  citations #1 → year  is 2014, but Crossref's record of 10.1126/scitranslmed.3002882 says 2012; change it to 2012, or check that the DOI is the work you mean`,
    ]);
  });
});

describe('citation-markers', () => {
  it('names a marker whose key no citation has, and a citation nothing cites', () => {
    const { errors, warnings } = check('citation-markers');
    const file = 'posts/2026-11-20-markers-and-sources.md';
    expect(errors).toEqual([
      `${file}:8  citations #1  (crane2012) is cited nowhere in the text; put [@crane2012] after the sentence it supports, or remove the source`,
      `${file}:13  citations #2  (weerapong) is cited nowhere in the text; put [@weerapong] after the sentence it supports, or remove the source`,
      `${file}:21  body  cites [@crane2021], but no citation of this post has the key "crane2021". Did you mean \`crane2012\`? Its keys: crane2012, weerapong. Fix the key or add the source under \`citations:\`. (Not a citation? Write \\@ for the @.)`,
    ]);
    expect(warnings).toEqual([
      'posts/2026-12-10-draft-in-progress.md:9  citations #1  (hunt2019) is cited nowhere in the text; put [@hunt2019] after the sentence it supports before the post goes live, or remove the source',
    ]);
  });

  it('refuses two citations with the same key', () => {
    const cite = (key: string) =>
      `  - key: ${key}\n    authors: ["Crane, J. D."]\n    year: 2012\n    title: A title\n    container: A journal\n    url: https://example.org/x`;
    const dir = makeContent({
      'posts/2026-11-20-twice.md': post(`${VALID_FRONTMATTER}\ncitations:\n${cite('crane')}\n${cite('crane')}`, 'Text [@crane].\n'),
    });
    const report = readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW });
    expect(report.problems.map(formatProblem)).toEqual([
      'posts/2026-11-20-twice.md:14  citations #2 → key  "crane" is already the key of citation #1; give each source its own key',
    ]);
  });
});

describe('claim-words', () => {
  it('warns about a claim in a paragraph that cites nothing, not about cited, negated, questioned or code claims', () => {
    // A fixture list: the studio's own words live in src/site.config.ts.
    const { errors, warnings } = check('claim-words', {
      evidence: { claimWords: ['cures', 'detoxes', 'boosts immunity', 'clinically proven'], researchTags: [], reviewMaxAgeDays: 365 },
    });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'posts/2026-11-20-claims.md:15  body  "Thai massage detoxes the body and boosts immunity within a week." makes a health claim ("detoxes") in a paragraph that cites no source; cite the study with [@key], or put it as experience rather than fact',
    ]);
  });

  it("uses the studio's own list of words", () => {
    const dir = makeContent({ 'posts/2026-11-20-words.md': post(VALID_FRONTMATTER, 'Stretching realigns your chakras.\n') });
    const run = (words: string[]) =>
      readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW, rules: [claimWords(words)] }).problems.map(
        (p) => p.message,
      );
    expect(run(['realigns'])).toEqual([
      '"Stretching realigns your chakras." makes a health claim ("realigns") in a paragraph that cites no source; cite the study with [@key], or put it as experience rather than fact',
    ]);
    expect(run(['cures'])).toEqual([]);
  });
});

describe('health-review', () => {
  const LICENSED = `${VALID_AUTHOR}credentials:\n  - type: Licensed Massage Therapist\n    abbreviation: LMT\n    number: MA00000\n`;
  const research = (extra = '') => VALID_FRONTMATTER.replace('tags: [massage, recovery]', 'tags: [massage, research]') + extra;
  const run = (frontmatter: string, authors: Record<string, string> = {}) => {
    const dir = makeContent({ ...authors, 'posts/2026-11-20-study.md': post(frontmatter) });
    return readContent({
      contentDir: dir,
      root: dir,
      timeZone: 'America/New_York',
      now: NOW,
      rules: [healthReview({ researchTags: ['research'], reviewMaxAgeDays: 365 })],
    }).problems.map((p) => `${p.severity} ${formatProblem(p)}`);
  };

  it('asks for a reviewer on a research post, and for the day of the review', () => {
    expect(run(research())).toEqual([
      'warning posts/2026-11-20-study.md:6  reviewedBy  is missing; the post is tagged "research", so a qualified person should check it: add `reviewedBy:` with their author id and `lastReviewed:` with the day they did',
    ]);
    expect(run(research('\nreviewedBy: rita'), { 'authors/rita.yaml': LICENSED })).toEqual([
      'warning posts/2026-11-20-study.md:7  lastReviewed  is missing; add the day Ada Fixture checked the post, like `lastReviewed: 2026-11-27`',
    ]);
  });

  it('passes a recent review by a licensed author, and asks again once it is older than the limit', () => {
    expect(run(research('\nreviewedBy: rita\nlastReviewed: 2026-01-10'), { 'authors/rita.yaml': LICENSED })).toEqual([]);
    expect(run(research('\nreviewedBy: rita\nlastReviewed: 2025-11-01'), { 'authors/rita.yaml': LICENSED })).toEqual([
      'warning posts/2026-11-20-study.md:8  lastReviewed  2025-11-01 is 391 days ago, more than the 365 a review stays current; ask Ada Fixture to check the post again, then update the date',
    ]);
  });

  it('refuses a reviewer who is not an author and questions one without credentials', () => {
    expect(run(research('\nreviewedBy: rtia\nlastReviewed: 2026-11-10'), { 'authors/rita.yaml': LICENSED })).toEqual([
      'error posts/2026-11-20-study.md:7  reviewedBy  "rtia" is not an author. Did you mean `rita`? Known authors: ada-fixture, rita',
    ]);
    expect(run(research('\nreviewedBy: ada-fixture\nlastReviewed: 2026-11-10'))).toEqual([
      'warning posts/2026-11-20-study.md:7  reviewedBy  Ada Fixture has no `credentials:` in authors/ada-fixture.yaml; add the licence that qualifies them to review health content (type and number), or ask a licensed colleague',
    ]);
  });

  it('refuses a review date without a reviewer (schema)', () => {
    const dir = makeContent({ 'posts/2026-11-20-study.md': post(research('\nlastReviewed: 2026-11-10')) });
    expect(readContent({ contentDir: dir, root: dir, timeZone: 'America/New_York', now: NOW }).problems.map(formatProblem)).toContain(
      "posts/2026-11-20-study.md:7  lastReviewed  is set, but `reviewedBy:` is not; add the reviewer's author id, or remove `lastReviewed:`",
    );
  });
});
