/**
 * The search index in parts, one per year of publication: Pagefind cannot add
 * to an index, so one index for the whole archive had to be made again from
 * every page for any edit (at 10,000 posts, most of a one-post rebuild). A
 * part is made again only when one of its pages was written by this build, or
 * its list of pages or the index settings changed; the other parts are kept
 * as the last build left them. The search page loads the newest part and
 * merges the others in the browser (Pagefind's mergeIndex), through a small
 * module written in place of Pagefind's own entry point (searchEntryModule).
 */

export interface SearchPage {
  /** The page's file under the output folder. */
  file: string;
  /** The part it is indexed in: its year of publication. */
  part: string;
}

/** What the last finished build indexed: the settings and each part's pages. */
export interface SearchPartsRecord {
  settings: string;
  parts: Record<string, string[]>;
}

export interface PlannedPart {
  name: string;
  /** Its pages, sorted: the order they are added in (the same pages give the same index). */
  files: string[];
  /** Kept as the last build left it. */
  reuse: boolean;
}

/**
 * Which parts to make and which to keep. `previous` is the last finished
 * build's record, or undefined when its output cannot be trusted (dist/ was
 * emptied); `written` says whether this build wrote a page. Parts come newest
 * first; a site without pages has one empty part, so search still answers.
 */
export function planSearchParts(
  pages: readonly SearchPage[],
  settings: string,
  previous: SearchPartsRecord | undefined,
  written: (file: string) => boolean,
): PlannedPart[] {
  const byPart = new Map<string, string[]>();
  for (const page of pages) {
    const files = byPart.get(page.part) ?? [];
    files.push(page.file);
    byPart.set(page.part, files);
  }
  if (!byPart.size) byPart.set('all', []);
  const sameSettings = previous?.settings === settings;
  return [...byPart.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([name, files]) => {
      files.sort();
      const before = sameSettings ? previous?.parts[name] : undefined;
      const reuse =
        before !== undefined && before.length === files.length && before.every((f, i) => f === files[i]) && !files.some(written);
      return { name, files, reuse };
    });
}

/**
 * The module the search page imports in place of Pagefind's own: it loads the
 * newest part and merges the others, with the options the page sets on it.
 * `parts` are folder names next to the module, newest first.
 */
export function searchEntryModule(parts: readonly string[]): string {
  if (!parts.length) throw new Error('searchEntryModule needs at least one part');
  const [first, ...rest] = parts;
  return [
    '// Written by the build (src/lib/search-parts.ts): the search index is in parts, one a year of',
    '// publication, newest first. This loads the newest and merges the others into its searches.',
    `const rest = ${JSON.stringify(rest.map((p) => `./${p}/`))};`,
    `const pagefind = await import(new URL(${JSON.stringify(`./${first}/pagefind.js`)}, import.meta.url).href);`,
    'export async function options(settings) {',
    '  await pagefind.options(settings);',
    '  for (const part of rest) await pagefind.mergeIndex(new URL(part, import.meta.url).href, settings);',
    '}',
    'export const search = (...args) => pagefind.search(...args);',
    'export const debouncedSearch = (...args) => pagefind.debouncedSearch(...args);',
    '',
  ].join('\n');
}
