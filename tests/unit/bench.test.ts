import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/bench/corpus.ts';
import { writeCorpusForCheck } from '../../scripts/lib/write-corpus.ts';
import {
  buildPhases,
  cpuSecondsFromTime,
  durationMs,
  formatGoals,
  formatTable,
  goalText,
  goalsAt,
  GOALS_AT_1000,
  imageTimings,
  median,
  memoryBudgetMB,
  pageAssets,
  parseOgBench,
  peakRssFromTime,
  routeKind,
  routeOutcomes,
  routeTimings,
  summariseKinds,
} from '../../scripts/lib/bench/measure.ts';
import { groupOf, summarisePhases, summariseProfile, type CpuProfile } from '../../scripts/lib/bench/profile.ts';
import { differingFiles } from '../../scripts/lib/bench/same-site.ts';
import { readContent } from '../../src/lib/content/read-content.ts';
import { site } from '../../src/site.config.ts';

const NOW = new Date('2026-11-27T17:00:00Z');

describe('the benchmark archive', () => {
  const corpus = generateCorpus({ posts: 120, now: NOW, imageEvery: 20 });
  const posts = corpus.files.filter((f) => f.path.startsWith('posts/'));
  const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the same for the same seed and different for another', () => {
    expect(generateCorpus({ posts: 120, now: NOW, imageEvery: 20 }).files).toEqual(corpus.files);
    expect(generateCorpus({ posts: 120, now: NOW, imageEvery: 20, seed: 7 }).files).not.toEqual(corpus.files);
  });

  it('has N public posts of 600 to 900 words, plus one draft and one scheduled post', () => {
    expect(corpus.slugs).toHaveLength(120);
    expect(new Set(corpus.slugs).size).toBe(120);
    expect(posts).toHaveLength(122);
    expect(Math.min(...corpus.words)).toBeGreaterThanOrEqual(600);
    expect(Math.max(...corpus.words)).toBeLessThanOrEqual(900);
    expect(posts.filter((p) => p.text.includes('\ndraft: true\n'))).toHaveLength(1);
  });

  it('has headings, lists, links to older posts, citations, tags and a few pictures', () => {
    const all = posts.map((p) => p.text).join('\n');
    expect(all).toMatch(/^## /m);
    expect(all).toMatch(/^(- |1\. )/m);
    expect(posts.filter((p) => p.text.includes('citations:')).length).toBeGreaterThan(10);
    expect(corpus.images.length).toBeGreaterThan(0);
    expect(corpus.images.length).toBeLessThan(posts.length / 5);
    for (const [i, slug] of corpus.slugs.entries()) {
      const text = posts.find((p) => p.path.endsWith(`-${slug}.md`))!.text;
      for (const [, target] of text.matchAll(/\]\(\.\.\/([^/]+)\/\)/g)) {
        expect(corpus.slugs.indexOf(target!)).toBeGreaterThan(i);
      }
    }
  });

  it('passes the content check without a single problem, so it measures a clean archive', () => {
    writeCorpusForCheck(dir, corpus);
    const report = readContent({ contentDir: dir, timeZone: site.timezone, now: NOW, site: { url: site.url, base: '/' } });
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.message}`)).toEqual([]);
    expect(report.posts).toHaveLength(122);
  });
});

describe('reading measurements', () => {
  const log = [
    '\u001b[2m10:00:01\u001b[22m   ├─ /posts/a/index.html (+4ms) ',
    '10:00:01   ├─ /og/posts/a.png (+120ms) ',
    '10:00:01   ├─ /og/posts/b.png (+1.5s) ',
    '10:00:01   ├─ /rss.xml (+9ms) ',
    '10:00:01   └─ /api/v1/posts.json (+2ms) ',
    '10:00:02   ▶ /_astro/hero.abc.avif (before: 50kB, after: 8kB) (+4.84s) (1/2)',
    '10:00:02   ▶ /_astro/hero.abc.webp (reused cache entry) (+3ms) (2/2)',
  ].join('\n');

  it('reads per-route and per-picture times from the build log', () => {
    expect(routeTimings(log).map((t) => [t.route, t.ms, t.kind])).toEqual([
      ['/posts/a/index.html', 4, 'page'],
      ['/og/posts/a.png', 120, 'og'],
      ['/og/posts/b.png', 1500, 'og'],
      ['/rss.xml', 9, 'feed'],
      ['/api/v1/posts.json', 2, 'api'],
    ]);
    expect(imageTimings(log)).toEqual([4840, 3]);
    const kinds = summariseKinds(routeTimings(log));
    expect(kinds.og).toEqual({ count: 2, totalMs: 1620, medianMs: 810 });
    expect(kinds.other.count).toBe(0);
  });

  it('tells routes an incremental build copied from routes it rendered, also when concurrent routes share a line', () => {
    const incremental = [
      '\u001b[32m11:56:50\u001b[39m   ├─ /404.html11:56:50   ├─ /api/v1/posts/2026.json11:56:50   ├─ /api/v1/openapi.json (+20ms) ',
      ' (+19ms) ',
      '11:56:50   ├─ /posts/a/index.html \u001b[32m(restored)\u001b[39m',
      '11:56:50   ├─ /archive/2026/11/index.html (cached)',
      '11:56:50   └─ /rss.xml (+4ms) ',
    ].join('\n');
    expect(routeOutcomes(incremental)).toEqual({
      reused: ['/posts/a/index.html', '/archive/2026/11/index.html'],
      rendered: ['/404.html', '/api/v1/posts/2026.json', '/api/v1/openapi.json', '/rss.xml'],
    });
  });

  it('classifies routes', () => {
    expect(routeKind('/feed.json')).toBe('feed');
    expect(routeKind('/sitemap-0.xml')).toBe('feed');
    expect(routeKind('/api/v1/posts/2.json')).toBe('api');
    expect(routeKind('/robots.txt')).toBe('other');
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('reads peak memory and CPU time from GNU time', () => {
    const report = '\tUser time (seconds): 20.50\n\tSystem time (seconds): 1.25\n\tMaximum resident set size (kbytes): 900780\n';
    expect(peakRssFromTime(report)).toBe(900780 * 1024);
    expect(cpuSecondsFromTime(report)).toBe(21.75);
    expect(peakRssFromTime('nothing')).toBeUndefined();
  });

  it('lists the stylesheets and scripts a page loads, not icons or feeds', () => {
    const html = `<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/a.css">
      <link rel=modulepreload href=/_astro/m.js><link rel="alternate" href="/rss.xml">
      <script type="module" src="/_astro/s.js"></script><script>inline()</script>`;
    expect(pageAssets(html)).toEqual(['/_astro/a.css', '/_astro/m.js', '/_astro/s.js']);
  });

  it('shows goals as met or missed', () => {
    const cold = GOALS_AT_1000.find((g) => g.metric === 'coldBuildS')!;
    expect(goalText(cold, 29)).toBe('≤ 30 s met');
    expect(goalText(cold, 31)).toBe('≤ 30 s MISSED');
    expect(goalText(cold, undefined)).toContain('not measured');
    expect(formatTable('t', [{ label: 'cold', value: '1.0 s', goal: 'x' }])).toMatch(/^cold\s+1\.0 s {2}x$/m);
  });

  it('has the goals of issue 20 at 10,000 posts and none at sizes without goals', () => {
    expect(goalsAt(10000).map((g) => [g.metric, g.max])).toEqual([
      ['coldBuildS', 300],
      ['warmBuildS', 30],
      ['peakMemoryMB', 3072],
    ]);
    expect(goalsAt(1000).find((g) => g.metric === 'warmBuildS')?.max).toBe(5);
    expect(goalsAt(5000)).toEqual([]);
  });

  it('prints each goal with its figure, the load it was measured under and the verdict, in columns', () => {
    const table = formatGoals('Goals', [
      { goal: 'cold build', measured: '212.0 s wall, 340.0 s CPU', load: '3.1 → 4.0', verdict: '≤ 300 s met' },
      { goal: 'peak memory', measured: '3500 MB', load: '2.0 → 2.5', verdict: '≤ 3072 MB MISSED' },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toBe('Goals');
    expect(lines[3]).toMatch(/^cold build\s+212\.0 s wall, 340\.0 s CPU {2}3\.1 → 4\.0\s+≤ 300 s met$/);
    // Columns line up: every verdict starts at the same place.
    expect(
      new Set(
        lines
          .slice(1)
          .filter((l) => !l.startsWith('-'))
          .map((l) => l.search(/target|≤/)),
      ).size,
    ).toBe(1);
  });

  it('allows 3 GB at 10,000 posts and in proportion above, and 2 GB for smaller archives', () => {
    expect(memoryBudgetMB(10000)).toBe(3072);
    expect(memoryBudgetMB(20000)).toBe(6144);
    expect(memoryBudgetMB(1000)).toBe(2048);
    expect(memoryBudgetMB(100)).toBe(2048);
  });
});

describe('comparing two built sites', () => {
  const root = mkdtempSync(join(tmpdir(), 'same-site-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const site = (name: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, name, path, '..'), { recursive: true });
      writeFileSync(join(root, name, path), text);
    }
    return join(root, name);
  };

  it('finds nothing between identical sites, and names a file that differs, is missing or is extra', () => {
    const a = site('a', { 'index.html': 'home', 'posts/x/index.html': 'x', 'og/x.png': 'png' });
    const same = site('same', { 'index.html': 'home', 'posts/x/index.html': 'x', 'og/x.png': 'png' });
    const other = site('other', { 'index.html': 'home!', 'posts/x/index.html': 'x', 'posts/y/index.html': 'y' });
    expect(differingFiles(a, same)).toEqual([]);
    expect(differingFiles(a, other)).toEqual([
      'differs: index.html',
      'only in the incremental build: og/x.png',
      'only in the build from scratch: posts/y/index.html',
    ]);
  });
});

describe('CPU profiles', () => {
  it('sums self time by package and by function', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('encode', 'file:///p/node_modules/sharp/lib/output.js') },
        { id: 3, callFrame: frame('render', 'file:///p/src/lib/og/render.ts') },
        { id: 4, callFrame: frame('(garbage collector)', '') },
      ],
      samples: [2, 2, 3, 4, 2],
      timeDeltas: [1000, 1000, 2000, 500, 1000],
      startTime: 0,
      endTime: 5500,
    };
    const summary = summariseProfile(profile);
    expect(summary.totalMs).toBe(5.5);
    expect(summary.byGroup.map((g) => [g.name, g.ms])).toEqual([
      ['sharp', 3],
      ['src/lib', 2],
      ['(garbage collector)', 0.5],
    ]);
    expect(summary.byFunction[0]!.name).toBe('encode sharp/output.js:1');
  });

  it('sums time by step of the build, from the innermost frame that belongs to one', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 5, 7, 8] },
        // Route rendering calls into a bundled chunk that writes a file: all of it is rendering.
        { id: 2, callFrame: frame('generatePages', 'file:///p/node_modules/astro/dist/core/build/generate.js'), children: [3] },
        { id: 3, callFrame: frame('renderPage', 'file:///p/dist/.prerender/chunks/page.mjs'), children: [4] },
        { id: 4, callFrame: frame('writeFile', 'node:fs/promises') },
        // The search index continues after an await with only its own code on the stack.
        { id: 5, callFrame: frame('writeSearchIndex', 'file:///p/src/integrations/steps/search-index.ts'), children: [6] },
        { id: 6, callFrame: frame('readFile', 'node:fs/promises') },
        { id: 7, callFrame: frame('(idle)', '') },
        { id: 8, callFrame: frame('loadModule', 'node:internal/modules/esm/loader') },
      ],
      samples: [4, 4, 3, 6, 7, 8],
      timeDeltas: [1000, 1000, 1000, 2000, 4000, 500],
      startTime: 0,
      endTime: 9500,
    };
    expect(summarisePhases(profile).map((p) => [p.name, p.ms])).toEqual([
      ['(idle)', 4],
      ['rendering routes', 3],
      ['search index', 2],
      ['start-up, writes finishing after an await, the rest', 0.5],
    ]);
  });

  it('names the package of nested and scoped modules', () => {
    expect(groupOf('file:///p/node_modules/@astrojs/mdx/dist/index.js', 'x')).toBe('@astrojs/mdx');
    expect(groupOf('file:///p/node_modules/astro/node_modules/vite/dist/a.js', 'x')).toBe('vite');
    expect(groupOf('node:internal/fs', 'x')).toBe('node (built-in modules)');
    expect(groupOf('', '(program)')).toBe('(program)');
  });
});

describe('build phases', () => {
  it('reads Astro durations and the phases of a build log', () => {
    expect(durationMs('1m 10s')).toBe(70_000);
    expect(durationMs('14.77s')).toBe(14_770);
    expect(durationMs('286ms')).toBe(286);
    const log = [
      ' generating static routes ',
      '10:00:01   ├─ /index.html (+3ms) ',
      '10:00:30 ✓ Completed in 1m 10s.',
      ' generating optimized images ',
      '10:01:10 ✓ Completed in 40.12s.',
      '10:01:10 [build] ✓ Completed in 1m 52s.',
      '10:01:16 [build] 1171 page(s) built in 2m 2s',
    ].join('\n');
    expect(buildPhases(log)).toEqual({ routesMs: 70_000, picturesMs: 40_120, totalMs: 122_000 });
    expect(buildPhases('nothing')).toEqual({});
  });
});

describe('the Open Graph benchmark output', () => {
  it('reads the cold and cached figures', () => {
    const out = `  pass       per image (median)   wall / image    CPU / image   total      rendered   from cache
  cold                  26.7 ms        14.2 ms        24.7 ms     2.84 s        200            0
  cached                0.36 ms        0.20 ms        0.21 ms     0.04 s          0          200

  cold draw time per card on its thread (satori + sharp): median 24.9 ms, p90 39.0 ms`;
    expect(parseOgBench(out)).toEqual({ cpuPerImageMs: 24.7, totalS: 2.84, cachedMedianMs: 0.36, drawMedianMs: 24.9 });
    expect(parseOgBench('something else')).toEqual({});
  });
});
