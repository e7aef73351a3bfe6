/**
 * Rendering a card: satori lays the element tree of the safe area out as SVG,
 * which is set into the full-size card (framedSvg), and sharp rasterises and
 * encodes it as PNG. With a cache, a card whose key is known is read from
 * disk and neither runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { cacheKey, ogCacheDir, pngCache, pruneCache, type PngCache } from './cache.ts';
import { createRenderPool, type RenderPool } from './pool.ts';
import type { OgCard } from './card.ts';
import { ogFonts } from './fonts.ts';
import { cardTree, framedSvg, SAFE_HEIGHT, SAFE_WIDTH, TEMPLATE_VERSION, type CardTree } from './template.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from './size.ts';

/**
 * Measured on 1200×630 cards: zlib level 3 encodes in about half the time of
 * the default 6 for files about 7% larger; level 1 takes a tenth off the whole
 * card (rasterising included) for files a fifth larger than level 3 (≈100 KB
 * instead of ≈83 KB), which only crawlers download; adaptive filtering was
 * slower and larger; a palette (quantising) made files a third the size but
 * each image 5 to 10 times slower.
 */
export const PNG_OPTIONS = { compressionLevel: 1, adaptiveFiltering: false } as const;

// One libvips thread per image: the parallelism comes from one worker thread
// per core (pool.ts), which libvips threads of its own would only contend with.
sharp.concurrency(1);

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve(`${name}/package.json`);
  } catch {
    // A package whose "exports" hide package.json: look up from its entry point.
    let dir = dirname(require.resolve(name));
    while (
      !existsSync(join(dir, 'package.json')) ||
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name
    ) {
      if (dirname(dir) === dir) throw new Error(`package.json of ${name} not found`);
      dir = dirname(dir);
    }
    file = join(dir, 'package.json');
  }
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

let rendererId: Record<string, unknown> | undefined;

/**
 * What the pixels depend on besides the card's tree: satori's and sharp's
 * versions, the PNG settings, and the code that turns a tree into a PNG (its
 * source text, so an edit there cannot leave old pictures in the cache).
 */
function rendererIdentity(): Record<string, unknown> {
  rendererId ??= {
    satori: packageVersion('satori'),
    sharp: sharp.versions,
    png: PNG_OPTIONS,
    code: createHash('sha256').update(renderTree.toString()).update(framedSvg.toString()).digest('hex'),
  };
  return rendererId;
}

/**
 * The folder of the card-drawing code: next to this module when it runs from
 * src/ (tests, scripts, workers), or src/lib/og/ of the project being built
 * (`astro build` bundles this module elsewhere, as pool.ts notes).
 */
export function findDesignDir(cwd = process.cwd()): string | undefined {
  const candidates = [new URL('.', import.meta.url), join(cwd, 'src/lib/og')];
  for (const c of candidates) {
    if (c instanceof URL && c.protocol !== 'file:') continue;
    const dir = c instanceof URL ? fileURLToPath(c) : c;
    if (existsSync(join(dir, 'template.ts')) && existsSync(join(dir, 'layout.ts'))) return dir;
  }
  return undefined;
}

/**
 * The modules that turn a card's fields into an element tree: the design, its
 * text fitting, emoji and fonts. Their source is part of every card's cache key,
 * so editing one redraws the cards; editing anything else in this folder (the
 * meta tags, the cache, this renderer's plumbing) does not. A test keeps this
 * list equal to what template.ts imports.
 */
export const DRAWING_SOURCES = ['card.ts', 'emoji.ts', 'fonts.ts', 'layout.ts', 'size.ts', 'template.ts'] as const;

/** sha256 of the drawing modules' source, by name. */
export function designSourceHash(dir: string, files: readonly string[] = DRAWING_SOURCES): string {
  const hash = createHash('sha256');
  for (const name of [...files].sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex');
}

let designId: Record<string, unknown> | null | undefined;

/**
 * What turns a card's fields into an element tree, besides the fonts: the
 * source of the drawing modules (DRAWING_SOURCES) and the versions of the
 * packages they use. Null when the source cannot be found: keys are then
 * computed from the laid-out tree, as safe and slower.
 */
function designIdentity(): Record<string, unknown> | null {
  if (designId !== undefined) return designId;
  const dir = findDesignDir();
  if (!dir) return (designId = null);
  designId = { source: designSourceHash(dir), twemoji: packageVersion('@iconify-json/twemoji'), fontkitten: packageVersion('fontkitten') };
  return designId;
}

export interface PreparedCard {
  key: string;
  /** The element tree, laid out on first use: a card found in the cache never needs it. */
  readonly tree: CardTree;
}

/**
 * A card's cache key, from its inputs: every field on it (text, palette, site
 * name), the drawing code and packages (designIdentity), the fonts' hash, the
 * renderer and TEMPLATE_VERSION. So a cached card is found without laying it
 * out, and any change to what it would look like gives a new key.
 */
export function prepareCard(card: OgCard): PreparedCard {
  const fonts = ogFonts();
  let tree: CardTree | undefined;
  const layout = () => (tree ??= cardTree(card, fonts));
  const design = designIdentity();
  const content = design ? { card, design } : { tree: layout() };
  const key = cacheKey({ templateVersion: TEMPLATE_VERSION, renderer: rendererIdentity(), fonts: fonts.digest, content });
  return {
    key,
    get tree() {
      return layout();
    },
  };
}

/** Lays out and rasterises a prepared tree: the slow part. */
export async function renderTree(tree: CardTree): Promise<Buffer> {
  const svg = await satori(tree.element as unknown as Parameters<typeof satori>[0], {
    width: SAFE_WIDTH,
    height: SAFE_HEIGHT,
    fonts: ogFonts().satori,
    graphemeImages: tree.graphemeImages,
  });
  return sharp(Buffer.from(framedSvg(svg, tree)))
    .removeAlpha()
    .png(PNG_OPTIONS)
    .toBuffer();
}

export interface RenderResult {
  png: Buffer;
  key: string;
  /** True when the PNG came from the cache and nothing was rendered. */
  cached: boolean;
}

export interface OgRenderer {
  render(card: OgCard): Promise<RenderResult>;
  /**
   * The cache file of the card when it is there whole and not being drawn, so a
   * build can link it without reading it (a rebuild at 10,000 posts read 1 GB of
   * cards to link them); undefined otherwise, and then render() gives the card.
   */
  cachedFile(card: OgCard): string | undefined;
  /**
   * Start drawing, into the cache, every card not there yet, without waiting:
   * a build calls it with all its cards, so they are drawn in parallel while
   * pages ask for them one at a time. Does nothing without a cache.
   * Returns how many cards it started drawing.
   */
  warm(cards: readonly OgCard[]): number;
  /**
   * Draw on at most `threads` worker threads from now on, leaving the other
   * cores to other work; without a number, on all of them again.
   */
  limitThreads(threads?: number): void;
  /** How many cards this renderer drew and how many it read from the cache. */
  readonly stats: { rendered: number; cached: number };
  readonly cache: PngCache | undefined;
}

export type Draw = (tree: CardTree) => Promise<Buffer>;

export interface RendererOptions {
  /** Cache folder; `null` renders every time. */
  cacheDir?: string | null;
  /** Drop cached cards unused for this many days when the renderer starts (0: keep all). */
  pruneAfterDays?: number;
  /** What draws a card that is not cached: renderTree on this thread, or a worker pool (pool.ts). */
  draw?: Draw;
  /** For `warm` with many cards to draw: a drawer that uses every core, or undefined to use `draw`. */
  drawMany?: (count: number) => Draw | undefined;
  /** Carries out `limitThreads` (a renderer without workers has nothing to limit). */
  limitThreads?: (threads: number | undefined) => void;
}

export function createOgRenderer(options: RendererOptions = {}): OgRenderer {
  const dir = options.cacheDir === undefined ? ogCacheDir() : options.cacheDir;
  const cache = dir === null ? undefined : pngCache(dir, { width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT });
  if (dir && options.pruneAfterDays) pruneCache(dir, options.pruneAfterDays);
  const stats = { rendered: 0, cached: 0 };
  // One render per key at a time, so two pages asking for the same card share it.
  const pending = new Map<string, Promise<Buffer>>();
  const start = (tree: CardTree, key: string, draw: Draw): Promise<Buffer> => {
    const job = draw(tree).then((png) => {
      cache?.set(key, png);
      stats.rendered++;
      return png;
    });
    pending.set(key, job);
    job.finally(() => pending.delete(key)).catch(() => {});
    return job;
  };
  return {
    stats,
    cache,
    async render(card) {
      const prepared = prepareCard(card);
      const { key } = prepared;
      const job = pending.get(key);
      if (job) {
        try {
          return { png: await job, key, cached: false };
        } catch {
          // A warm-up draw failed (a worker could not start): draw it here instead.
        }
      }
      const hit = cache?.get(key);
      if (hit) {
        stats.cached++;
        return { png: hit, key, cached: true };
      }
      return { png: await start(prepared.tree, key, options.draw ?? renderTree), key, cached: false };
    },
    cachedFile(card) {
      const { key } = prepareCard(card);
      if (pending.has(key)) return undefined;
      const file = cache?.wholeFile(key);
      if (file) stats.cached++;
      return file;
    },
    limitThreads(threads) {
      options.limitThreads?.(threads);
    },
    warm(cards) {
      if (!cache) return 0;
      const missing = new Map<string, CardTree>();
      for (const card of cards) {
        const prepared = prepareCard(card);
        const { key } = prepared;
        if (!pending.has(key) && !cache.has(key) && !missing.has(key)) missing.set(key, prepared.tree);
      }
      if (missing.size === 0) return 0;
      const draw = options.drawMany?.(missing.size) ?? options.draw ?? renderTree;
      // A failure shows when a page asks for that card and it is drawn again there.
      for (const [key, tree] of missing) start(tree, key, draw).catch(() => {});
      return missing.size;
    },
  };
}

/** Fewer cards than this are drawn on the main thread: starting workers costs about as much. */
export const POOL_MIN_CARDS = 8;

/**
 * A renderer for a build: cache in ogCacheDir(), entries no build used for 30
 * days pruned; `warm` draws on a worker per core when the worker can be started
 * (see pool.ts), else on the main thread. The build pipeline makes one and
 * owns it (src/integrations/pipeline.ts).
 */
export function createBuildRenderer(options: { cacheDir?: string | null } = {}): OgRenderer {
  let pool: RenderPool | null | undefined;
  let threadLimit: number | undefined;
  const sharedPool = (): RenderPool | undefined => {
    if (pool === undefined) {
      try {
        pool = createRenderPool();
        if (threadLimit !== undefined) pool.setLimit(threadLimit);
      } catch (error) {
        console.warn(`Open Graph images: drawing on one core (${error instanceof Error ? error.message : String(error)})`);
        pool = null;
      }
    }
    return pool ?? undefined;
  };
  return createOgRenderer({
    ...options,
    pruneAfterDays: 30,
    limitThreads: (threads) => {
      threadLimit = threads;
      if (pool) pool.setLimit(threads ?? pool.size);
    },
    drawMany: (count) => {
      if (count < POOL_MIN_CARDS) return undefined;
      const workers = sharedPool();
      if (!workers) return undefined;
      console.log(
        `Open Graph images: drawing ${count} new cards on ${Math.min(threadLimit ?? workers.size, workers.size)} of ${workers.size} worker threads`,
      );
      return async (tree) => (await workers.draw(tree)).png;
    },
  });
}
