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
 * The index is in parts, one per year of publication (src/lib/search-parts.ts):
 * a rebuild makes again only the parts with a page it wrote, and keeps the
 * others in dist/pagefind/ as they are.
 *
 * The pipeline starts it as soon as every page is written, so Pagefind works
 * while Astro optimises pictures.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pathForFile } from '../../lib/site-paths.ts';
import { isSearchable } from '../../lib/search.ts';
import { planSearchParts, searchEntryModule, type SearchPage, type SearchPartsRecord } from '../../lib/search-parts.ts';
import { pipeInOrder } from '../../lib/concurrency.ts';

export type { SearchPage } from '../../lib/search-parts.ts';

/** Pages read or being indexed at once: enough to keep Pagefind busy, never the whole site. */
const READ_AHEAD = 16;

/** Parts of a post page that are not the post: kept out of results and excerpts. */
const NOT_CONTENT = ['.booking', '.post-nav', '.related', 'nav', 'script', 'svg'];

/** The file of a post's page under the output folder. */
export function postPageFile(slug: string): string {
  return `posts/${slug}/index.html`;
}

export interface SearchIndexOptions {
  /** dist/ holds what the last finished build left (steps/output-dir.ts); otherwise every part is made. */
  kept: boolean;
  /** Files with a later or equal modification time were written by this build. */
  since: number;
  /** Where the parts of the last finished build are recorded (in the build cache). */
  recordFile: string;
}

export interface SearchIndexWritten {
  /** Searchable pages in the index. */
  pages: number;
  parts: number;
  /** Parts made by this build (the others were kept). */
  made: number;
  /** The files of the kept parts, relative to the output folder: this build's output too. */
  keptFiles: string[];
}

const FOLDER = 'pagefind';

function readRecord(file: string): SearchPartsRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SearchPartsRecord;
  } catch {
    return undefined;
  }
}

async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Makes one part's index from its pages into root/pagefind/<part>/; returns how many were searchable. */
async function writePart(
  pagefind: typeof import('pagefind'),
  root: string,
  base: string,
  part: string,
  files: readonly string[],
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: NOT_CONTENT });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let searchable = 0;
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
  // builds (steps/output-dir.ts removes files older than the build): it writes into an empty folder.
  const out = join(root, FOLDER, part);
  await rm(out, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return searchable;
}

/**
 * Indexes `pages` (files under `root`, such as postPageFile(slug), each with
 * its part) into root/pagefind/, one folder a part, and writes the entry
 * module the search page loads at root/pagefind/pagefind.js.
 */
export async function writeSearchIndex(
  root: string,
  base: string,
  pages: readonly SearchPage[],
  options: SearchIndexOptions,
): Promise<SearchIndexWritten> {
  const pagefind = await import('pagefind');
  const settings = JSON.stringify({ excludeSelectors: NOT_CONTENT, base, pagefind: pagefindVersion() });
  const previous = options.kept ? readRecord(options.recordFile) : undefined;
  // The record is rewritten once this index is whole: a build that stops halfway leaves none.
  await rm(options.recordFile, { force: true });
  const writtenNow = new Set<string>();
  await Promise.all(
    pages.map(async ({ file }) => {
      const written = await stat(join(root, file)).then(
        (s) => s.mtimeMs >= options.since,
        () => true,
      );
      if (written) writtenNow.add(file);
    }),
  );
  const plan = planSearchParts(pages, settings, previous, (file) => writtenNow.has(file));
  try {
    let searchable = 0;
    let made = 0;
    const keptFiles: string[] = [];
    for (const part of plan) {
      const kept = part.reuse ? await filesUnder(root, `${FOLDER}/${part.name}`).catch(() => undefined) : undefined;
      if (kept?.some((f) => f.endsWith('/pagefind-entry.json'))) {
        keptFiles.push(...kept);
        // Counted from the record, not the files: its pages were all searchable when it was made.
        searchable += part.files.length;
      } else {
        searchable += await writePart(pagefind, root, base, part.name, part.files);
        made++;
      }
    }
    await writeFile(join(root, FOLDER, 'pagefind.js'), searchEntryModule(plan.map((p) => p.name)));
    const record: SearchPartsRecord = { settings, parts: Object.fromEntries(plan.map((p) => [p.name, p.files])) };
    mkdirSync(dirname(options.recordFile), { recursive: true });
    writeFileSync(`${options.recordFile}.tmp`, `${JSON.stringify(record)}\n`);
    renameSync(`${options.recordFile}.tmp`, options.recordFile);
    return { pages: searchable, parts: plan.length, made, keptFiles };
  } finally {
    await pagefind.close();
  }
}

function pagefindVersion(): string {
  try {
    // The package exports no package.json: read it beside its entry point (lib/index.js).
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
