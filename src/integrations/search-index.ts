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
          const files = await htmlFiles(root);
          // Pages go to Pagefind in file order, whatever order the reads finish in: its index
          // lists pages in the order they were added, and the same site must give the same
          // index (incremental builds are compared with full ones byte for byte). Reads run
          // ahead a few files at a time, so the indexer never waits on the disk.
          const READ_AHEAD = 16;
          const reads: Promise<string>[] = [];
          // Failures are reported where each promise is awaited; the no-op handlers only keep
          // Node from calling them unhandled while the loop is busy with an earlier file.
          const settled = <T>(p: Promise<T>) => (p.catch(() => {}), p);
          const readAt = (i: number) => (reads[i] ??= settled(readFile(join(root, files[i]!), 'utf8')));
          const added: Promise<void>[] = [];
          for (let i = 0; i < files.length; i++) {
            for (let j = i; j < Math.min(files.length, i + READ_AHEAD); j++) readAt(j);
            const content = await readAt(i);
            const file = files[i]!;
            if (!isSearchable(content)) continue;
            pages++;
            added.push(
              settled(
                index.addHTMLFile({ url: pathForFile(file, base), content }).then((result) => {
                  if (result.errors.length) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
                }),
              ),
            );
          }
          await Promise.all(added);
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
