/**
 * Rendering a card: satori lays the element tree of the safe area out as SVG,
 * which is set into the full-size card (framedSvg), and sharp rasterises and
 * encodes it as PNG. With a cache, a card whose key is known is read from disk and
 * neither runs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori from 'satori';
import sharp from 'sharp';
import { cacheKey, ogCacheDir, pngCache, pruneCache, type PngCache } from './cache.ts';
import type { OgCard } from './card.ts';
import { ogFonts } from './fonts.ts';
import { cardTree, framedSvg, SAFE_HEIGHT, SAFE_WIDTH, TEMPLATE_VERSION, type CardTree } from './template.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from './urls.ts';

/**
 * Fast zlib, no palette: quantising to a palette made each image 5 to 10 times
 * slower to encode for files about a third the size; these are small either way.
 */
export const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

// One libvips thread per image: builds render cards back to back, and on two
// cores spreading one small image over threads costs more than it saves.
sharp.concurrency(1);

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

let rendererId: Record<string, unknown> | undefined;

/** What the pixels depend on besides the card: renderer versions and settings. */
function rendererIdentity(): Record<string, unknown> {
  rendererId ??= { satori: packageVersion('satori'), sharp: sharp.versions, png: PNG_OPTIONS };
  return rendererId;
}

/** The element tree of a card and the cache key it gets. */
export function prepareCard(card: OgCard): { tree: CardTree; key: string } {
  const fonts = ogFonts();
  const tree = cardTree(card, fonts);
  const key = cacheKey({ templateVersion: TEMPLATE_VERSION, renderer: rendererIdentity(), fonts: fonts.digest, tree });
  return { tree, key };
}

/** Lays out and rasterises a prepared tree: the slow part. */
export async function renderTree(tree: CardTree): Promise<Buffer> {
  const svg = await satori(tree.element as unknown as Parameters<typeof satori>[0], {
    width: SAFE_WIDTH,
    height: SAFE_HEIGHT,
    fonts: ogFonts().satori,
    graphemeImages: tree.graphemeImages,
  });
  return sharp(Buffer.from(framedSvg(svg, tree.background))).removeAlpha().png(PNG_OPTIONS).toBuffer();
}

export interface RenderResult {
  png: Buffer;
  key: string;
  /** True when the PNG came from the cache and nothing was rendered. */
  cached: boolean;
}

export interface OgRenderer {
  render(card: OgCard): Promise<RenderResult>;
  /** How many cards this renderer drew and how many it read from the cache. */
  readonly stats: { rendered: number; cached: number };
  readonly cache: PngCache | undefined;
}

export interface RendererOptions {
  /** Cache folder; `null` renders every time. */
  cacheDir?: string | null;
  /** Drop cached cards unused for this many days when the renderer starts (0: keep all). */
  pruneAfterDays?: number;
}

export function createOgRenderer(options: RendererOptions = {}): OgRenderer {
  const dir = options.cacheDir === undefined ? ogCacheDir() : options.cacheDir;
  const cache = dir === null ? undefined : pngCache(dir, { width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT });
  if (dir && options.pruneAfterDays) pruneCache(dir, options.pruneAfterDays);
  const stats = { rendered: 0, cached: 0 };
  // One render per key at a time, so two pages asking for the same card share it.
  const pending = new Map<string, Promise<Buffer>>();
  return {
    stats,
    cache,
    async render(card) {
      const { tree, key } = prepareCard(card);
      const hit = cache?.get(key);
      if (hit) {
        stats.cached++;
        return { png: hit, key, cached: true };
      }
      let job = pending.get(key);
      if (!job) {
        job = renderTree(tree).then((png) => {
          cache?.set(key, png);
          stats.rendered++;
          return png;
        });
        pending.set(key, job);
        job.finally(() => pending.delete(key)).catch(() => {});
      }
      return { png: await job, key, cached: false };
    },
  };
}

let shared: OgRenderer | undefined;

/** The build's renderer: one per process, cache in ogCacheDir(), old entries pruned after 30 days. */
export function buildRenderer(): OgRenderer {
  shared ??= createOgRenderer({ pruneAfterDays: 30 });
  return shared;
}
