/**
 * Writes the posts' Open Graph cards into the build, dist/og/posts/<slug>.png.
 * (`astro dev` draws them on request with src/pages/og/posts/[slug].png.ts,
 * which in a build makes no files.) Outside Astro's routes, the cards can be
 * drawn across the whole build rather than hold up the pages:
 * - from the moment the content check has read the posts (`contentChecked`),
 *   on every core but one while Astro syncs content and bundles on the other;
 * - on every core once Astro starts rendering the pages (`routesStarting`);
 * - written as each is ready from the moment every page is written
 *   (`routesRendered`), so drawing goes on while Astro optimises pictures; the
 *   build waits for the last card at the end.
 * The cards are the content check's public posts by the one publishing rule
 * (src/lib/content/report-cards.ts), at the build's "now": the posts the pages
 * show, so every og:image has its file (the link check proves it) and no
 * draft or scheduled post has one. Cards come from the cache when they can
 * (one renderer per process, src/lib/og/render.ts).
 */
import { link, mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ContentReport } from '../lib/content/check-content.ts';
import { publicPostCards, type PostCardEntry } from '../lib/content/report-cards.ts';
import { once } from '../lib/concurrency.ts';
import { buildRenderer } from '../lib/og/render.ts';
import { ogImagePath } from '../lib/og/urls.ts';
import { site } from '../site.config.ts';

export interface OpenGraphCardsIntegration extends AstroIntegration {
  contentChecked(report: ContentReport, context: { command: string; now: Date; logger: AstroIntegrationLogger }): void;
  routesStarting(): void;
  routesRendered(): void;
}

export function openGraphCards(): OpenGraphCardsIntegration {
  let entries: PostCardEntry[] | undefined;
  let outDir = '';

  const write = async (): Promise<number> => {
    const list = entries ?? [];
    const renderer = buildRenderer();
    if (list.length) await mkdir(join(outDir, ogImagePath('x'), '..'), { recursive: true });
    await Promise.all(
      list.map(async ({ slug, card }) => {
        const { png, key } = await renderer.render(card);
        const file = join(outDir, ogImagePath(slug));
        // A hard link to the cached card, where the file system allows: a rebuild then writes
        // no card at all (1,000 of them are 100 MB). Cached files are only ever replaced by
        // rename, never written into, so the link keeps the bytes it was made with.
        const cached = renderer.cache?.path(key);
        if (cached) {
          try {
            await link(cached, file);
            return;
          } catch {
            // Another disk, or links not allowed: write a copy.
          }
        }
        await writeFile(file, png);
      }),
    );
    return list.length;
  };
  const start = once(write);

  return {
    name: 'og-cards',
    contentChecked(report, { command, now, logger }) {
      if (command !== 'build') return;
      entries = publicPostCards(report, site, now);
      const renderer = buildRenderer();
      // One core is Astro's while it syncs content and bundles.
      renderer.limitThreads(Math.max(1, availableParallelism() - 1));
      const started = renderer.warm(entries.map((e) => e.card));
      if (started) logger.fork('og-cards').info(`${started} Open Graph card${started === 1 ? '' : 's'} not in the cache: drawing started ahead of the pages`);
    },
    routesStarting() {
      // Every core from now: the main thread renders pages, the workers draw.
      buildRenderer().limitThreads();
    },
    routesRendered() {
      if (outDir) void start();
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        outDir = fileURLToPath(dir);
        const written = await start();
        logger.info(`${written} Open Graph card${written === 1 ? '' : 's'} in og/posts/`);
      },
    },
  };
}
