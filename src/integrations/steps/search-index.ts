/**
 * The Pagefind search index, from the finished site's post pages: the page of
 * each public post (the pipeline passes their files, from the same posts the
 * pages were made from), read as built. dist/ is kept between builds and what
 * a build no longer produces is removed only at the end, so the index never
 * walks the folder: a post taken back to draft may still have its old page
 * there while the index is made, and must not be found. Each page is added
 * under the address it is served at, base path included, so results link
 * correctly under /blog/ as well.
 *
 * The pipeline starts it as soon as every page is written, so Pagefind works
 * while Astro optimises pictures.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathForFile } from '../../lib/links/site-paths.ts';
import { isSearchable } from '../../lib/search.ts';
import { pipeInOrder } from '../../lib/concurrency.ts';

/** Pages read or being indexed at once: enough to keep Pagefind busy, never the whole site. */
const READ_AHEAD = 16;

/** Parts of a post page that are not the post: kept out of results and excerpts. */
const NOT_CONTENT = ['.booking', '.post-nav', '.related', 'nav', 'script', 'svg'];

/** The file of a post's page under the output folder. */
export function postPageFile(slug: string): string {
  return `posts/${slug}/index.html`;
}

/**
 * Indexes `pages` (files under `root`, such as postPageFile(slug)) into
 * root/pagefind/; returns how many were searchable.
 */
export async function writeSearchIndex(root: string, base: string, pages: readonly string[]): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_CONTENT });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let searchable = 0;
    const files = [...pages].sort();
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
        searchable++;
        const result = await index.addHTMLFile({ url: pathForFile(file, base), content });
        if (result.errors.length) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
      },
    );
    // Pagefind leaves a file alone when one of its name is there already, and dist/ is kept between
    // builds (steps/output-dir.ts, which removes files older than the build): it writes into an empty folder.
    await rm(join(root, 'pagefind'), { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return searchable;
  } finally {
    await pagefind.close();
  }
}
