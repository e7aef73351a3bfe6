/**
 * npm run bench:check -- [--posts 1000] [--runs 7]
 *
 * Generates a realistic archive (scripts/lib/bench/corpus.ts: 600 to 900 words a
 * post, headings, lists, links between posts, citations, pictures) in a
 * temporary folder and times the content check on it: as a writer runs it (a
 * new process, start-up included) and as the build runs it (in process). Prints
 * the median of several runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/bench/corpus.ts';
import { writeCorpusForCheck } from './lib/write-corpus.ts';
import { median } from './lib/bench/measure.ts';
import { readContent } from '../src/lib/content/read-content.ts';
import { site } from '../src/site.config.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const NOW = '2026-11-27T12:00:00-05:00';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' } } });
const posts = Number(values.posts);
const runs = Math.max(1, Number(values.runs));

const fmt = (xs: number[]) =>
  `median ${Math.round(median(xs))} ms (min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))})`;

const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
try {
  const corpus = generateCorpus({ posts, now: new Date(NOW) });
  writeCorpusForCheck(dir, corpus);

  const env = { ...process.env, CONTENT_DIR: dir, BLOG_NOW: NOW };
  const timeProcess = (command: string, args: string[]) =>
    Array.from({ length: runs }, () => {
      const started = performance.now();
      const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
      const ms = performance.now() - started;
      if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
      return ms;
    });

  const cli = timeProcess(process.execPath, [join(ROOT, 'scripts/check.ts')]);
  const npm = timeProcess('npm', ['run', '--silent', 'check']);
  const opts = { contentDir: dir, timeZone: site.timezone, now: new Date(NOW), site: { url: site.url, base: site.base } };
  readContent(opts); // warm-up: module compilation and the file cache, as in a build's second look
  const cpu: number[] = [];
  const inProcess = Array.from({ length: runs }, () => {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    readContent(opts);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    return performance.now() - started;
  });
  const report = readContent(opts);
  const errors = report.problems.filter((p) => p.severity === 'error').length;

  console.log(
    `Content check on ${report.posts.length} posts and ${report.authors.length} authors (${posts} generated), ${runs} runs each:`,
  );
  console.log(`  node scripts/check.ts (a new process, start-up included)  ${fmt(cli)}`);
  console.log(`  npm run check (the same, plus npm's own start-up)         ${fmt(npm)}`);
  console.log(`  readContent() inside one process (as the build runs it)   ${fmt(inProcess)}`);
  // CPU time barely depends on what else the machine is doing; wall time above does.
  console.log(`  the same, CPU time                                          ${fmt(cpu)}`);
  console.log(`  found ${errors} errors and ${report.problems.length - errors} warnings`);
  if (errors) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
