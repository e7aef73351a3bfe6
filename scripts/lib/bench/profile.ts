/**
 * What a V8 CPU profile (node --cpu-prof) says a build spent its time on:
 * self time summed by package or project folder, and the busiest functions.
 */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  byGroup: ProfileEntry[];
  byFunction: ProfileEntry[];
}

/** Which package or project area a script URL belongs to: `sharp`, `astro`, `src/lib`, `node`, … */
export function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:.*node_modules\/((?:@[^/]+\/)?[^/]+)\/)?/.exec(path);
  if (pkg) return pkg[2] ?? pkg[1]!;
  if (url.startsWith('node:')) return 'node (built-in modules)';
  const project = /\/(src\/[^/]+|scripts|astro\.config\.mjs)/.exec(path);
  if (project) return project[1]!;
  return path.includes('/.astro/') || path.includes('/dist/') ? 'built chunks' : 'other';
}

export function summariseProfile(profile: CpuProfile, top = 12): ProfileSummary {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + us);
    const file = url.split('/').slice(-1)[0] ?? '';
    const fn = `${functionName || '(anonymous)'} ${file ? `${group}/${file}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const entries = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, byGroup: entries(groups), byFunction: entries(functions) };
}

export function formatProfile(summary: ProfileSummary, phases: readonly ProfileEntry[] = []): string {
  const line = (e: ProfileEntry) => `  ${(e.share * 100).toFixed(1).padStart(5)}%  ${(e.ms / 1000).toFixed(2).padStart(7)} s  ${e.name}`;
  return [
    `CPU profile: ${(summary.totalMs / 1000).toFixed(1)} s of samples (main thread)`,
    ...(phases.length ? ['by step of the build:', ...phases.map(line)] : []),
    'by package or project folder (self time):',
    ...summary.byGroup.map(line),
    'busiest functions (self time):',
    ...summary.byFunction.map(line),
  ].join('\n');
}

/**
 * The build's steps, told apart by the code on a sample's stack: from the
 * innermost frame outwards, the first that belongs to a step names it. Work a
 * step continues after an `await` still has the step's own code on its stack.
 */
const PHASES: [phase: string, matches: (url: string, fn: string) => boolean][] = [
  ['search index', (url) => url.includes('/steps/search-index') || url.includes('/node_modules/pagefind/')],
  ['dist/ kept: clean-up', (url) => url.includes('/steps/output-dir')],
  ['cards (main thread)', (url) => url.includes('/steps/cards') || url.includes('/lib/og/') || url.includes('/node_modules/tinypool/')],
  ['sitemap', (url) => url.includes('/@astrojs/sitemap/') || url.includes('/node_modules/sitemap/')],
  ['publish check', (url) => url.includes('/steps/publish-check')],
  ['pictures', (url) => url.includes('/astro/dist/assets/build/')],
  [
    'rendering routes',
    (url, fn) => /\/astro\/dist\/core\/(build\/(generate|incremental|common)\.js|app\/)/.test(url) || fn === 'generatePages' || /\/(\.prerender|chunks)\//.test(url),
  ],
  ['content check (reading posts)', (url, fn) => url.includes('/src/lib/content/') || fn === 'createSession'],
  ['content sync (Markdown to HTML)', (url) => url.includes('/src/data/content-loader') || url.includes('/astro/dist/content/') || url.includes('satteri')],
  ['bundling', (url) => url.includes('/node_modules/rolldown/') || url.includes('/node_modules/vite/') || url.includes('/node_modules/@rolldown/')],
];

export function summarisePhases(profile: CpuProfile): ProfileEntry[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOfNode = new Map<number, string>();
  const phaseOf = (id: number): string => {
    const known = phaseOfNode.get(id);
    if (known) return known;
    const { url, functionName } = byId.get(id)!.callFrame;
    let phase: string | undefined;
    if (functionName === '(garbage collector)' || functionName === '(idle)') phase = functionName;
    for (const [name, matches] of PHASES) if (!phase && matches(url, functionName)) phase = name;
    const up = parent.get(id);
    phase ??= up === undefined ? 'start-up, writes finishing after an await, the rest' : phaseOf(up);
    phaseOfNode.set(id, phase);
    return phase;
  };
  const totals = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const phase = phaseOf(profile.samples[i]!);
    totals.set(phase, (totals.get(phase) ?? 0) + us);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
}
