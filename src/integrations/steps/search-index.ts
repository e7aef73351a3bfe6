/**
 * The Pagefind search index, from the finished site's pages. Only built pages
 * are read, so a post the build left out (a draft, a scheduled post, a post held
 * back) can never be found. Each page is added under the address it is served
 * at, base path included, so results link correctly under /blog/ as well.
 *
 * The pipeline starts it as soon as every page is written, so Pagefind works
 * while Astro optimises pictures.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathForFile } from '../../lib/links/site-paths.ts';
import { isSearchable } from '../../lib/search.ts';
import { pipeInOrder } from '../../lib/concurrency.ts';

/** Pages read or being indexed at once: enough to keep Pagefind busy, never the whole site. */
const READ_AHEAD = 16;

/** Parts of a post page that are not the post: kept out of results and excerpts. */
const NOT_CONTENT = ['.booking', '.post-nav', '.related', 'nav', 'script', 'svg'];

/**
 * The HTML files under `root`, sorted. Folders whose names start with a dot are
 * skipped: while pictures are optimised, Astro's own `.prerender/` is still in
 * the output folder (it is removed afterwards) and holds no pages.
 */
async function htmlFiles(root: string, dir = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && path !== 'pagefind') found.push(...(await htmlFiles(root, path)));
    } else if (entry.isFile() && entry.name.endsWith('.html')) found.push(path);
  }
  return dir ? found : found.sort();
}

/** Indexes the HTML pages under `root` into root/pagefind/; returns how many were searchable. */
export async function writeSearchIndex(root: string, base: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_CONTENT });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    const files = await htmlFiles(root);
    // Pages go to Pagefind in file order, whatever order the reads finish in: its index
    // lists pages in the order they were added, and the same site must give the same
    // index (incremental builds are compared with full ones byte for byte). Reads run a
    // few files ahead of the indexer and no further, so however large the site, only a
    // window of pages is in memory: Pagefind answers each page once it has indexed it.
    await pipeInOrder(
      files,
      READ_AHEAD,
      (file) => readFile(join(root, file), 'utf8'),
      async (content, file) => {
        if (!isSearchable(content)) return;
        pages++;
        const result = await index.addHTMLFile({ url: pathForFile(file, base), content });
        if (result.errors.length) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
      },
    );
    // Pagefind leaves a file alone when one of its name is there already, and dist/ is kept between
    // builds (steps/output-dir.ts, which removes files older than the build): it writes into an empty folder.
    await rm(join(root, 'pagefind'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
