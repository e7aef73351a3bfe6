/**
 * Rendered post bodies kept on disk, one file per key, so Astro's content
 * store holds the post model only. The store is a module of the build's
 * bundle: HTML in it was bundled, parsed and held in memory several times in
 * every build, and grew each build's fixed cost with the archive.
 *
 * A key is a hash of everything that decides the HTML (see `htmlCacheKey`),
 * so a changed post or Markdown setup gives a new file and an old one is
 * never read for it. Files are written under a temporary name and renamed, so
 * a killed build leaves no half-written body behind. A build removes the
 * files its posts no longer use.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SUFFIX = '.html';

export interface HtmlCache {
  readonly dir: string;
  /**
   * What besides a post decides every body (the Markdown settings, the plugins' code, the
   * installed packages): pages that show a body are keyed on it too (src/data/route-keys.ts).
   */
  readonly identity: string;
  /** The keys of the bodies there now. */
  keys(): Set<string>;
  /** A body, or undefined when its file is not there. */
  read(key: string): string | undefined;
  write(key: string, html: string): void;
  /** Removes every file but the bodies of `keep` (temporary files of a killed build too); returns how many. */
  prune(keep: ReadonlySet<string>): number;
}

/** The file name of a body: a hash of plain data, so keep the parts JSON. */
export function htmlCacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The cache in `<cacheDir>/post-html/`. */
export function postHtmlDir(cacheDir: string): string {
  return join(cacheDir, 'post-html');
}

function listing(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * A digest of source files (each file, or every file below a folder), with their paths: a Markdown
 * plugin's function text leaves out the helpers it imports, so the code they live in is counted whole.
 */
export function sourceDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  const files = paths.flatMap((path) => {
    const full = join(root, path);
    if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) return [full];
    return readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => join(full, name));
  });
  for (const file of files.sort()) {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

export function openHtmlCache(dir: string, identity = ''): HtmlCache {
  const file = (key: string) => join(dir, `${key}${SUFFIX}`);
  let made = false;
  return {
    dir,
    identity,
    keys() {
      return new Set(
        listing(dir)
          .filter((name) => name.endsWith(SUFFIX))
          .map((name) => name.slice(0, -SUFFIX.length)),
      );
    },
    read(key) {
      try {
        return readFileSync(file(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    write(key, html) {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const temp = join(dir, `${key}.${randomUUID()}.tmp`);
      writeFileSync(temp, html);
      renameSync(temp, file(key));
    },
    prune(keep) {
      let removed = 0;
      for (const name of listing(dir)) {
        if (name.endsWith(SUFFIX) && keep.has(name.slice(0, -SUFFIX.length))) continue;
        rmSync(join(dir, name), { force: true, recursive: true });
        removed++;
      }
      return removed;
    },
  };
}

const SHARED = Symbol.for('wellness-rituals.post-html-cache');
const holder = globalThis as { [SHARED]?: HtmlCache | undefined };

/**
 * The content loader opens the cache and the pages read it in the same
 * process, from different module graphs (Astro loads the loader apart from the
 * bundle), so the one instance is kept on globalThis, as the session is.
 */
export function shareHtmlCache(cache: HtmlCache | undefined): void {
  holder[SHARED] = cache;
}

export function sharedHtmlCache(): HtmlCache | undefined {
  return holder[SHARED];
}
