// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.config.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { publishCheck } from './src/integrations/publish-check.ts';
import { previewMode } from './src/integrations/preview-mode.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { searchIndex } from './src/integrations/search-index.ts';
import { prerenderSteps } from './src/integrations/prerender-steps.ts';
import { openGraphCards } from './src/integrations/og-cards.ts';
import { blogSitemap } from './src/integrations/sitemap.ts';
import { PROSE_IMAGE_WIDTHS, proseImages } from './src/lib/prose-images.ts';
import { cspConfig } from './src/lib/csp.ts';

const search = searchIndex();
const publish = publishCheck({ timeZone: site.timezone });
const cards = openGraphCards();

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  // Tests and the benchmark build several sites side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  server: { host: '127.0.0.1' },
  // CSS inlined: a post arrives in one response (see `npm run weight`), and CSP hashes it.
  // concurrency: a few routes in flight, so one route's file writes overlap the next one's rendering
  // (with 1, the main thread sat idle on every write; README, Performance).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  security: { csp: cspConfig() },
  // Body images get the reading column's widths and sizes (src/lib/prose-images.ts); MDX inherits the processor.
  // Layout CSS is ours (global.css), not Astro's.
  // AVIF at effort 0 and WebP at effort 2, not sharp's 4: on a 720 px photograph AVIF took 55 ms a file
  // instead of 223 ms at effort 2 for files 5 % larger (still half the WebP's size); encoding was most of the cold
  // build's picture time (README, Performance).
  image: {
    layout: 'constrained',
    breakpoints: [...PROSE_IMAGE_WIDTHS],
    responsiveStyles: false,
    service: sharpImageService({ avif: { effort: 0 }, webp: { effort: 2 } }),
  },
  // No syntax colouring: Shiki writes inline styles, which the CSP blocks; code blocks use the site's CSS.
  markdown: { processor: satteri({ hastPlugins: [proseImages()] }), syntaxHighlight: false },
  // Incremental builds: a page whose cache key (src/data/route-keys.ts), code and rendered content are unchanged
  // is copied from the previous build instead of rendered (README, Performance). `astro build --force` renders all.
  experimental: { incrementalBuild: true },
  // openGraphCards: a build draws the post cards from the moment the content check has read the posts and writes
  // them itself, so drawing goes on while Astro renders pages and optimises pictures. prerenderSteps tells it, and
  // the search index, when routes start and when every page is written.
  integrations: [
    previewMode(),
    // The content check's report feeds the cards and the publish check, so posts are read once.
    contentGuard({ timeZone: site.timezone, onChecked: [cards.contentChecked, (report) => publish.contentChecked(report)] }),
    publish,
    mdx(),
    prerenderSteps({ beforeRoutes: [() => cards.routesStarting()], afterRoutes: [() => cards.routesRendered(), () => search.routesRendered()] }),
    cards,
    ...blogSitemap(),
    search,
  ],
});
