/**
 * Issue 17: posts brought in by the import keep their old addresses. The
 * Wix-style feed and the Atom feed of tests/fixtures/import/site/ are imported
 * (from a loopback server, as tests/unit/import.test.ts does) into a content
 * folder of their own, which is built once; every old address of a public
 * imported post must then be a redirect page to its new address, a rule in
 * `_redirects` and an entry of the API's redirect map, and the draft the
 * import held back must forward nothing.
 *
 * Every expected address is written by hand from the fixture feeds: the Wix
 * posts lived at /post/<slug>, the Atom ones at /journal/<slug>.html.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer } from '../../scripts/lib/fixture-server.ts';
import { createFetcher } from '../../src/lib/import/fetcher.ts';
import { importPosts, type ImportOptions, type ImportReport } from '../../src/lib/import/run.ts';
import { buildSite } from '../support/build-site.ts';
import { readDist } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW, OUT } from '../support/paths.ts';
import { FIXTURE_SETTINGS } from '../support/sites.ts';

const SITE_DIR = join(FIXTURES, 'import/site');
const SITE = { url: 'https://www.myrituals.me', base: '/', title: 'Wellness Rituals', timezone: 'America/New_York' };
const LAUREN = 'name: Lauren Walker\nrole: Wellness Rituals team\nbio: Lauren writes the Wellness Rituals blog for our clients.\n';

/** Old address → new address of each public imported post. */
const MOVED: [from: string, to: string][] = [
  ['/journal/desk-breaks.html', '/posts/desk-breaks/'],
  ['/journal/hamstring-stretches.html', '/posts/hamstring-stretches/'],
  ['/post/massage-after-exercise', '/posts/massage-after-exercise/'],
  ['/post/thai-yoga-massage-basics', '/posts/thai-yoga-massage-basics/'],
];
/** The redirect page for each, in the build output. */
const PAGES: Record<string, string> = {
  '/journal/desk-breaks.html': 'journal/desk-breaks.html',
  '/journal/hamstring-stretches.html': 'journal/hamstring-stretches.html',
  '/post/massage-after-exercise': 'post/massage-after-exercise/index.html',
  '/post/thai-yoga-massage-basics': 'post/thai-yoga-massage-basics/index.html',
};

const rows = (report: ImportReport) => report.rows.map((r) => `${r.status}${r.draft ? ' (draft)' : ''} ${r.file ?? r.source}`);

/** Every file of the folder, names and bytes: the build is reused while the imported content is the same. */
function contentHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) hash.update(relative(dir, file)).update(readFileSync(file));
  return hash.digest('hex');
}

describe('an imported blog, built', () => {
  const contentDir = join(OUT, 'imported-content');
  let dir: string;
  const imports: string[][] = [];

  beforeAll(async () => {
    rmSync(contentDir, { recursive: true, force: true });
    mkdirSync(join(contentDir, 'authors'), { recursive: true });
    writeFileSync(join(contentDir, 'authors/lauren-walker.yaml'), LAUREN);
    const server = await startFixtureServer(SITE_DIR);
    try {
      const run = (source: string): Promise<ImportReport> =>
        importPosts({
          source,
          contentDir,
          root: contentDir,
          site: SITE,
          now: new Date(FIXTURE_NOW),
          fetcher: createFetcher({ userAgent: 'Wellness Rituals blog import (test)' }),
        } satisfies ImportOptions);
      imports.push(rows(await run(`${server.origin}/blog-feed.xml`)));
      // The Atom feed as a file, as people pass an export they downloaded.
      const atom = join(mkdtempSync(join(tmpdir(), 'import-atom-')), 'atom.xml');
      writeFileSync(atom, readFileSync(join(SITE_DIR, 'journal/atom.xml'), 'utf8').replaceAll('{{origin}}', server.origin));
      imports.push(rows(await run(atom)));
    } finally {
      await server.close();
    }
    const result = buildSite({
      name: 'imported',
      contentDir,
      now: FIXTURE_NOW,
      env: { SITE_SETTINGS_FILE: FIXTURE_SETTINGS, CONTENT_HASH: contentHash(contentDir) },
    });
    if (!result.ok) throw new Error(`The imported blog failed to build:\n${result.output}`);
    dir = result.outDir;
  }, 180_000);

  it("imported what the fixture feeds hold (the feeds' own test checks the files)", () => {
    expect(imports).toEqual([
      [
        'created posts/2025-06-10-massage-after-exercise.md',
        'created posts/2025-06-02-thai-yoga-massage-basics.md',
        expect.stringMatching(/^failed http:\/\/127\.0\.0\.1:\d+\/post\/stretching-myths$/),
        'created (draft) posts/2025-05-21-table-top-stretch.md',
        expect.stringMatching(/^failed http:\/\/127\.0\.0\.1:\d+\/post\/studio-news$/),
      ],
      ['created posts/2025-09-15-hamstring-stretches.md', 'created posts/2025-09-01-desk-breaks.md'],
    ]);
  });

  it("serves each old address as a page that forwards to the post's new address", () => {
    for (const [from, to] of MOVED) {
      const page = readDist(dir, PAGES[from]!);
      expect(page, from).toContain(`<meta http-equiv="refresh" content="0; url=https://www.myrituals.me${to}">`);
      expect(page, from).toContain(`<link rel="canonical" href="https://www.myrituals.me${to}">`);
      expect(page, from).toContain('<meta name="robots" content="noindex">');
    }
  });

  it('has the post at each new address', () => {
    const titles: Record<string, string> = {
      '/posts/desk-breaks/': 'Desk breaks that work',
      '/posts/hamstring-stretches/': 'Hamstring stretches that respect your back',
      '/posts/massage-after-exercise/': 'Massage After Exercise: More Than Relaxation—It’s Cellular Recovery',
      '/posts/thai-yoga-massage-basics/': 'Thai Yoga Massage, Explained',
    };
    for (const [, to] of MOVED) expect(readDist(dir, `${to.slice(1)}index.html`), to).toMatch(new RegExp(`<h1[^>]*>${titles[to]}</h1>`));
  });

  it('lists every old address in _redirects, with and without the final slash, and nothing else', () => {
    const rules = readDist(dir, '_redirects')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual([
      '/journal/desk-breaks.html /posts/desk-breaks/ 301!',
      '/journal/hamstring-stretches.html /posts/hamstring-stretches/ 301!',
      '/post/massage-after-exercise /posts/massage-after-exercise/ 301!',
      '/post/massage-after-exercise/ /posts/massage-after-exercise/ 301!',
      '/post/thai-yoga-massage-basics /posts/thai-yoga-massage-basics/ 301!',
      '/post/thai-yoga-massage-basics/ /posts/thai-yoga-massage-basics/ 301!',
    ]);
  });

  it('gives the same map in the API', () => {
    expect(JSON.parse(readDist(dir, 'api/v1/redirects.json'))).toEqual({
      count: 4,
      redirects: [
        { from: '/journal/desk-breaks.html', to: 'https://www.myrituals.me/posts/desk-breaks/', status: 301 },
        { from: '/journal/hamstring-stretches.html', to: 'https://www.myrituals.me/posts/hamstring-stretches/', status: 301 },
        { from: '/post/massage-after-exercise', to: 'https://www.myrituals.me/posts/massage-after-exercise/', status: 301 },
        { from: '/post/thai-yoga-massage-basics', to: 'https://www.myrituals.me/posts/thai-yoga-massage-basics/', status: 301 },
      ],
    });
  });

  it('forwards nothing to the post the import held as a draft', () => {
    expect(existsSync(join(dir, 'post/table-top-stretch'))).toBe(false);
    expect(existsSync(join(dir, 'posts/table-top-stretch'))).toBe(false);
  });
});
