/**
 * The on-disk cache of rendered cards. A card's file name is a hash of
 * everything that decides its pixels (see `cacheKey`), so a changed post, font,
 * palette, template or renderer gives a new name: an old file can be left
 * behind but never served for the wrong picture.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  futimesSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * Where the cache lives: OG_CACHE_DIR if set (tests, CI), otherwise
 * node_modules/.cache/og, the usual home of build caches, which `git clean`
 * and a fresh clone leave out.
 */
export function ogCacheDir(env: Record<string, string | undefined> = process.env, root = process.cwd()): string {
  const dir = env.OG_CACHE_DIR?.trim();
  if (!dir) return join(root, 'node_modules/.cache/og');
  return isAbsolute(dir) ? dir : resolve(root, dir);
}

/** Everything an image depends on. Values are hashed as JSON, so keep them plain data. */
export interface CacheKeyParts {
  templateVersion: number;
  /** The renderer: satori's and sharp's versions and the PNG settings. */
  renderer: unknown;
  /** Hash of the font files. */
  fonts: string;
  /**
   * What is drawn: the card's fields with the identity of the code that lays
   * them out, or (when that code cannot be read) the laid-out element tree.
   */
  content: unknown;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A whole PNG of the expected size: a file cut short by a killed build is not one. */
export function isCompletePng(data: Buffer, width: number, height: number): boolean {
  return data.length > 57 && isCompletePngEnds(data.subarray(0, 24), data.subarray(-8), width, height);
}

/** The same check from a file's first 24 bytes and last 8 (its length checked apart). */
function isCompletePngEnds(head: Buffer, tail: Buffer, width: number, height: number): boolean {
  return (
    head.subarray(0, 8).equals(PNG_SIGNATURE) && head.readUInt32BE(16) === width && head.readUInt32BE(20) === height && tail.equals(IEND)
  );
}

export interface PngCache {
  dir: string;
  /** The file a key's card is kept in (it may not exist). */
  path(key: string): string;
  /** Whether a file is there (not whether it is whole: `get` checks that). */
  has(key: string): boolean;
  get(key: string): Buffer | undefined;
  /**
   * The file of a whole cached card, or undefined: for a build that links the
   * file and needs none of its bytes, only its first and last bytes are read.
   */
  wholeFile(key: string): string | undefined;
  set(key: string, png: Buffer): void;
}

export function pngCache(dir: string, size: { width: number; height: number }): PngCache {
  const file = (key: string) => join(dir, `${key}.png`);
  return {
    dir,
    path: file,
    has: (key) => existsSync(file(key)),
    get(key) {
      const path = file(key);
      try {
        const data = readFileSync(path);
        if (!isCompletePng(data, size.width, size.height)) return undefined;
        // Touch it, so pruning by age keeps what builds still use.
        const now = new Date();
        utimesSync(path, now, now);
        return data;
      } catch {
        // Missing, or pruned by another build a moment ago: render it again.
        return undefined;
      }
    },
    wholeFile(key) {
      const path = file(key);
      let fd: number | undefined;
      try {
        fd = openSync(path, 'r');
        const bytes = fstatSync(fd).size;
        if (bytes <= 57) return undefined;
        const head = Buffer.alloc(24);
        const tail = Buffer.alloc(8);
        readSync(fd, head, 0, 24, 0);
        readSync(fd, tail, 0, 8, bytes - 8);
        if (!isCompletePngEnds(head, tail, size.width, size.height)) return undefined;
        const now = new Date();
        futimesSync(fd, now, now);
        return path;
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    },
    set(key, png) {
      mkdirSync(dir, { recursive: true });
      // Write then rename: readers never see half a file, even from a parallel build.
      const tmp = `${file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, png);
      renameSync(tmp, file(key));
    },
  };
}

/** Remove cached cards not used for `maxAgeDays`; returns how many went. */
export function pruneCache(dir: string, maxAgeDays: number, now = Date.now()): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!/\.png$|\.tmp$/.test(name)) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > maxAgeDays * 86_400_000) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}
