// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { site } from './src/site.config.ts';
import { contentGuard } from './src/integrations/content-guard.ts';
import { publishCheck } from './src/integrations/publish-check.ts';
import { previewMode } from './src/integrations/preview-mode.ts';
import { editor } from './src/integrations/editor.ts';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  // Tests and the benchmark build several sites side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  server: { host: '127.0.0.1' },
  build: { format: 'directory' },
  // editor() adds the browser editor under `astro dev` only; builds never contain it.
  integrations: [previewMode(), contentGuard({ timeZone: site.timezone }), publishCheck({ timeZone: site.timezone }), mdx(), editor()],
});
