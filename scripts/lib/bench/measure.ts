/**
 * Reading and summing what the benchmark measures: Astro's build log (time
 * per route and per optimised picture), GNU time's report, the assets a page
 * loads, and the results table with the goals.
 */

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type RouteKind = 'page' | 'og' | 'feed' | 'api' | 'other';

export interface RouteTiming {
  route: string;
  ms: number;
  kind: RouteKind;
}

export function routeKind(route: string): RouteKind {
  if (/\.html$/.test(route) || route.endsWith('/')) return 'page';
  if (/\.(png|jpe?g|webp)$/.test(route)) return 'og';
  if (/\.(xml|xsl)$/.test(route) || /(^|\/)feed\.json$/.test(route)) return 'feed';
  if (/\.json$/.test(route)) return 'api';
  return 'other';
}

// eslint-disable-next-line no-control-regex -- the escape character starts a colour code in the build log
const ANSI = /\u001b\[[0-9;]*m/g;
const ROUTE_LINE = /[├└]─\s+(\S+)\s+\(\+(\d+(?:\.\d+)?)(ms|s)\)/;
const IMAGE_LINE = /▶\s+(\S+).*\(\+(\d+(?:\.\d+)?)(ms|s)\)/;

const toMs = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : 1);

/** Per-route render times from `astro build` output ("├─ /posts/a/index.html (+4ms)"). */
export function routeTimings(log: string): RouteTiming[] {
  const out: RouteTiming[] = [];
  for (const line of log.replace(ANSI, '').split('\n')) {
    const m = ROUTE_LINE.exec(line);
    if (m) out.push({ route: m[1]!, ms: toMs(m[2]!, m[3]!), kind: routeKind(m[1]!) });
  }
  return out;
}

/**
 * Which routes a build rendered and which it copied from the previous build
 * (incremental builds log "(restored)" or "(cached)" instead of a time).
 * Routes rendered side by side share a line, their times following later.
 */
export function routeOutcomes(log: string): { reused: string[]; rendered: string[] } {
  const text = log.replace(ANSI, '');
  const reused: string[] = [];
  const rendered: string[] = [];
  for (const m of text.matchAll(/[├└]─ (\S+?)(?=\s|\d\d:\d\d:\d\d|$)/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    (/^\s*\((restored|cached)\)/.test(after) ? reused : rendered).push(m[1]!);
  }
  return { reused, rendered };
}

/** Per-picture times from Astro's "generating optimized images" step ("▶ /_astro/a.webp … (+120ms)"). */
export function imageTimings(log: string): number[] {
  const out: number[] = [];
  for (const line of log.replace(ANSI, '').split('\n')) {
    const m = IMAGE_LINE.exec(line);
    if (m) out.push(toMs(m[2]!, m[3]!));
  }
  return out;
}

/** "1m 10s", "14.77s", "286ms" → milliseconds. */
export function durationMs(text: string): number {
  let ms = 0;
  for (const [, value, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|m|s)\b/g)) {
    ms += Number(value) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
  }
  return ms;
}

export interface BuildPhases {
  /** Rendering every route (pages, feeds, API, OG images). */
  routesMs?: number;
  /** Optimising pictures (Astro's image step). */
  picturesMs?: number;
  /** Astro's own figure for the whole build, from "N page(s) built in …". */
  totalMs?: number;
}

/** The phases Astro reports in its build log, by the "✓ Completed in …" after each step's heading. */
export function buildPhases(log: string): BuildPhases {
  const text = log.replace(ANSI, '');
  const phases: BuildPhases = {};
  const after = (heading: string) => {
    const at = text.indexOf(heading);
    if (at < 0) return undefined;
    const m = /✓ Completed in ([^.\n]*(?:\.\d+)?[^\n]*?)\.?\s*$/m.exec(text.slice(at));
    return m ? durationMs(m[1]!) : undefined;
  };
  const routes = after('generating static routes');
  const pictures = after('generating optimized images');
  const total = /page\(s\) built in ([^\n]+)/.exec(text);
  if (routes !== undefined) phases.routesMs = routes;
  if (pictures !== undefined) phases.picturesMs = pictures;
  if (total) phases.totalMs = durationMs(total[1]!);
  return phases;
}

export interface KindSummary {
  count: number;
  totalMs: number;
  medianMs: number;
}

export function summariseKinds(timings: readonly RouteTiming[]): Record<RouteKind, KindSummary> {
  const kinds: RouteKind[] = ['page', 'og', 'feed', 'api', 'other'];
  return Object.fromEntries(
    kinds.map((kind) => {
      const ms = timings.filter((t) => t.kind === kind).map((t) => t.ms);
      return [kind, { count: ms.length, totalMs: ms.reduce((a, b) => a + b, 0), medianMs: ms.length ? median(ms) : 0 }];
    }),
  ) as Record<RouteKind, KindSummary>;
}

export interface OgBenchFigures {
  /** Median time one card takes on its thread (layout + PNG), cold cache. */
  drawMedianMs?: number;
  /** CPU time per card, cold cache (every thread). */
  cpuPerImageMs?: number;
  /** Wall time for all cards, cold cache, on the worker threads. */
  totalS?: number;
  /** Median time to get a card from the cache. */
  cachedMedianMs?: number;
}

/** The figures `npm run bench:og` prints (its table's "cold" and "cached" rows and the draw-time line). */
export function parseOgBench(output: string): OgBenchFigures {
  const figures: OgBenchFigures = {};
  const row = (label: string) =>
    new RegExp(`^\\s*${label}\\s+([\\d.]+) ms\\s+([\\d.]+) ms\\s+([\\d.]+) ms\\s+([\\d.]+) s`, 'm').exec(output);
  const cold = row('cold');
  if (cold) {
    figures.cpuPerImageMs = Number(cold[3]);
    figures.totalS = Number(cold[4]);
  }
  const cached = row('cached');
  if (cached) figures.cachedMedianMs = Number(cached[1]);
  const draw = /draw time per card[^\n]*median ([\d.]+) ms/.exec(output);
  if (draw) figures.drawMedianMs = Number(draw[1]);
  return figures;
}

/** CPU seconds (user + system) from GNU `time -v` output: steadier than wall time on a shared machine. */
export function cpuSecondsFromTime(report: string): number | undefined {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(report);
  return user && system ? Number(user[1]) + Number(system[1]) : undefined;
}

/** Peak resident memory in bytes from GNU `time -v` output, if present. */
export function peakRssFromTime(report: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** The stylesheets, scripts and module preloads a page loads, as written in its HTML. */
export function pageAssets(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    const value = (m: RegExpExecArray | null) => (m ? (m[1] ?? m[2] ?? m[3]) : undefined);
    if (/^<script/i.test(tag)) {
      const src = value(attr('src'));
      if (src) found.add(src);
      continue;
    }
    const rel = (value(attr('rel')) ?? '').toLowerCase().split(/\s+/);
    const href = value(attr('href'));
    if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) found.add(href);
  }
  return [...found];
}

export interface Goal {
  /** Key in the measured row. */
  metric: string;
  label: string;
  max: number;
  unit: string;
}

/** The goals for 1,000 posts on the 2-core machine (issue 8; the warm rebuild's is issue 20's). */
export const GOALS_AT_1000: Goal[] = [
  { metric: 'coldBuildS', label: 'cold build', max: 30, unit: 's' },
  { metric: 'warmBuildS', label: 'warm rebuild (one post changed)', max: 5, unit: 's' },
  { metric: 'checkS', label: '`npm run check`', max: 2, unit: 's' },
  { metric: 'postPageGzipKB', label: 'post page, compressed (HTML+CSS+JS)', max: 14, unit: 'KB' },
];

/** The goals for 10,000 posts (issue 20), with every output on. */
export const GOALS_AT_10000: Goal[] = [
  { metric: 'coldBuildS', label: 'cold build', max: 300, unit: 's' },
  { metric: 'warmBuildS', label: 'warm rebuild (one post changed)', max: 30, unit: 's' },
  { metric: 'peakMemoryMB', label: 'peak memory', max: 3072, unit: 'MB' },
];

/** At any size: an Open Graph card's CPU time, and growth from 1,000 to 10,000 posts at most in proportion. */
export const CARD_CPU_GOAL: Goal = { metric: 'cardCpuMs', label: 'an Open Graph card, CPU', max: 20, unit: 'ms' };
export const GROWTH_GOALS: Goal[] = [
  { metric: 'coldCpuRatio', label: 'cold CPU, 10,000 ÷ 1,000 posts', max: 10, unit: '×' },
  // One post changed at both sizes: the rebuild renders what shows it, not more because the archive is larger.
  { metric: 'warmRenderedRatio', label: 'warm: routes rendered, 10,000 ÷ 1,000 posts', max: 1.1, unit: '×' },
];

export function goalsAt(posts: number): Goal[] {
  return posts === 1000 ? GOALS_AT_1000 : posts === 10000 ? GOALS_AT_10000 : [];
}

/**
 * The peak memory a build may use at an archive's size: 3 GB at 10,000 posts
 * (issue 20) and in proportion above that. Smaller archives get 2 GB: most of
 * their peak is the part that does not grow with the posts (Node, Astro and
 * Vite, two card workers with their fonts, sharp), 1.1 GB at 100 posts and
 * 1.6 to 1.75 GB at 1,000, where cards, pictures and pages overlap.
 */
export function memoryBudgetMB(posts: number): number {
  return Math.max(2048, Math.round((3072 * posts) / 10000));
}

export interface TableRow {
  label: string;
  value: string;
  goal?: string;
}

/** A plain-text table: label, value and, where there is one, the goal and whether it is met. */
export function formatTable(title: string, rows: readonly TableRow[]): string {
  const w1 = Math.max(...rows.map((r) => r.label.length), 6);
  const w2 = Math.max(...rows.map((r) => r.value.length), 5);
  const lines = [title, `${'metric'.padEnd(w1)}  ${'value'.padStart(w2)}  goal`, `${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ----`];
  for (const r of rows) lines.push(`${r.label.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.goal ?? ''}`.trimEnd());
  return lines.join('\n');
}

/** "≤ 30 s met" or "≤ 30 s MISSED", for a measured value against a goal. */
export function goalText(goal: Goal, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return `≤ ${goal.max} ${goal.unit} (not measured)`;
  return `≤ ${goal.max} ${goal.unit} ${value <= goal.max ? 'met' : 'MISSED'}`;
}

export interface GoalRow {
  goal: string;
  measured: string;
  /** The machine's load average while it was measured. */
  load: string;
  /** goalText(): the target and met or MISSED. */
  verdict: string;
}

/** The goals as a table: what was measured, under which load, and whether it meets the target. */
export function formatGoals(title: string, rows: readonly GoalRow[]): string {
  const head: GoalRow = { goal: 'goal', measured: 'measured', load: 'load average', verdict: 'target' };
  const all = [head, ...rows];
  const width = (key: keyof GoalRow) => Math.max(...all.map((r) => r[key].length));
  const [w1, w2, w3] = [width('goal'), width('measured'), width('load')];
  const line = (r: GoalRow) => `${r.goal.padEnd(w1)}  ${r.measured.padEnd(w2)}  ${r.load.padEnd(w3)}  ${r.verdict}`.trimEnd();
  return [title, line(head), `${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(w3)}  ------`, ...rows.map(line)].join('\n');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
