/**
 * The Pagefind search index, from the finished site's pages. Only built pages
 * are read, so a post the build left out (a draft, a scheduled post, a post held
 * back) can never be found. Each page is added under the address it is served
 * at, base path included, so results link correctly under /blog/ as well.
 *
 * The pipeline starts it as soon as every page is written, so Pagefind works
 * while Astro optimises pictures.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathForFile } from '../../lib/site-paths.ts';
import { isSearchable } from '../../lib/search.ts';
import { mapLimited } from '../../lib/concurrency.ts';

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
    // index (incremental builds are compared with full ones byte for byte). Reads run
    // ahead a few files at a time, so the indexer never waits on the disk.
    const reads = mapLimited(files, 16, (file) => readFile(join(root, file), 'utf8'));
    const added: Promise<void>[] = [];
    for (const [i, file] of files.entries()) {
      const content = await reads[i]!;
      if (!isSearchable(content)) continue;
      pages++;
      added.push(
        index.addHTMLFile({ url: pathForFile(file, base), content }).then((result) => {
          if (result.errors.length) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
        }),
      );
      // Keep Node from calling a failed add unhandled while the loop reads on; Promise.all reports it.
      added.at(-1)!.catch(() => {});
    }
    await Promise.all(added);
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await pagefind.close();
  }
}
