import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { prepareOutDir, recordOutDir, removeStale } from '../../src/integrations/steps/output-dir.ts';

const root = mkdtempSync(join(tmpdir(), 'output-dir-'));
const outDir = join(root, 'dist');
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, text = 'x', ageSeconds = 0): void {
  const file = join(outDir, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  if (ageSeconds) {
    const then = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(file, then, then);
  }
}

/** A finished build: Astro's incremental record in the cache, and ours beside it. */
function finishedBuild(manifest = '{"routes":{}}'): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'incremental-build.json'), manifest);
  recordOutDir(outDir, cacheDir);
}

beforeEach(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('keeping dist/ between builds', () => {
  it('keeps the folder the last finished build left with the cache that is still there', () => {
    put('posts/a/index.html');
    finishedBuild();
    expect(prepareOutDir(outDir, cacheDir).kept).toBe(true);
    expect(existsSync(join(outDir, 'posts/a/index.html'))).toBe(true);
  });

  it('empties the folder when the cache changed since, when no build finished, or for another folder', () => {
    put('posts/a/index.html');
    finishedBuild();
    writeFileSync(join(cacheDir, 'incremental-build.json'), '{"routes":{"other":{}}}');
    expect(prepareOutDir(outDir, cacheDir).kept).toBe(false);
    expect(existsSync(join(outDir, 'posts/a/index.html'))).toBe(false);

    // The build that just started has not finished: the next one must not trust the folder.
    put('posts/b/index.html');
    expect(prepareOutDir(outDir, cacheDir).kept).toBe(false);
    expect(existsSync(join(outDir, 'posts/b/index.html'))).toBe(false);

    put('posts/c/index.html');
    finishedBuild();
    expect(prepareOutDir(join(root, 'elsewhere'), cacheDir).kept).toBe(false);
  });

  it('leaves .git alone when it empties the folder, as Astro does', () => {
    put('.git/HEAD');
    put('index.html');
    expect(prepareOutDir(outDir, cacheDir).kept).toBe(false);
    expect(readdirSync(outDir)).toEqual(['.git']);
  });
});

describe('removing what a build no longer produces', () => {
  it('removes files older than the build unless the build names them, and the folders left empty', async () => {
    const { since } = prepareOutDir(outDir, cacheDir);
    // What the previous build left (written a minute before this one started).
    put('posts/kept-by-astro/index.html', 'old page, unchanged', 60);
    put('posts/withdrawn/index.html', 'a draft now', 60);
    put('og/posts/withdrawn.png', 'its card', 60);
    put('og/posts/linked.png', 'a card linked from the cache keeps its old time', 60);
    put('_astro/old.css', 'last build', 60);
    put('.git/HEAD', 'never touched', 60);
    // What this build wrote.
    put('_astro/new.css', 'written by this build');
    put('sitemap-index.xml', 'written by this build');

    const removed = await removeStale(outDir, since, new Set(['posts/kept-by-astro/index.html', 'og/posts/linked.png']));

    expect(removed).toBe(3);
    const left = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(outDir.length + 1))
      .sort();
    expect(left).toEqual(['.git/HEAD', '_astro/new.css', 'og/posts/linked.png', 'posts/kept-by-astro/index.html', 'sitemap-index.xml']);
    expect(existsSync(join(outDir, 'posts/withdrawn'))).toBe(false);
  });
});
