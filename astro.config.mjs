// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.config.ts';
import { sitePipeline } from './src/integrations/pipeline.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { PROSE_IMAGE_WIDTHS, proseImages } from './src/lib/prose-images.ts';
import { citationMarkers } from './src/lib/citations/markdown-plugin.ts';
import { heldBackLinks } from './src/lib/content/held-back-links.ts';
import { cspConfig } from './src/lib/csp.ts';

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
  // (with 1, the main thread sat idle on every write).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  security: { csp: cspConfig() },
  // Body images get the reading column's widths and sizes (src/lib/prose-images.ts); MDX inherits the processor.
  // Layout CSS is ours (global.css), not Astro's.
  // AVIF at effort 0 and WebP at effort 2, not sharp's 4: on a 720 px photograph AVIF took 55 ms a file
  // instead of 223 ms at effort 2 for files 5 % larger (still half the WebP's size); encoding was most of the cold
  // build's picture time.
  image: {
    layout: 'constrained',
    breakpoints: [...PROSE_IMAGE_WIDTHS],
    responsiveStyles: false,
    service: sharpImageService({ avif: { effort: 0 }, webp: { effort: 2 } }),
  },
  // No syntax colouring: Shiki writes inline styles, which the CSP blocks; code blocks use the site's CSS.
  // [@key] citation markers become links to the Sources list (src/lib/citations/markdown-plugin.ts).
  markdown: {
    processor: satteri({ mdastPlugins: [citationMarkers()], hastPlugins: [proseImages(), heldBackLinks()] }),
    syntaxHighlight: false,
  },
  // Incremental builds: a page whose cache key (src/data/route-keys.ts), code and rendered content are unchanged
  // is copied from the previous build instead of rendered (docs/architecture.md, "Cache keys and incremental builds").
  // `astro build --force` renders all.
  experimental: { incrementalBuild: true },
  // sitePipeline reads the content once, holds the build's "now", and runs the build's own steps
  // (cards, search index, redirects, sitemap, publish check). The editor at /admin/ is plain pages (src/pages/admin/).
  integrations: [sitePipeline(), mdx()],
});
