/**
 * npm run bench -- --posts 1000 [--runs 1] [--profile] [--verify] [--image-every 50] [--keep]
 *
 * Generates a realistic archive of N posts in bench/out/posts-N/content, then
 * measures, with everything the site builds switched on: a cold build (empty
 * caches), a warm rebuild after one post changes, Open Graph images, `npm run
 * check`, the link check, pages per second, peak memory, the size of dist/ and
 * the compressed weight of a post page. Prints a table, the goals of issue 20
 * with met or missed and the machine's load average beside each figure, and
 * merges the figures into bench/results.json (one entry per archive size).
 *
 * Exits with 1 when peak memory is over the budget for the archive's size
 * (memoryBudgetMB), or, with --verify, when an incremental build differs by
 * one byte from a build from scratch (after the one-post edit, and after a
 * post with pictures is taken back to draft).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { generateCorpus, rng } from './lib/bench/corpus.ts';
import { differingFiles } from './lib/bench/same-site.ts';
import {
  CARD_CPU_GOAL,
  GROWTH_GOALS,
  buildPhases,
  cpuSecondsFromTime,
  formatBytes,
  formatGoals,
  formatTable,
  goalText,
  goalsAt,
  imageTimings,
  median,
  memoryBudgetMB,
  pageAssets,
  parseOgBench,
  peakRssFromTime,
  routeOutcomes,
  routeTimings,
  summariseKinds,
  type Goal,
  type GoalRow,
  type TableRow,
} from './lib/bench/measure.ts';
import { formatProfile, summarisePhases, summariseProfile, type CpuProfile } from './lib/bench/profile.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const NOW = '2026-11-27T12:00:00-05:00';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '1' },
    'image-every': { type: 'string', default: '50' },
    profile: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench -- --posts N [--runs K] [--profile] [--image-every M] [--keep] [--out FILE]

  --posts N        archive size (1000 and 10000 have goals; see docs/performance.md)
  --runs K         repeat the cold and the warm build K times and report medians
  --profile        also profile a cold and a warm build (node --cpu-prof) and print what dominates
  --verify         also build from scratch after the warm rebuild, and again after a post with
                   pictures goes back to draft, and require byte-identical sites (exit 1 if not)
  --skip LIST      leave out some of the slower extras: check, og, links (comma-separated)
  --image-every M  one post in M has a hero picture (default 50: "a few")
  --keep           keep bench/out/posts-N afterwards (content, dist, caches)
  --out FILE       where to merge the results (default bench/results.json)`);
  process.exit(0);
}
const posts = Number(values.posts);
const runs = Math.max(1, Number(values.runs));
const skip = new Set(
  values.skip
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
for (const name of skip) if (!['check', 'og', 'links'].includes(name)) throw new Error(`--skip takes check, og and links, not "${name}"`);
if (!Number.isInteger(posts) || posts < 1) throw new Error('--posts must be a whole number, like 1000');

const work = join(ROOT, 'bench/out', `posts-${posts}`);
const dirs = {
  project: join(work, 'project'),
  content: join(work, 'content'),
  dist: join(work, 'dist'),
  astroCache: join(work, 'astro-cache'),
  ogCache: join(work, 'og-cache'),
  logs: join(work, 'logs'),
  prof: join(work, 'cpu-profile'),
  scratchDist: join(work, 'scratch/dist'),
  scratchCache: join(work, 'scratch/astro-cache'),
};

/** Every build gets its own folders, so the benchmark never touches dist/ or the project's caches. */
const buildEnv: NodeJS.ProcessEnv = {
  ...process.env,
  CONTENT_DIR: dirs.content,
  OUT_DIR: dirs.dist,
  ASTRO_CACHE_DIR: dirs.astroCache,
  OG_CACHE_DIR: dirs.ogCache,
  BLOG_NOW: NOW,
  SITE_BASE: '/',
  ASTRO_TELEMETRY_DISABLED: '1',
};

interface Timed {
  ms: number;
  /** The machine's one-minute load average before and after: other work slows wall times. */
  load: { before: number; after: number };
  peakRss?: number;
  cpuS?: number;
  status: number | null;
  output: string;
}

const hasGnuTime = existsSync('/usr/bin/time');

/**
 * Builds run in a copy of the project (node_modules linked, not copied): Astro
 * keeps generated modules in <root>/.astro/, which every build in a checkout
 * shares, so a build running there at the same time (a test run) would swap
 * the benchmark's content modules for its own.
 */
function copyProject(): void {
  const skip = new Set(['node_modules', '.git', 'dist', 'bench', 'tests', 'content', '.astro', '.cache', 'coverage', '.github', '.ci']);
  rmSync(dirs.project, { recursive: true, force: true });
  mkdirSync(dirs.project, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (!skip.has(entry) && !entry.endsWith('.log')) cpSync(join(ROOT, entry), join(dirs.project, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dirs.project, 'node_modules'), 'dir');
}

/** Runs a command, timing it and (with GNU time) reading the peak memory of its largest process. */
function timed(name: string, command: string, args: string[], cwd = ROOT, env = buildEnv): Timed {
  mkdirSync(dirs.logs, { recursive: true });
  const timeFile = join(dirs.logs, `${name}.time`);
  const [cmd, cmdArgs] = hasGnuTime ? ['/usr/bin/time', ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const result = spawnSync(cmd, cmdArgs, { cwd, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  writeFileSync(join(dirs.logs, `${name}.log`), output);
  const out: Timed = { ms, load: { before: loadBefore, after: loadavg()[0]! }, status: result.status, output };
  const report = hasGnuTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  const rss = peakRssFromTime(report);
  const cpu = cpuSecondsFromTime(report);
  if (rss !== undefined) out.peakRss = rss;
  if (cpu !== undefined) out.cpuS = cpu;
  return out;
}

const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');

function build(name: string, extraNodeArgs: string[] = [], env = buildEnv): Timed {
  const result = timed(name, process.execPath, [...extraNodeArgs, astro, 'build'], dirs.project, env);
  if (result.status !== 0) {
    console.error(result.output.slice(-4000));
    throw new Error(`${name} failed (exit ${result.status}); full log in ${relative(ROOT, join(dirs.logs, `${name}.log`))}`);
  }
  return result;
}

function clearBuild(): void {
  for (const dir of [dirs.dist, dirs.astroCache, dirs.ogCache, join(dirs.project, '.astro')]) rmSync(dir, { recursive: true, force: true });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** A photo-like picture: a few random colours blown up smoothly, different for every seed. */
async function writePicture(path: string, seed: number): Promise<void> {
  const r = rng(seed);
  const [w, h] = [16, 11];
  const raw = Buffer.alloc(w * h * 3);
  const tint = [r() * 80, r() * 60, r() * 40];
  for (let i = 0; i < raw.length; i++) raw[i] = Math.min(255, 120 + tint[i % 3]! + r() * 90);
  mkdirSync(dirname(path), { recursive: true });
  await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .resize(1600, 1067, { kernel: 'cubic' })
    .blur(3)
    .jpeg({ quality: 82 })
    .toFile(path);
}

async function generate(): Promise<{ slugs: string[]; words: number[] }> {
  rmSync(dirs.content, { recursive: true, force: true });
  const corpus = generateCorpus({ posts, now: new Date(NOW), imageEvery: Number(values['image-every']) });
  for (const file of corpus.files) {
    const path = join(dirs.content, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  for (const image of corpus.images) await writePicture(join(dirs.content, image.path), image.seed);
  return corpus;
}

/**
 * The same content built from nothing, in folders of its own (the cards' cache is
 * shared: a card is keyed by everything it shows), to compare with the kept dist/.
 */
function buildFromScratch(name: string): Timed {
  for (const dir of [dirs.scratchDist, dirs.scratchCache]) rmSync(dir, { recursive: true, force: true });
  return build(name, [], { ...buildEnv, OUT_DIR: dirs.scratchDist, ASTRO_CACHE_DIR: dirs.scratchCache });
}

/**
 * Takes a post with a hero picture back to draft; returns its slug. Only a post
 * no other post links to: a live post linking to a draft is an error that
 * stops the build, as it should.
 */
function draftPostWithPicture(): string {
  const postsDir = join(dirs.content, 'posts');
  const files = readdirSync(postsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const texts = new Map(files.map((f) => [f, readFileSync(join(postsDir, f), 'utf8')]));
  const linked = new Set([...texts.values()].flatMap((text) => [...text.matchAll(/\]\(\.\.\/([a-z0-9-]+)\//g)].map((m) => m[1]!)));
  const file = files.find((f) => /^image:/m.test(texts.get(f)!) && !linked.has(corpusSlug(f)));
  if (!file) throw new Error('the archive has no post with a picture that no other post links to (see --image-every)');
  writeFileSync(join(postsDir, file), texts.get(file)!.replace(/^---\n/, '---\ndraft: true\n'));
  return corpusSlug(file);
}

const corpusSlug = (file: string) => file.replace(/\.mdx?$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');

/** Changes one post in the middle of the archive, as an editor fixing a typo does. */
function touchOnePost(round: number): string {
  const postsDir = join(dirs.content, 'posts');
  const files = readdirSync(postsDir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const file = files[Math.floor(files.length / 2)]!;
  const path = join(postsDir, file);
  writeFileSync(path, `${readFileSync(path, 'utf8')}\nEdited for the warm rebuild, round ${round}.\n`);
  return file;
}

/** Bytes of a post page as a phone downloads it: the HTML and its CSS and JS, each compressed on its own. */
function postPageWeight(distFiles: string[]): { page: string; raw: number; gzip: number; brotli: number; assets: string[] } {
  const pages = distFiles
    .filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))
    .map((f) => ({ f, size: statSync(join(dirs.dist, f)).size }))
    .sort((a, b) => a.size - b.size);
  const page = pages[Math.floor(pages.length / 2)]!.f; // the median-sized post page
  const html = readFileSync(join(dirs.dist, page));
  const files = new Set(distFiles);
  const assets = pageAssets(html.toString('utf8'))
    .map((href) => new URL(href, `https://bench.invalid/${page}`))
    .filter((url) => url.origin === 'https://bench.invalid')
    .map((url) => decodeURIComponent(url.pathname.slice(1)))
    .filter((path) => files.has(path));
  const bodies = [html, ...assets.map((a) => readFileSync(join(dirs.dist, a)))];
  const sum = (f: (b: Buffer) => number) => bodies.reduce((total, b) => total + f(b), 0);
  return {
    page,
    assets,
    raw: sum((b) => b.length),
    gzip: sum((b) => gzipSync(b, { level: 9 }).length),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}

const s = (ms: number) => ms / 1000;
const fmtS = (ms: number) => `${s(ms).toFixed(1)} s`;

// ---------------------------------------------------------------------------

const loadBefore = loadavg()[0]!;
console.log(`Benchmark: ${posts} posts, ${runs} run(s), ${cpus().length} cores, load average ${loadBefore.toFixed(1)}`);
const started = performance.now();
const corpus = await generate();
copyProject();
console.log(
  `  generated ${posts} posts (${Math.min(...corpus.words)}–${Math.max(...corpus.words)} words) in ${fmtS(performance.now() - started)}`,
);

const cold: Timed[] = [];
const warm: Timed[] = [];
for (let run = 1; run <= runs; run++) {
  clearBuild();
  process.stdout.write(`  cold build ${run}/${runs} … `);
  cold.push(build(`cold-${run}`));
  console.log(fmtS(cold.at(-1)!.ms));
  touchOnePost(run);
  process.stdout.write(`  warm rebuild ${run}/${runs} … `);
  warm.push(build(`warm-${run}`));
  console.log(fmtS(warm.at(-1)!.ms));
}

const coldLog = cold.at(-1)!.output;
const coldPhases = buildPhases(coldLog);
const warmPhases = buildPhases(warm.at(-1)!.output);
const warmRoutes = routeOutcomes(warm.at(-1)!.output);
const kinds = summariseKinds(routeTimings(coldLog));
const pictures = imageTimings(coldLog);
const distFiles = listFiles(dirs.dist);
const htmlPages = distFiles.filter((f) => f.endsWith('.html')).length;
const ogFiles = distFiles.filter((f) => /\.png$/.test(f) && /(^|\/)og\//.test(f));
const distBytes = distFiles.reduce((total, f) => total + statSync(join(dirs.dist, f)).size, 0);
const weight = postPageWeight(distFiles);

// `npm run check` (the content check), when the project has it.
const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
let check: Timed | undefined;
if (scripts.check && !skip.has('check')) {
  process.stdout.write('  npm run check … ');
  check = timed('check', 'npm', ['run', '--silent', 'check']);
  console.log(
    `${fmtS(check.ms)}${check.status === 0 ? '' : ` (exit ${check.status}: see ${relative(ROOT, join(dirs.logs, 'check.log'))})`}`,
  );
}

// Open Graph cards: the build draws them on worker threads ahead of the routes that serve
// them, so per-route times understate the drawing; the OG module's own benchmark times it.
// A card costs the same whatever the archive's size: a few hundred give a steady median.
let ogBench: ReturnType<typeof parseOgBench> | undefined;
let og: Timed | undefined;
if (scripts['bench:og'] && !skip.has('og')) {
  const images = Math.min(posts, 500);
  process.stdout.write(`  npm run bench:og -- --images ${images} … `);
  og = timed('bench-og', 'npm', ['run', '--silent', 'bench:og', '--', '--images', String(images)]);
  ogBench = parseOgBench(og.output);
  console.log(fmtS(og.ms));
}

let links: Timed | undefined;
let linkReport: { pages: number; internalUrls: number; broken: unknown[]; external: { urls: number } } | undefined;
if (!skip.has('links')) {
  process.stdout.write('  link check … ');
  const linkJson = join(dirs.logs, 'links.json');
  links = timed('links', process.execPath, [join(ROOT, 'scripts/check-links.ts'), '--dist', dirs.dist, '--base', '/', '--json', linkJson]);
  linkReport = existsSync(linkJson) ? JSON.parse(readFileSync(linkJson, 'utf8')) : undefined;
  console.log(
    `${fmtS(links.ms)}${links.status === 0 ? '' : ` (${linkReport?.broken?.length ?? '?'} broken: see ${relative(ROOT, join(dirs.logs, 'links.log'))})`}`,
  );
}

/**
 * The incremental build must be invisible at the archive's size too: the kept
 * dist/ after the warm rebuild, and again after a post with pictures goes back
 * to draft, equals a build from scratch byte for byte.
 */
// After the link check: once a post is a draft, older posts' links to it lead nowhere.
const verified: { step: string; differences: string[] }[] = [];
const verifyBuilds: Timed[] = [];
if (values.verify) {
  const compare = (step: string) => {
    process.stdout.write(`  verify: ${step}: build from scratch … `);
    verifyBuilds.push(buildFromScratch(`scratch-${verified.length + 1}`));
    const differences = differingFiles(dirs.dist, dirs.scratchDist);
    verified.push({ step, differences });
    console.log(`${fmtS(verifyBuilds.at(-1)!.ms)}, ${differences.length ? `${differences.length}+ files differ` : 'identical'}`);
  };
  compare('after the one-post edit');
  const slug = draftPostWithPicture();
  process.stdout.write(`  verify: ${slug} back to draft: warm rebuild … `);
  verifyBuilds.push(build('warm-draft'));
  console.log(fmtS(verifyBuilds.at(-1)!.ms));
  const left = listFiles(dirs.dist).filter((f) => f.includes(slug));
  if (left.length) verified.push({ step: `${slug} back to draft: files named after it left`, differences: left.slice(0, 10) });
  compare(`after ${slug} went back to draft`);
  rmSync(dirs.scratchDist, { recursive: true, force: true });
}

const profiles: string[] = [];
if (values.profile) {
  clearBuild();
  rmSync(dirs.prof, { recursive: true, force: true });
  for (const kind of ['cold', 'warm'] as const) {
    if (kind === 'warm') touchOnePost(runs + 1);
    const dir = join(dirs.prof, kind);
    process.stdout.write(`  ${kind} build with --cpu-prof … `);
    console.log(fmtS(build(`${kind}-profiled`, ['--cpu-prof', '--cpu-prof-dir', dir]).ms));
    // The main thread's profile is the largest; worker threads write their own.
    const files = readdirSync(dir)
      .map((f) => join(dir, f))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    if (files[0]) {
      const main = JSON.parse(readFileSync(files[0], 'utf8')) as CpuProfile;
      // Worker threads draw the cards: their busy time, beside the main thread's.
      const workers = files.slice(1).map((f) => summariseProfile(JSON.parse(readFileSync(f, 'utf8')) as CpuProfile, 1));
      const busy = workers.reduce((sum, w) => sum + w.totalMs - (w.byGroup.find((g) => g.name === '(idle)')?.ms ?? 0), 0);
      profiles.push(
        `${kind} build — ${formatProfile(summariseProfile(main, 15), summarisePhases(main))}\n${workers.length} worker thread(s) (cards): ${(busy / 1000).toFixed(1)} s busy`,
      );
    }
  }
}

const coldMs = median(cold.map((c) => c.ms));
const warmMs = median(warm.map((c) => c.ms));
const measuredBuilds = [...cold, ...warm, ...verifyBuilds];
const peak = Math.max(...measuredBuilds.map((c) => c.peakRss ?? 0));
const peakBuild = measuredBuilds.find((c) => (c.peakRss ?? 0) === peak);
const result = {
  posts,
  runs,
  measuredAt: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  // Other work on the machine slows wall times; CPU times are steadier.
  loadAverage: { before: loadBefore, after: loadavg()[0]! },
  coldBuildS: s(coldMs),
  warmBuildS: s(warmMs),
  coldBuildRunsS: cold.map((c) => s(c.ms)),
  warmBuildRunsS: warm.map((c) => s(c.ms)),
  coldCpuS: median(cold.map((c) => c.cpuS ?? Number.NaN)),
  warmCpuS: median(warm.map((c) => c.cpuS ?? Number.NaN)),
  peakMemoryMB: peak ? Math.round(peak / 2 ** 20) : null,
  htmlPages,
  pagesPerSecond: Math.round(htmlPages / s(coldMs)),
  coldPhasesS: { routes: s(coldPhases.routesMs ?? Number.NaN), pictures: s(coldPhases.picturesMs ?? Number.NaN) },
  warmPhasesS: { routes: s(warmPhases.routesMs ?? Number.NaN), pictures: s(warmPhases.picturesMs ?? Number.NaN) },
  // Incremental build: routes the warm rebuild copied from the cold one, and routes it rendered.
  warmRoutes: { reused: warmRoutes.reused.length, rendered: warmRoutes.rendered.length },
  routes: kinds,
  pictures: { count: pictures.length, totalS: s(pictures.reduce((a, b) => a + b, 0)), medianMs: pictures.length ? median(pictures) : 0 },
  ogImages: {
    files: ogFiles.length,
    routes: kinds.og.count,
    routeMedianMs: kinds.og.medianMs,
    routeTotalS: s(kinds.og.totalMs),
    ownBenchmark: ogBench ?? null,
  },
  checkS: check ? s(check.ms) : null,
  checkExit: check?.status ?? null,
  linkCheckS: links ? s(links.ms) : null,
  linkCheck: linkReport
    ? {
        pages: linkReport.pages,
        internalUrls: linkReport.internalUrls,
        broken: linkReport.broken.length,
        external: linkReport.external.urls,
      }
    : null,
  distMB: Math.round((distBytes / 2 ** 20) * 10) / 10,
  distFiles: distFiles.length,
  postPage: {
    page: weight.page,
    assets: weight.assets,
    rawKB: weight.raw / 1024,
    gzipKB: weight.gzip / 1024,
    brotliKB: weight.brotli / 1024,
  },
  postPageGzipKB: weight.gzip / 1024,
  cardCpuMs: ogBench?.cpuPerImageMs ?? null,
  memoryBudgetMB: memoryBudgetMB(posts),
  // The one-minute load average before and after each timed step.
  loads: { cold: cold.at(-1)!.load, warm: warm.at(-1)!.load, check: check?.load ?? null, og: og?.load ?? null },
  verify: values.verify ? verified.map((v) => ({ step: v.step, identical: v.differences.length === 0, differences: v.differences })) : null,
};

const goals = goalsAt(posts);
const goal = (metric: string, value: number | null | undefined) => {
  const g = goals.find((x) => x.metric === metric);
  return g ? { goal: goalText(g, value ?? undefined) } : {};
};
const rows: TableRow[] = [
  { label: 'cold build (empty caches)', value: `${result.coldBuildS.toFixed(1)} s`, ...goal('coldBuildS', result.coldBuildS) },
  { label: '  CPU time (user+sys)', value: `${result.coldCpuS.toFixed(1)} s` },
  {
    label: '  rendering routes / optimising pictures',
    value: `${result.coldPhasesS.routes.toFixed(1)} s / ${result.coldPhasesS.pictures.toFixed(1)} s`,
  },
  { label: 'warm rebuild (one post changed)', value: `${result.warmBuildS.toFixed(1)} s`, ...goal('warmBuildS', result.warmBuildS) },
  { label: '  CPU time (user+sys)', value: `${result.warmCpuS.toFixed(1)} s` },
  { label: '  rendering routes', value: `${result.warmPhasesS.routes.toFixed(1)} s` },
  { label: '  routes copied / rendered again', value: `${result.warmRoutes.reused} / ${result.warmRoutes.rendered}` },
  { label: 'HTML pages / pages per second', value: `${htmlPages} / ${result.pagesPerSecond}` },
  { label: 'page routes: median / total', value: `${kinds.page.medianMs.toFixed(0)} ms / ${s(kinds.page.totalMs).toFixed(1)} s` },
  { label: 'feed routes / API routes total', value: `${s(kinds.feed.totalMs).toFixed(1)} s / ${s(kinds.api.totalMs).toFixed(1)} s` },
  {
    // Post cards are written by the build (src/integrations/steps/cards.ts), not rendered as routes; the site's card is a route.
    label: 'OG cards in dist/ (of them Astro routes)',
    value: `${ogFiles.length} (${kinds.og.count})`,
  },
  {
    label: 'OG cards drawn (bench:og): median / total',
    value:
      ogBench?.drawMedianMs !== undefined
        ? `${ogBench.drawMedianMs.toFixed(1)} ms / ${(ogBench.totalS ?? Number.NaN).toFixed(1)} s`
        : 'not measured',
  },
  { label: 'pictures optimised: count / total', value: `${pictures.length} / ${result.pictures.totalS.toFixed(1)} s` },
  {
    label: '`npm run check`',
    value: check ? `${s(check.ms).toFixed(2)} s` : skip.has('check') ? 'skipped' : 'no such script yet',
    ...goal('checkS', result.checkS),
  },
  {
    label: 'link check',
    value:
      links && result.linkCheckS !== null ? `${result.linkCheckS.toFixed(1)} s${links.status === 0 ? '' : ' (broken links!)'}` : 'skipped',
  },
  {
    label: 'peak memory (largest process)',
    value: result.peakMemoryMB ? `${result.peakMemoryMB} MB` : 'n/a',
    ...goal('peakMemoryMB', result.peakMemoryMB),
  },
  { label: 'dist/ size / files', value: `${formatBytes(distBytes)} / ${distFiles.length}` },
  { label: 'post page: raw / brotli', value: `${formatBytes(weight.raw)} / ${formatBytes(weight.brotli)}` },
  { label: 'post page, gzip (HTML+CSS+JS)', value: formatBytes(weight.gzip), ...goal('postPageGzipKB', result.postPageGzipKB) },
];
console.log(
  `\n${formatTable(`${posts} posts, ${cpus().length} cores, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${result.loadAverage.after.toFixed(1)}`, rows)}`,
);
for (const profile of profiles) console.log(`\n${profile}`);

const outFile = resolve(ROOT, values.out);
mkdirSync(dirname(outFile), { recursive: true });
const previous = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')) : {};
const merged = { ...previous, [String(posts)]: result };
writeFileSync(outFile, `${JSON.stringify(merged, null, 2)}\n`);

// The goals of issue 20, each with the load average the figure was measured under.
const loadText = (load: { before: number; after: number } | null | undefined) =>
  load ? `${load.before.toFixed(1)} → ${load.after.toFixed(1)}` : '';
const wallCpu = (wallS: number, cpuS: number) => `${wallS.toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU`;
const goalRows: GoalRow[] = [];
const row = (g: Goal, value: number | null | undefined, measured: string, load: string) =>
  goalRows.push({ goal: `${posts.toLocaleString('en')} posts: ${g.label}`, measured, load, verdict: goalText(g, value ?? undefined) });
for (const g of goals) {
  if (g.metric === 'coldBuildS') row(g, result.coldBuildS, wallCpu(result.coldBuildS, result.coldCpuS), loadText(result.loads.cold));
  if (g.metric === 'warmBuildS') row(g, result.warmBuildS, wallCpu(result.warmBuildS, result.warmCpuS), loadText(result.loads.warm));
  if (g.metric === 'peakMemoryMB') row(g, result.peakMemoryMB, `${result.peakMemoryMB} MB`, loadText(peakBuild?.load));
  if (g.metric === 'checkS')
    row(g, result.checkS, result.checkS === null ? 'skipped' : `${result.checkS.toFixed(2)} s`, loadText(result.loads.check));
  if (g.metric === 'postPageGzipKB') row(g, result.postPageGzipKB, `${result.postPageGzipKB.toFixed(1)} KB`, '');
}
if (ogBench) {
  goalRows.push({
    goal: CARD_CPU_GOAL.label,
    measured: `${ogBench.cpuPerImageMs?.toFixed(1)} ms`,
    load: loadText(result.loads.og),
    verdict: goalText(CARD_CPU_GOAL, ogBench.cpuPerImageMs),
  });
}
// Growth from 1,000 to 10,000 posts, once both sizes have been measured (one of them now).
const [small, large] = [merged['1000'], merged['10000']];
if (small && large && (posts === 1000 || posts === 10000)) {
  const when = (r: typeof result) => `${r.measuredAt.slice(0, 10)}, load ${loadText(r.loads?.cold)}`;
  const coldRatio = large.coldCpuS / small.coldCpuS;
  const renderedRatio = large.warmRoutes.rendered / small.warmRoutes.rendered;
  goalRows.push({
    goal: GROWTH_GOALS[0]!.label,
    measured: `${coldRatio.toFixed(2)}× (${large.coldCpuS.toFixed(0)} s ÷ ${small.coldCpuS.toFixed(0)} s)`,
    load: `${when(large)}; ${when(small)}`,
    verdict: goalText(GROWTH_GOALS[0]!, coldRatio),
  });
  goalRows.push({
    goal: GROWTH_GOALS[1]!.label,
    measured: `${renderedRatio.toFixed(2)}× (${large.warmRoutes.rendered} ÷ ${small.warmRoutes.rendered}; warm CPU ${(large.warmCpuS / small.warmCpuS).toFixed(1)}×)`,
    load: `${loadText(large.loads?.warm)}; ${loadText(small.loads?.warm)}`,
    verdict: goalText(GROWTH_GOALS[1]!, renderedRatio),
  });
}
console.log(
  `\n${formatGoals(`Goals (issue 20) at ${posts.toLocaleString('en')} posts: load average is the machine's one-minute figure before → after`, goalRows)}`,
);

// The memory check: the build must fit the budget for this archive's size.
let failed = false;
const budget = memoryBudgetMB(posts);
if (result.peakMemoryMB === null) {
  console.log('\nmemory check: not measured (needs GNU time at /usr/bin/time)');
} else {
  const fits = result.peakMemoryMB <= budget;
  failed ||= !fits;
  console.log(`\nmemory check: peak ${result.peakMemoryMB} MB, budget ${budget} MB at ${posts} posts: ${fits ? 'passed' : 'FAILED'}`);
}
for (const v of verified) {
  failed ||= v.differences.length > 0;
  console.log(
    `incremental build ${v.step}: ${v.differences.length ? `DIFFERS from a build from scratch:\n    ${v.differences.join('\n    ')}` : 'identical to a build from scratch'}`,
  );
}

console.log(`\nWrote ${relative(ROOT, outFile)} (entry "${posts}")`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
if (failed) process.exitCode = 1;
