/**
 * Incremental builds must be invisible: a rebuild that copies unchanged pages
 * from the previous build (src/data/route-keys.ts) has to produce exactly the
 * site a build from scratch produces, byte for byte, after the edits a
 * marketer's day brings: a comma added to one post's text (which must render
 * that post's own outputs again and nothing that only lists or links to it),
 * a typo fixed in one post, another post retitled
 * (other pages list it, link to it as a neighbour and as related), a new post
 * (pagination, tags and feeds shift), then an hour passing, which
 * publishes a scheduled post with no file changed at all. Then a post with
 * pictures taken back to draft: the incremental build keeps dist/ between
 * builds and removes what is no longer produced, so nothing of the withdrawn
 * post may be left behind. Last, a post with a hero picture taken back to
 * draft: its picture must leave dist/ after a warm rebuild and after a forced
 * one, which must be the same site. And in the publish workflow's hold-back
 * mode, a post that another links to breaks and is fixed: the linking page
 * shows the link as text, then as a link again.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeOutcomes } from '../../scripts/lib/bench/measure.ts';
import { astroBuild } from '../support/build-site.ts';
import { listDist } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';

const WORK = join(OUT, 'incremental');
const CONTENT = join(WORK, 'content');
const POSTS = join(CONTENT, 'posts');
const AN_HOUR_AFTER_THE_SCHEDULED_POST = '2026-11-27T19:00:00-05:00';
/** A public post with a hero picture named like nothing else, added to the copy of the fixture content. */
const WITHDRAWN_POST = '2026-11-12-withdrawn-picture-post.md';
const WITHDRAWN_PICTURE = 'withdrawn-heron-hero';

/**
 * Routes without a cache key (pages with no getStaticPaths): Astro renders
 * them in every build, whatever changed.
 */
const ALWAYS_RENDERED = [
  '/404.html',
  '/admin/config.yml',
  '/admin/index.html',
  '/index.html',
  '/archive/index.html',
  '/authors/index.html',
  '/book/index.html',
  '/search/index.html',
  '/subscribe/index.html',
  '/tags/index.html',
  '/robots.txt',
  '/rss.xml',
  '/feed.json',
  '/api/v1/authors.json',
  '/api/v1/openapi.json',
  '/api/v1/posts.json',
  '/api/v1/redirects.json',
  '/api/v1/search.json',
  '/api/v1/tags.json',
];

/** The site built incrementally, one build after another, in one folder with one cache. */
function incrementalBuild(now: string) {
  return astroBuild({ contentDir: CONTENT, now, outDir: join(WORK, 'incremental/dist'), cacheDir: join(WORK, 'incremental/cache') });
}

/** The same content built from nothing. */
function buildFromScratch(now: string) {
  rmSync(join(WORK, 'scratch'), { recursive: true, force: true });
  return astroBuild({ contentDir: CONTENT, now, outDir: join(WORK, 'scratch/dist'), cacheDir: join(WORK, 'scratch/cache') });
}

function edit(file: string, change: (text: string) => string): void {
  const path = join(POSTS, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit to ${file} changed nothing`);
  writeFileSync(path, after);
}

/** Files that differ between two builds (missing, extra or changed), at most `limit`. */
function differences(a: string, b: string, limit = 10): string[] {
  const left = listDist(a);
  const right = listDist(b);
  const out: string[] = [];
  const rightSet = new Set(right);
  for (const f of left) if (!rightSet.has(f)) out.push(`only in the incremental build: ${f}`);
  const leftSet = new Set(left);
  for (const f of right) if (!leftSet.has(f)) out.push(`only in the build from scratch: ${f}`);
  for (const f of left) {
    if (rightSet.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) out.push(`differs: ${f}`);
  }
  return out.slice(0, limit);
}

function expectOk(result: { ok: boolean; output: string }): string {
  if (!result.ok) throw new Error(`build failed:\n${result.output.slice(-3000)}`);
  return result.output;
}

describe('incremental builds', () => {
  beforeAll(() => {
    rmSync(WORK, { recursive: true, force: true });
    cpSync(join(FIXTURES, 'content'), CONTENT, { recursive: true });
    cpSync(join(FIXTURES, 'withdrawn'), POSTS, { recursive: true });
    expectOk(incrementalBuild(FIXTURE_NOW));
  }, 180_000);

  it("after a comma is added to one post's text, render only that post's own outputs and give the same site as a build from scratch", () => {
    // One comma, no word added or removed: the reading time pages show stays the same.
    edit('2026-11-01-fixture-massage-study.md', (t) =>
      t.replace('[link to another post](../fixture-mdx-post/) and a', '[link to another post](../fixture-mdx-post/), and a'),
    );

    const log = expectOk(incrementalBuild(FIXTURE_NOW));
    expectOk(buildFromScratch(FIXTURE_NOW));
    expect(differences(join(WORK, 'incremental/dist'), join(WORK, 'scratch/dist'))).toEqual([]);

    // The post's page, its API file and the keyed feeds that carry its full text (its three tags'
    // and its author's; the site's feeds have no key, so they render anyway). Not its neighbours
    // (fixture-mdx-post, which also links to it, and archive-filler-10), its related posts, its tag
    // and author pages, the later pages of the home list or the archive's year and month pages:
    // they show its title, date, description or reading time, none of which changed.
    const { rendered } = routeOutcomes(log);
    expect([...rendered].sort()).toEqual(
      [
        ...ALWAYS_RENDERED,
        '/posts/fixture-massage-study/index.html',
        '/api/v1/posts/fixture-massage-study.json',
        // The feeds of its three tags and its author: they carry its full text.
        '/tags/massage/rss.xml',
        '/tags/recovery/rss.xml',
        '/tags/research/rss.xml',
        '/authors/ada-fixture/rss.xml',
      ].sort(),
    );
  }, 180_000);

  it('after a day of edits, reuse most pages and give the same site as a build from scratch', () => {
    edit('2026-11-01-fixture-massage-study.md', (t) => t.replace('Words words words', 'Words, words, words'));
    edit('2026-10-05-archive-filler-05.md', (t) => t.replace('title: Archive filler post 05', 'title: Archive filler post five'));
    writeFileSync(
      join(POSTS, '2026-11-25-incremental-new-post.md'),
      [
        '---',
        'title: A post added after the first build',
        'description: Written for the incremental build test, it shares tags with older posts so their related posts and lists change.',
        'author: ada-fixture',
        'date: 2026-11-25',
        'tags: [massage, recovery]',
        '---',
        '',
        'A new post. It links to [the study post](../fixture-massage-study/).',
        '',
      ].join('\n'),
    );

    const log = expectOk(incrementalBuild(FIXTURE_NOW));
    expectOk(buildFromScratch(FIXTURE_NOW));
    expect(differences(join(WORK, 'incremental/dist'), join(WORK, 'scratch/dist'))).toEqual([]);

    const { reused, rendered } = routeOutcomes(log);
    // Unchanged posts are copied, not rendered; the edited one and the new one are rendered.
    // (The API lists each post's tags with their counts: this one's tag is not one the new post has.)
    expect(reused).toContain('/api/v1/posts/fixture-mdx-post.json');
    expect(rendered).toContain('/posts/fixture-massage-study/index.html');
    expect(rendered).toContain('/posts/incremental-new-post/index.html');
    // Neighbours of the retitled post show its title, so they are rendered again.
    expect(rendered).toContain('/posts/archive-filler-04/index.html');
    expect(rendered).toContain('/posts/archive-filler-06/index.html');
    // Every post page the edits do not show up on is copied: not an edited post, nor its neighbour, nor related to it.
    const untouched = ['01', '02', '03', '07', '08', '09'].map((n) => `/posts/archive-filler-${n}/index.html`);
    expect(reused).toEqual(expect.arrayContaining([...untouched, '/posts/fixture-hero-image/index.html']));
  }, 180_000);

  it('when time passes and a scheduled post comes due, publish it exactly as a build from scratch does', () => {
    const log = expectOk(incrementalBuild(AN_HOUR_AFTER_THE_SCHEDULED_POST));
    expectOk(buildFromScratch(AN_HOUR_AFTER_THE_SCHEDULED_POST));
    expect(differences(join(WORK, 'incremental/dist'), join(WORK, 'scratch/dist'))).toEqual([]);

    const { reused, rendered } = routeOutcomes(log);
    expect(rendered).toContain('/posts/later-today/index.html');
    expect(reused).toContain('/posts/archive-filler-01/index.html');
  }, 180_000);

  it('when posts with pictures go back to draft, leave nothing of them behind, exactly as a build from scratch', () => {
    const dist = join(WORK, 'incremental/dist');
    // The fixture post's hero.jpg and body.jpg, in every size and format Astro made of them.
    const pictures = () => listDist(dist).filter((f) => /^_astro\/(hero|body)\./.test(f));
    /** Files named after the other post's picture (Astro names every optimised size after its source) or mentioning it. */
    const fromPicture = (dir: string) => [
      ...listDist(dir).filter((f) => f.includes(WITHDRAWN_PICTURE)),
      ...listDist(dir).filter((f) => /\.(html|xml|json)$/.test(f) && readFileSync(join(dir, f), 'utf8').includes(WITHDRAWN_PICTURE)),
    ];
    // While the posts were public, their pictures were there: the checks below can see them.
    expect(existsSync(join(dist, 'posts/fixture-hero-image/index.html'))).toBe(true);
    expect(pictures().length).toBeGreaterThan(0);
    expect(fromPicture(dist).filter((f) => f.startsWith('_astro/')).length).toBeGreaterThan(0);
    edit('2026-11-15-fixture-hero-image.md', (t) => t.replace('author: ada-fixture\n', 'author: ada-fixture\ndraft: true\n'));
    edit(WITHDRAWN_POST, (t) => t.replace('date: 2026-11-12', 'date: 2026-11-12\ndraft: true'));

    const log = expectOk(incrementalBuild(AN_HOUR_AFTER_THE_SCHEDULED_POST));
    expectOk(buildFromScratch(AN_HOUR_AFTER_THE_SCHEDULED_POST));
    expect(differences(dist, join(WORK, 'scratch/dist'))).toEqual([]);

    // Their pages, API files and cards are gone, and so are their pictures, which no other post shows.
    for (const file of ['posts/fixture-hero-image/index.html', 'api/v1/posts/fixture-hero-image.json', 'og/posts/fixture-hero-image.png']) {
      expect(existsSync(join(dist, file)), file).toBe(false);
    }
    expect(pictures()).toEqual([]);
    expect(fromPicture(dist)).toEqual([]);
    expect(listDist(dist).filter((f) => f.includes('withdrawn'))).toEqual([]);
    // The pages that stayed were kept in place, not copied back.
    expect(routeOutcomes(log).reused).toContain('/posts/archive-filler-01/index.html');
    expect(log).toContain('previous build kept in place');
  }, 240_000);

  it('when a post another links to is held back for a slip and then fixed, the linking page follows it, exactly as a build from scratch', () => {
    // The publish workflow's mode: a post with problems is held back, the others go out.
    const holdBack = (now: string) => ({ now, env: { BLOG_HOLD_BACK: '1' } });
    const build = (now: string) => {
      const { env } = holdBack(now);
      const log = expectOk(
        astroBuild({ contentDir: CONTENT, now, env, outDir: join(WORK, 'incremental/dist'), cacheDir: join(WORK, 'incremental/cache') }),
      );
      rmSync(join(WORK, 'scratch'), { recursive: true, force: true });
      expectOk(astroBuild({ contentDir: CONTENT, now, env, outDir: join(WORK, 'scratch/dist'), cacheDir: join(WORK, 'scratch/cache') }));
      expect(differences(join(WORK, 'incremental/dist'), join(WORK, 'scratch/dist'))).toEqual([]);
      return log;
    };
    const linking = () => readFileSync(join(WORK, 'incremental/dist/posts/fixture-massage-study/index.html'), 'utf8');
    const linkToTarget = /<a href="[^"]*fixture-mdx-post\/"[^>]*>link to another post<\/a>/;
    expect(linking()).toMatch(linkToTarget);

    // A field the schema does not know: the MDX post is held back; the post linking to it goes out with the link as text.
    edit('2026-11-10-fixture-mdx-post.mdx', (t) => t.replace('author: ben-sample\n', 'author: ben-sample\ncolour: green\n'));
    expect(build(AN_HOUR_AFTER_THE_SCHEDULED_POST)).toContain('2026-11-10-fixture-mdx-post.mdx');
    expect(existsSync(join(WORK, 'incremental/dist/posts/fixture-mdx-post/index.html'))).toBe(false);
    expect(linking()).not.toMatch(linkToTarget);
    expect(linking()).toContain('link to another post');
    expect(linking()).not.toContain('fixture-mdx-post');

    // Fixed: the link comes back.
    edit('2026-11-10-fixture-mdx-post.mdx', (t) => t.replace('colour: green\n', ''));
    build(AN_HOUR_AFTER_THE_SCHEDULED_POST);
    expect(linking()).toMatch(linkToTarget);
  }, 300_000);
});
