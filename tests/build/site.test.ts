import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { allText, listDist, readDist, readerPages, siteDir } from '../support/dist.ts';
import { FIXTURES, FIXTURE_NOW } from '../support/paths.ts';

const PUBLIC_SLUGS = [
  'fixture-massage-study',
  'fixture-mdx-post',
  'fixture-hero-image',
  'custom-slug-fixture',
  ...Array.from({ length: 10 }, (_, i) => `archive-filler-${String(i + 1).padStart(2, '0')}`),
];
const NEVER = ['DRAFTMARKER', 'FUTUREMARKER', 'LATERTODAYMARKER', 'draftonlytag', 'futureonlytag'];

/** Every href and src in an HTML page. */
function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));
}

describe('the fixture site', () => {
  const dir = siteDir('site');
  const files = listDist(dir);

  it('has a page for every public post, the home pages, tags, authors and a 404', () => {
    for (const slug of PUBLIC_SLUGS) expect(files).toContain(`posts/${slug}/index.html`);
    expect(files.filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))).toHaveLength(PUBLIC_SLUGS.length);
    for (const page of [
      'index.html',
      'page/2/index.html',
      '404.html',
      'book/index.html',
      'tags/index.html',
      'tags/recovery/index.html',
      'authors/index.html',
      'authors/ada-fixture/index.html',
      'authors/ben-sample/index.html',
      'favicon.ico',
      'favicon.svg',
    ]) {
      expect(files).toContain(page);
    }
  });

  it('never contains a draft, a future post or one scheduled for later today', () => {
    const text = allText(dir);
    for (const marker of NEVER) expect(text, marker).not.toContain(marker);
    expect(files.some((f) => /draft-fixture|future-fixture|later-today|draftonlytag|futureonlytag/.test(f))).toBe(false);
  });

  it('lists posts newest first, ten to a page, with links between pages', () => {
    const home = readDist(dir, 'index.html');
    const order = [...home.matchAll(/<h[23] class="card-title"><a href="\/posts\/([^/]+)\/">/g)].map((m) => m[1]);
    expect(order.slice(0, 4)).toEqual(['custom-slug-fixture', 'fixture-hero-image', 'fixture-mdx-post', 'fixture-massage-study']);
    expect(order).toHaveLength(10);
    expect(home).toContain('href="/page/2/" rel="next"');
    const second = readDist(dir, 'page/2/index.html');
    expect(second).toContain('href="/" rel="prev"');
    expect([...second.matchAll(/class="card-title"/g)]).toHaveLength(4);
  });

  it('shows a post with byline, read time, sources, booking and neighbours', () => {
    const html = readDist(dir, 'posts/fixture-massage-study/index.html');
    expect(html).toMatch(/<h1[^>]*>Fixture post with a citation<\/h1>/);
    expect(html).toContain('<a href="/authors/ada-fixture/" rel="author">Ada Fixture</a>');
    expect(html).toMatch(/<time datetime="2026-11-01T00:00:00-04:00" data-relative>November 1, 2026<\/time>/);
    expect(html).toMatch(/Updated <time datetime="2026-11-05T00:00:00-05:00">November 5, 2026<\/time>/);
    expect(html).toContain('1 min read');
    expect(html).toContain('<h2 id="sources-heading">Sources</h2>');
    expect(html).toContain('<i>Science Translational Medicine</i>, <i>4</i>(119), Article 119ra13.');
    expect(html).toContain('href="https://doi.org/10.1126/scitranslmed.3002882"');
    // The studios and services of the fixture settings (tests/fixtures/settings/site.json).
    expect(html).toContain('<p>Fixture rubdown and fixture stretch sessions in Fixture North and Fixture South.</p>');
    expect(html).toContain('href="https://booking.example.com/fixture-north"');
    expect(html).toContain('href="https://booking.example.com/fixture-south"');
    expect(html).toContain('href="sms:+15550100199"');
    expect(html).toMatch(/rel="next"[^>]*>[\s\S]*Fixture MDX post/);
    expect(html).toMatch(/rel="prev"[^>]*>[\s\S]*Archive filler post 10/);
  });

  it('links each [@key] marker to its source and each source back to the text', () => {
    const html = readDist(dir, 'posts/fixture-massage-study/index.html');
    expect(html).toContain(
      'cited below (<a href="#source-crane2012" id="cite-crane2012-1" class="citation" role="doc-biblioref">Crane et al., 2012</a>).',
    );
    expect(html).toMatch(
      /<li id="source-crane2012">Crane, J\. D\., Ogborn, D\. I\., &amp; Tarnopolsky, M\. A\. \(2012\)\.[\s\S]*?<a href="#cite-crane2012-1" class="backlink" aria-label="Back to where the text cites Crane et al\., 2012">/,
    );
    expect(html).not.toContain('[@');
    const mdx = readDist(dir, 'posts/fixture-mdx-post/index.html');
    expect(mdx).toContain(
      '(see <a href="#source-weerapong2005" id="cite-weerapong2005-1" class="citation" role="doc-biblioref">Weerapong et al., 2005</a>)',
    );
    expect(mdx).toContain('<li id="source-weerapong2005">');
  });

  it('says who reviewed a research post, with their licence, and shows the disclaimer on it only', () => {
    const html = readDist(dir, 'posts/fixture-massage-study/index.html');
    const reviewed = /<p class="reviewed-by">([\s\S]*?)<\/p>/.exec(html)![1]!.replace(/\s+/g, ' ').trim();
    expect(reviewed).toBe(
      'Reviewed by <a href="/authors/ada-fixture/">Ada Fixture</a>, <abbr title="Licensed Massage Therapist, Florida Board of Massage Therapy">LMT</abbr> (licence MA00000) on <time datetime="2026-11-05T00:00:00-05:00">November 5, 2026</time>',
    );
    expect(html).toContain('<aside class="medical-disclaimer" aria-label="Medical disclaimer">');
    const mdx = readDist(dir, 'posts/fixture-mdx-post/index.html');
    expect(mdx).not.toContain('<p class="reviewed-by">');
    expect(mdx).not.toContain('<aside class="medical-disclaimer"');
  });

  it('uses the readTime override and the slug from frontmatter', () => {
    const html = readDist(dir, 'posts/custom-slug-fixture/index.html');
    expect(html).toContain('7 min read');
    expect(files).not.toContain('posts/renamed-in-file/index.html');
  });

  it('renders MDX expressions and components', () => {
    const html = readDist(dir, 'posts/fixture-mdx-post/index.html');
    expect(html).toContain('a session lasts 10 minutes');
    expect(html).toContain('<aside class="callout">A callout written in JSX.</aside>');
  });

  it('serves the hero image in modern formats with its alt text', () => {
    const html = readDist(dir, 'posts/fixture-hero-image/index.html');
    expect(html).toMatch(/<source[^>]+type="image\/avif"/);
    expect(html).toContain('alt="A green and sand coloured gradient with a pale circle"');
  });

  it('has skip link, landmarks and one h1 on every page', () => {
    for (const page of readerPages(dir)) {
      const html = readDist(dir, page);
      expect(html, page).toContain('<a class="skip-link" href="#main">');
      expect(html, page).toMatch(/<header class="site-header">[\s\S]*<main id="main"[\s\S]*<footer class="site-footer">/);
      expect(html.match(/<h1[ >]/g), page).toHaveLength(1);
      expect(html, page).toMatch(/<html lang="en-US">/);
    }
  });
});

describe('the site under a base path', () => {
  const dir = siteDir('base');

  it('keeps every internal link and asset under /blog/', () => {
    const pages = listDist(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const pageUrl = new URL(`/blog/${page.replace(/index\.html$/, '')}`, 'https://site.test');
      for (const link of links(readDist(dir, page))) {
        if (/^(https?:|mailto:|sms:|tel:|feed:|#|data:)/.test(link)) continue;
        // Relative links in Markdown are fine as long as they resolve inside the base.
        expect(new URL(link, pageUrl).pathname, `${page} links to ${link}`).toMatch(/^\/blog\//);
      }
    }
  });

  it('builds canonical URLs with the base path', () => {
    expect(readDist(dir, 'posts/fixture-mdx-post/index.html')).toContain(
      '<link rel="canonical" href="https://www.myrituals.me/blog/posts/fixture-mdx-post/">',
    );
  });
});

describe('the publishing rule', () => {
  it('ignores NODE_ENV: a build run with NODE_ENV=development still leaves drafts out', () => {
    const result = buildSite({
      name: 'node-env-development',
      contentDir: join(FIXTURES, 'content'),
      now: FIXTURE_NOW,
      env: { NODE_ENV: 'development' },
    });
    expect(result.ok, result.output).toBe(true);
    const text = allText(result.outDir);
    for (const marker of NEVER) expect(text, marker).not.toContain(marker);
  });
});

describe('a broken post', () => {
  it('fails the build naming every file, line and field in plain words', () => {
    const result = buildSite({ name: 'broken', contentDir: join(FIXTURES, 'broken'), now: FIXTURE_NOW }, { reuse: false });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Content has problems. Fix these and build again');
    expect(result.output).toMatch(
      /tests\/fixtures\/broken\/posts\/2026-11-27-bad-date\.md:5 {2}date {2}"yesterday" is not a date; write 2026-11-27 or 2026-11-27T07:00:00-05:00/,
    );
    expect(result.output).toMatch(/2026-11-27-typo-key\.md:4 {2}autor {2}is not a field here\. Did you mean `author`\?/);
    expect(result.output).toMatch(
      /2026-11-26-unknown-author\.md:4 {2}author {2}"ada-fixtrue" is not an author\. Did you mean `ada-fixture`\? Known authors: ada-fixture/,
    );
    // People get the list, not our stack.
    expect(result.output).not.toMatch(/at .*check-content\.ts/);
  });
});
