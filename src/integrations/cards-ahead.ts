/**
 * Starts drawing the build's Open Graph cards as soon as the content check
 * has read the posts, while Astro syncs content and bundles the site. Those
 * steps keep one core busy, so the cards get the others (one worker fewer
 * than there are cores; when the routes render, the card route's own warm()
 * lets every worker draw). The card routes find their cards drawn or being
 * drawn (one renderer per process, src/lib/og/render.ts). Builds only.
 */
import { availableParallelism } from 'node:os';
import type { AstroIntegrationLogger } from 'astro';
import type { ContentReport } from '../lib/content/check-content.ts';
import { publicPostCards } from '../lib/content/report-cards.ts';
import { buildRenderer } from '../lib/og/render.ts';
import { site } from '../site.config.ts';

export function drawCardsAhead(report: ContentReport, context: { command: string; now: Date; logger: AstroIntegrationLogger }): void {
  if (context.command !== 'build') return;
  const started = buildRenderer().warm(publicPostCards(report, site, context.now), { threads: Math.max(1, availableParallelism() - 1) });
  if (started) context.logger.info(`${started} Open Graph card${started === 1 ? '' : 's'} not in the cache: drawing started ahead of the pages`);
}
