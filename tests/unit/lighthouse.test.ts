import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from 'lighthouse';
import { chromiumFlags } from '../../scripts/lib/lighthouse/chrome.ts';
import { startGuard } from '../../scripts/lib/chromium.ts';
import { auditTargets } from '../../scripts/lib/lighthouse/pages.ts';
import { formatTable, shortfalls, summarise, type PageScores } from '../../scripts/lib/lighthouse/scores.ts';

/** The parts of a Lighthouse result that summarise reads, written by hand. */
const lhr = {
  finalDisplayedUrl: 'http://127.0.0.1:4321/posts/a/',
  categories: {
    performance: { score: 0.975, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }] },
    accessibility: {
      score: 0.93,
      auditRefs: [
        { id: 'image-alt', weight: 10 },
        { id: 'html-has-lang', weight: 7 },
        { id: 'bypass', weight: 0 },
        { id: 'video-caption', weight: 10 },
      ],
    },
    seo: { score: null, auditRefs: [] },
  },
  audits: {
    'largest-contentful-paint': { title: 'Largest Contentful Paint', score: 0.96, displayValue: '2.6 s' },
    'image-alt': { title: 'Image elements have [alt] attributes', score: 0 },
    'html-has-lang': { title: '<html> element has a [lang] attribute', score: 1 },
    bypass: { title: 'The page contains a heading, skip link, or landmark region', score: 0 },
    'video-caption': { title: '<video> elements contain a <track> element', score: null },
    'network-requests': {
      title: 'Network Requests',
      score: null,
      details: {
        type: 'table',
        items: [
          { url: 'http://127.0.0.1:4321/posts/a/' },
          { url: 'http://127.0.0.1:4321/_astro/site.css' },
          { url: 'data:image/png;base64,AAAA' },
          { url: 'https://fonts.example.com/lora.woff2' },
        ],
      },
    },
  },
} as unknown as Result;

describe('summarise', () => {
  const result = summarise(lhr, 'post', 'posts/a/', 'mobile');

  it('gives the category scores as the report shows them, and leaves out one Lighthouse could not score', () => {
    expect(result.measured).toEqual(['performance', 'accessibility', 'seo']);
    expect(result.scores).toEqual({ performance: 98, accessibility: 93 });
  });

  it('lists the weighted audits that did not score full marks', () => {
    expect(result.lost.accessibility).toEqual([
      { id: 'image-alt', title: 'Image elements have [alt] attributes', score: 0, value: undefined },
    ]);
    expect(result.lost.performance).toEqual([
      { id: 'largest-contentful-paint', title: 'Largest Contentful Paint', score: 96, value: '2.6 s' },
    ]);
  });

  it('lists what the page loaded from other sites', () => {
    expect(result.offsite).toEqual(['https://fonts.example.com/lora.woff2']);
  });
});

const page = (preset: PageScores['preset'], scores: PageScores['scores'], measured = Object.keys(scores)): PageScores =>
  ({ page: 'home', path: '', preset, measured, scores, lost: {}, offsite: [] }) as PageScores;

describe('shortfalls', () => {
  it('allows 98 for performance on mobile, and nothing under 100 anywhere else', () => {
    const found = shortfalls([
      page('mobile', { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 }),
      page('mobile', { performance: 97, accessibility: 99 }),
      page('desktop', { performance: 99, seo: 100 }),
    ]);
    expect(found.map((s) => `${s.result.preset} ${s.category} ${s.score}/${s.budget}`)).toEqual([
      'mobile performance 97/98',
      'mobile accessibility 99/100',
      'desktop performance 99/100',
    ]);
  });

  it('counts a measured category without a score as short, and ignores one not measured', () => {
    const found = shortfalls([page('desktop', { accessibility: 100 }, ['accessibility', 'seo'])]);
    expect(found.map((s) => [s.category, s.score])).toEqual([['seo', undefined]]);
  });
});

describe('formatTable', () => {
  it('marks scores under budget and categories not measured', () => {
    const table = formatTable([
      page('mobile', { performance: 97, accessibility: 100, 'best-practices': 100, seo: 100 }),
      { ...page('desktop', { accessibility: 100 }, ['accessibility', 'seo']), page: '404' },
    ]);
    expect(table).toBe(
      [
        'page  preset   performance    accessibility    best practices    SEO',
        'home  mobile            97 !            100               100    100',
        '404   desktop            -              100                 -      ? !',
      ].join('\n'),
    );
  });
});

describe('chromiumFlags', () => {
  it('gives Chromium one --disable-features with chrome-launcher’s list and ours, and the guard as proxy', () => {
    const flags = chromiumFlags(4567);
    const features = flags.filter((f) => f.startsWith('--disable-features='));
    expect(features).toHaveLength(1);
    expect(features[0]!.split('=')[1]!.split(',')).toEqual(expect.arrayContaining(['Translate', 'NetworkTimeServiceQuerying']));
    expect(flags).toEqual(
      expect.arrayContaining(['--headless', '--no-sandbox', '--disable-background-networking', '--proxy-server=http://127.0.0.1:4567']),
    );
  });
});

describe('the guard Chromium uses as its proxy', () => {
  it('refuses plain and tunnelled requests alike, and notes where each was going', async () => {
    const guard = await startGuard();
    try {
      const status = await new Promise<number | undefined>((ok, fail) => {
        request({ host: '127.0.0.1', port: guard.port, path: 'http://updates.example.com/check?v=1' }, (res) => {
          res.resume();
          ok(res.statusCode);
        })
          .on('error', fail)
          .end();
      });
      expect(status).toBe(403);
      const answer = await new Promise<string>((ok, fail) => {
        const socket = connect(guard.port, '127.0.0.1', () =>
          socket.write('CONNECT accounts.example.com:443 HTTP/1.1\r\nHost: accounts.example.com:443\r\n\r\n'),
        );
        let text = '';
        socket
          .on('data', (chunk) => (text += chunk))
          .on('end', () => ok(text))
          .on('error', fail);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 403/);
      expect(guard.seen).toEqual(['updates.example.com:80', 'accounts.example.com:443']);
    } finally {
      guard.server.close();
    }
  });
});

describe('auditTargets', () => {
  let dist: string;
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  function build(files: Record<string, string>): string {
    dist = mkdtempSync(join(tmpdir(), 'lighthouse-targets-'));
    for (const [path, html] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), html);
    }
    return dist;
  }

  it('takes the first real post the home page links to, the first tag that post links to, and 404.html', () => {
    const dir = build({
      'index.html': '<a href="/blog/tags/">Topics</a><a href="/blog/posts/old-name/">Old</a><a href="/blog/posts/new/">New</a>',
      'posts/old-name/index.html': '<meta http-equiv="refresh" content="0; url=/blog/posts/new/">',
      'posts/new/index.html': '<a href="/blog/tags/">All</a><a href="/blog/tags/stretching/">#stretching</a>',
      'tags/stretching/index.html': 'stretching',
      '404.html': 'not found',
    });
    expect(auditTargets(dir, '/blog/').map((t) => [t.name, t.path])).toEqual([
      ['home', ''],
      ['post', 'posts/new/'],
      ['tag', 'tags/stretching/'],
      ['404', '404.html'],
    ]);
  });

  it('takes the post and tag it is given, and names what the build lacks', () => {
    const dir = build({
      'index.html': '<a href="/posts/a/">A</a>',
      'posts/a/index.html': '<a href="/tags/x/">x</a>',
      'posts/b/index.html': 'B',
      'tags/x/index.html': 'x',
      'tags/y/index.html': 'y',
    });
    expect(() => auditTargets(dir, '/')).toThrow(/no 404\.html/);
    writeFileSync(join(dir, '404.html'), 'not found');
    expect(auditTargets(dir, '/', { post: 'b', tag: 'y' }).map((t) => t.path)).toEqual(['', 'posts/b/', 'tags/y/', '404.html']);
    expect(() => auditTargets(dir, '/', { post: 'c' })).toThrow(/no post page posts\/c\//);
  });
});
