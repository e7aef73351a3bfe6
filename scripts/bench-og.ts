/**
 * npm run bench:og -- [--images 1000] [--workers N] [--look full|light] [--keep]
 *
 * Renders N Open Graph cards (varied titles: short, long, too long, accents,
 * emoji) the way a build does, through the render + cache module, and prints
 * per image and in total:
 *   cold     empty cache: every card laid out by satori and encoded by sharp,
 *            on N worker threads (default: one per core; --workers 0 draws on
 *            the main thread);
 *   cached   the same cards again: read from the cache, nothing rendered;
 *   one edit one title changed: exactly one card rendered.
 * "per image" is the median time one card takes from asking to having its
 * PNG (one card in flight per worker, so no queueing); "wall / image" is the
 * total divided by the number of cards, which parallel workers improve. --look
 * draws every card in one look (card.ts, CardLook) instead of the template's
 * default, to compare the two. The cache lives in a temporary folder that is
 * removed afterwards (--keep leaves it and prints where).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rng } from './lib/bench/corpus.ts';
import { median } from './lib/bench/measure.ts';
import { postCard, type CardLook, type OgCard } from '../src/lib/og/card.ts';
import { emojiSetVersion } from '../src/lib/og/emoji.ts';
import { ogFonts } from '../src/lib/og/fonts.ts';
import { createRenderPool } from '../src/lib/og/pool.ts';
import { createOgRenderer, renderTree, type OgRenderer } from '../src/lib/og/render.ts';
import type { CardTree } from '../src/lib/og/template.ts';
import { site } from '../src/site.config.ts';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '1000' },
    workers: { type: 'string', default: String(availableParallelism()) },
    look: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: npm run bench:og -- [--images 1000] [--workers N] [--look full|light] [--keep]');
  process.exit(0);
}
const count = Number(values.images);
const workers = Number(values.workers);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(workers) || workers < 0) {
  console.error('--images must be a whole number above 0 and --workers 0 or more');
  process.exit(2);
}
const LOOKS: readonly CardLook[] = ['full', 'light'];
const look = values.look as CardLook | undefined;
if (look !== undefined && !LOOKS.includes(look)) {
  console.error(`--look must be one of ${LOOKS.join(', ')}`);
  process.exit(2);
}

const TOPICS = [
  'Deep tissue massage',
  'Thai yoga massage',
  'Assisted stretching',
  'Hip mobility',
  'Sleep and recovery',
  'Foam rolling',
  'Desk posture',
  'Prenatal massage',
  'Hydration after massage',
  'Breathing for relaxation',
];
const AUDIENCES = ['runners', 'desk workers', 'new parents', 'golfers', 'seniors', 'nurses', 'cyclists', 'dancers'];
const QUALIFIERS = [
  'what to expect',
  'a beginner’s guide',
  'five questions answered',
  'what the research says — and what it doesn’t',
  'myths and facts',
  'how often is enough',
  'before and after',
  'at home and in the studio',
];
const EMOJI = ['🌿', '🧘‍♀️', '💆', '❤️', '🙏', '💧', '🏃‍♂️', '✨'];
const AUTHORS = ['Lauren Walker', 'Zoë Núñez-Ødegård', 'Łucja Kowalczyk', 'Ben Sample'];
const TAGS = ['massage', 'recovery', 'stretching', 'thai-massage', 'research', 'mobility', 'sleep', 'self-care'];

/** Cards like an archive's: mostly ordinary titles, some long, some too long for the card, some with emoji. */
function cards(n: number): OgCard[] {
  const r = rng(4_2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    let title = `${pick(TOPICS)} for ${pick(AUDIENCES)}: ${pick(QUALIFIERS)}`;
    const roll = r();
    if (roll < 0.1) title = `${title} ${pick(EMOJI)}`;
    else if (roll < 0.2)
      title = `${title}, and ${pick(TOPICS).toLowerCase()} for ${pick(AUDIENCES)}: ${pick(QUALIFIERS)}, ${pick(QUALIFIERS)}`;
    const date = new Date(Date.UTC(2026, 10, 27) - i * 86_400_000);
    const card = postCard({ title: `${title} (${i + 1})`, date, readingMinutes: 2 + (i % 9), tags: [pick(TAGS)] }, pick(AUTHORS), site);
    return look ? { ...card, look } : card;
  });
}

interface Pass {
  label: string;
  perImage: number[];
  wallMs: number;
  /** CPU time of the whole process (every thread, sharp's too) during the pass. */
  cpuMs: number;
  rendered: number;
  cached: number;
}

/** As many cards in flight as there are workers, so each card's time is its own work, not a queue. */
async function pass(label: string, renderer: OgRenderer, list: readonly OgCard[]): Promise<Pass> {
  const perImage: number[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const card = list[next++]!;
      const t = performance.now();
      await renderer.render(card);
      perImage.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, lane));
  const used = process.cpuUsage(cpu);
  return { label, perImage, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, ...renderer.stats };
}

/**
 * Cards each thread draws before measuring. With 4, 100 measured cards cost 11% more CPU
 * each than 1,000 (load 6–7); with 40, 300 cards cost 3% more than 1,000 (load 6–11).
 */
const WARM_UP_PER_THREAD = 40;

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

console.log(
  `Open Graph benchmark: ${count} cards${look ? ` (${look} look)` : ''}, ${workers === 0 ? 'main thread' : `${workers} worker thread(s)`}, ${cpus().length} cores, Node ${process.version}, load ${load()}`,
);

let t = performance.now();
const fonts = ogFonts();
console.log(`  fonts: ${fonts.satori.length} files read and parsed once in ${ms(performance.now() - t)}`);
t = performance.now();
console.log(`  emoji: Twemoji ${emojiSetVersion()} read once in ${ms(performance.now() - t)}`);
const list = cards(count);

const dir = mkdtempSync(join(tmpdir(), 'og-bench-'));
const pool = workers > 0 ? createRenderPool(workers) : undefined;
// Draw time of each card on its thread, apart from waiting in the queue.
const drawMs: number[] = [];
const draw = async (tree: CardTree) => {
  if (pool) {
    const r = await pool.draw(tree);
    drawMs.push(r.ms);
    return r.png;
  }
  const s = performance.now();
  const png = await renderTree(tree);
  drawMs.push(performance.now() - s);
  return png;
};

try {
  // Warm up satori, sharp and the workers on cards that are not measured: V8 compiles
  // satori's hot code in each worker over its first few dozen cards, a cost paid once per
  // build, not per card, so it is printed apart from the cards' own CPU.
  const warmUp = await pass(
    'warm-up',
    createOgRenderer({ cacheDir: null, draw }),
    cards(WARM_UP_PER_THREAD * Math.max(1, workers)).map((c) => ({ ...c, title: `Warm-up ${c.title}` })),
  );
  console.log(
    `  warm-up: ${warmUp.rendered} cards, ${(warmUp.cpuMs / 1000).toFixed(2)} s of CPU (${ms(warmUp.cpuMs / warmUp.rendered)} a card), load ${load()}`,
  );
  drawMs.length = 0;

  const cold = await pass('cold', createOgRenderer({ cacheDir: dir, draw }), list);
  const coldDraw = [...drawMs];
  const cached = await pass('cached', createOgRenderer({ cacheDir: dir, draw }), list);
  const edited = list.map((c, i) => (i === Math.floor(count / 2) ? { ...c, title: `${c.title} (edited)` } : c));
  const oneEdit = await pass('one edit', createOgRenderer({ cacheDir: dir, draw }), edited);

  console.log('');
  console.log('  pass       per image (median)   wall / image    CPU / image   total      rendered   from cache');
  for (const p of [cold, cached, oneEdit]) {
    console.log(
      `  ${p.label.padEnd(10)} ${ms(median(p.perImage)).padStart(18)}   ${ms(p.wallMs / list.length).padStart(12)}   ${ms(p.cpuMs / list.length).padStart(12)}   ${(p.wallMs / 1000).toFixed(2).padStart(6)} s   ${String(p.rendered).padStart(8)}   ${String(p.cached).padStart(10)}`,
    );
  }
  console.log('');
  console.log(
    `  cold draw time per card on its thread (satori + sharp): median ${ms(median(coldDraw))}, p90 ${ms([...coldDraw].sort((a, b) => a - b)[Math.floor(coldDraw.length * 0.9)]!)}`,
  );
  console.log(`  cache: ${readdirSync(dir).length} files in ${values.keep ? dir : 'a temporary folder (removed)'}`);
  const goal = (ok: boolean) => (ok ? 'met' : 'missed');
  console.log(
    `  goal ≤ 20 ms per image, cold: per image ${goal(median(cold.perImage) <= 20)}, wall / image ${goal(cold.wallMs / list.length <= 20)}`,
  );
  console.log(
    `  goal: a cached rebuild renders nothing: ${cached.rendered === 0 ? 'met' : `missed (${cached.rendered} rendered)`}; one edit renders one: ${oneEdit.rendered === 1 ? 'met' : `missed (${oneEdit.rendered})`}`,
  );
  console.log(`  load average after: ${load()}`);
  if (cached.rendered !== 0 || oneEdit.rendered !== 1) process.exitCode = 1;
} finally {
  await pool?.close();
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
