/**
 * npm run bench:import -- [--posts 500] [--concurrency 4]
 *
 * Times `npm run import` on a generated old blog served from 127.0.0.1: a
 * Wix-style RSS feed of N posts whose items carry only a summary (so every
 * post's page is fetched too), each post with a picture, two categories and a
 * link to the post before it. Imports into a temporary content folder twice:
 * the first run writes everything, the second finds nothing to change. Prints
 * wall-clock and CPU time (the loopback server runs in this process, so its
 * share is in the CPU figure) and the load average, since the machine may be
 * shared.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { startFixtureServer } from './lib/fixture-server.ts';
import { createFetcher } from '../src/lib/import/fetcher.ts';
import { importPosts, type ImportReport } from '../src/lib/import/run.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '4' } } });
const count = Math.max(1, Number(values.posts));
const concurrency = Math.max(1, Number(values.concurrency));
const NOW = new Date('2026-11-27T12:00:00-05:00');
const SITE = { url: 'https://www.myrituals.me', base: '/', title: 'Wellness Rituals', timezone: 'America/New_York' };
const TOPICS = ['Massage', 'Thai Yoga Massage', 'Stretching', 'Recovery', 'Breathing', 'Posture'];

const slugOf = (i: number) => `generated-post-${String(i).padStart(4, '0')}`;
const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000);

function paragraph(i: number, n: number): string {
  return `Paragraph ${n} of post ${i}: the studio's therapists explain one technique, when it helps, and what clients usually feel during and after a session. Short sessions can be enough when they focus on the muscles you worked hardest.`;
}

function page(origin: string, i: number): string {
  const previous = i > 0 ? `<p>Read the post before: <a href="${origin}/post/${slugOf(i - 1)}">${slugOf(i - 1)}</a>.</p>` : '';
  const body = Array.from({ length: 8 }, (_, n) => `<p dir="auto">${paragraph(i, n + 1)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post ${i}</title>
<script type="application/ld+json">{"@type":"BlogPosting","headline":"Generated post ${i}","datePublished":"${dayOf(i).toISOString()}","author":{"name":"Lauren Walker"}}</script></head>
<body><main><article><section data-hook="post-description"><div data-id="content-viewer">
<p dir="auto">Post ${i} starts with a sentence long enough to become its description in the new blog.</p>
<h2>What happens</h2>
<p><img src="${origin}/media/picture-${i}.jpg" alt="A therapist at work, picture ${i}"></p>
${body}
${previous}
</div></section></article></main></body></html>`;
}

function feed(origin: string): string {
  const items = Array.from({ length: count }, (_, i) => {
    const cats = [TOPICS[i % TOPICS.length], TOPICS[(i + 1) % TOPICS.length]].map((c) => `<category><![CDATA[${c}]]></category>`).join('');
    return `<item><title><![CDATA[Generated post ${i}]]></title><description><![CDATA[Post ${i} in a nutshell…]]></description><link>${origin}/post/${slugOf(i)}</link><guid isPermaLink="false">bench-${i}</guid>${cats}<pubDate>${dayOf(i).toUTCString()}</pubDate><dc:creator>Lauren Walker</dc:creator></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel><title>Bench blog</title><link>${origin}/blog</link>${items.join('\n')}</channel></rss>`;
}

function summarise(label: string, report: ImportReport, wallMs: number, cpuMs: number): string {
  const by = (s: string) => report.rows.filter((r) => r.status === s).length;
  const counts = `created ${by('created')}, updated ${by('updated')}, unchanged ${by('unchanged')}, kept ${by('kept')}, failed ${by('failed')}, drafts ${report.rows.filter((r) => r.draft).length}`;
  return `${label.padEnd(12)} wall ${(wallMs / 1000).toFixed(2)} s   CPU ${(cpuMs / 1000).toFixed(2)} s   (${counts})`;
}

const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8fb8a0' } })
  .jpeg({ quality: 70 })
  .toBuffer();
const server = await startFixtureServer();
server.route('/blog-feed.xml', (_req, res, origin) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin)));
for (let i = 0; i < count; i++) {
  server.route(`/post/${slugOf(i)}`, (_req, res, origin) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(origin, i)),
  );
  server.route(`/media/picture-${i}.jpg`, (_req, res) => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(picture));
}

const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
mkdirSync(join(dir, 'authors'));
writeFileSync(
  join(dir, 'authors/lauren-walker.yaml'),
  'name: Lauren Walker\nrole: Wellness Rituals team\nbio: Lauren writes the Wellness Rituals blog for our clients.\n',
);

try {
  const loadBefore = loadavg();
  const lines: string[] = [];
  for (const label of ['first run', 'second run']) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const report = await importPosts({
      source: `${server.origin}/blog-feed.xml`,
      contentDir: dir,
      root: dir,
      site: SITE,
      now: NOW,
      fetcher: createFetcher({ userAgent: 'bench-import', concurrency }),
    });
    const cpu = process.cpuUsage(cpuStart);
    const wall = performance.now() - started;
    if (report.sourceFailure) throw new Error(report.sourceFailure);
    lines.push(summarise(label, report, wall, (cpu.user + cpu.system) / 1000));
  }
  const loadAfter = loadavg();
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `Import of ${count} posts (summary-only RSS feed, a page and a picture each), ${concurrency} requests at a time, ${server.requests.length} requests served:`,
  );
  for (const line of lines) console.log(`  ${line}`);
  console.log(`  load average (1, 5, 15 min): before ${fmt(loadBefore)}, after ${fmt(loadAfter)}; ${cpus().length} cores`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
