/**
 * Builds the Pagefind search index from the finished site, after `astro build`.
 * Only built pages are read, so drafts and scheduled posts (never built) can
 * never be found. Each page is added under the address it is served at,
 * base path included, so results link correctly under /blog/ as well.
 */
import type { AstroIntegration } from 'astro';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathForFile } from '../lib/links/site-paths.ts';
import { isSearchable } from '../lib/search.ts';

/** Parts of a post page that are not the post: kept out of results and excerpts. */
const NOT_CONTENT = ['.booking', '.post-nav', '.related', 'nav', 'script', 'svg'];

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => !p.startsWith('pagefind/'))
    .sort();
}

export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        try {
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_CONTENT });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          let pages = 0;
          const queue = await htmlFiles(root);
          // A few files in flight at once: Pagefind's indexer works while the next file is read.
          const worker = async () => {
            for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
              const content = await readFile(join(root, file), 'utf8');
              if (!isSearchable(content)) continue;
              const added = await index.addHTMLFile({ url: pathForFile(file, base), content });
              if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
              pages++;
            }
          };
          await Promise.all(Array.from({ length: 8 }, worker));
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
          logger.info(`search index: ${pages} post${pages === 1 ? '' : 's'}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
