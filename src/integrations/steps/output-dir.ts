/**
 * The output folder kept from one build to the next. Astro empties dist/ before
 * a build, and its incremental build then copies every unchanged page back
 * from its cache: at 10,000 posts that is most of a one-post rebuild. The
 * pipeline keeps dist/ instead (Astro then leaves a page that is already there
 * and unchanged alone) and, once everything is written, removes every file this
 * build did not produce, so a post taken back to draft leaves nothing behind.
 *
 * A file counts as produced when Astro lists it as a route's output (written
 * now or kept because its key is unchanged), when the caller names it (cards
 * linked from their cache keep the cache file's time), or when it was written
 * after the build started (bundles, pictures, public/, the search index, the
 * sitemap). Kept pages are only trusted when the folder is the one the last
 * finished build left with the cache it left: after a failed build, another
 * cache or another folder, the folder is emptied first, as Astro would.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/** Astro's incremental-build record, in its cache folder. */
const ASTRO_MANIFEST = 'incremental-build.json';
/** Ours: which folder the last finished build left, with which Astro record. */
const RECORD = 'site-pipeline/output-dir.json';
/** Kept as Astro keeps it when it empties the folder. */
const NEVER_REMOVED = new Set(['.git']);

interface OutputRecord {
  outDir: string;
  manifest: string;
}

function manifestDigest(cacheDir: string): string | undefined {
  const file = join(cacheDir, ASTRO_MANIFEST);
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : undefined;
}

function readRecord(cacheDir: string): OutputRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, RECORD), 'utf8')) as OutputRecord;
  } catch {
    return undefined;
  }
}

function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) if (!NEVER_REMOVED.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
}

export interface KeptOutput {
  /** Whether the previous build's files were kept (false: the folder was emptied). */
  kept: boolean;
  /** The file system's time when the build started: files written since have a later or equal mtime. */
  since: number;
}

/**
 * Before Astro writes anything: keep the folder if the last finished build left
 * it with the cache that is there now, else empty it. Either way the record is
 * removed until this build finishes, so a build that fails leaves a folder the
 * next one does not trust.
 */
export function prepareOutDir(outDir: string, cacheDir: string): KeptOutput {
  const record = readRecord(cacheDir);
  const manifest = manifestDigest(cacheDir);
  const kept = record !== undefined && manifest !== undefined && record.outDir === resolve(outDir) && record.manifest === manifest;
  rmSync(join(cacheDir, RECORD), { force: true });
  if (!kept) emptyFolder(outDir);
  mkdirSync(outDir, { recursive: true });
  // The time as the file system stamps it (its clock is coarser than Date.now()).
  const probe = join(outDir, `.build-started-${process.pid}`);
  writeFileSync(probe, '');
  const since = statSync(probe).mtimeMs;
  unlinkSync(probe);
  return { kept, since };
}

/**
 * Removes every file under `outDir` that this build did not produce (see the
 * top of this file), then the folders left empty. `produced` holds paths
 * relative to `outDir`, with forward slashes. Returns how many files went.
 */
export async function removeStale(outDir: string, since: number, produced: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<boolean> => {
    let empty = true;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (dir === outDir && NEVER_REMOVED.has(entry.name)) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (await walk(path)) await rmdir(path);
        else empty = false;
      } else if (produced.has(relative(outDir, path).split(sep).join('/')) || (await stat(path)).mtimeMs >= since) {
        empty = false;
      } else {
        await unlink(path);
        removed++;
      }
    }
    return empty;
  };
  if (existsSync(outDir)) await walk(outDir);
  return removed;
}

/** After a finished build: the next build may keep this folder while the cache stays as it is now. */
export function recordOutDir(outDir: string, cacheDir: string): void {
  const manifest = manifestDigest(cacheDir);
  if (manifest === undefined) return; // no incremental build: nothing to keep pages for
  const file = join(cacheDir, RECORD);
  mkdirSync(join(file, '..'), { recursive: true });
  const record: OutputRecord = { outDir: resolve(outDir), manifest };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(record)}\n`);
  renameSync(`${file}.tmp`, file);
}
