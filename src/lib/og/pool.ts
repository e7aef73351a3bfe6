/**
 * Drawing cards on worker threads, one per core, with tinypool: satori and the
 * PNG encoder each keep one core busy, so on the two-core build machine two
 * workers draw about twice as many cards a second as the main thread alone.
 *
 * The workers run render-worker.ts from src/ with Node's own TypeScript
 * support (Node 24, which `npm run …` uses). In `astro build` this module may
 * be bundled away from src/, so the file is looked up from the project folder
 * too; if it cannot be found the pool is not created and cards are drawn on
 * the main thread.
 *
 * `setLimit` lets the build keep a core free for Astro while it bundles: it
 * caps how many cards are in flight, whatever the number of threads.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Tinypool } from 'tinypool';
import type { CardTree } from './template.ts';

export interface DrawResult {
  png: Buffer;
  /** Time the worker spent drawing, in milliseconds. */
  ms: number;
}

export interface RenderPool {
  readonly size: number;
  /** Draw on at most `threads` workers at once (1 to size), leaving the other cores to other work. */
  setLimit(threads: number): void;
  draw(tree: CardTree): Promise<DrawResult>;
  close(): Promise<void>;
}

/** render-worker.ts next to this module, or in src/lib/og/ of the project being built. */
export function findWorkerFile(cwd = process.cwd()): URL {
  const candidates = [new URL('./render-worker.ts', import.meta.url), pathToFileURL(join(cwd, 'src/lib/og/render-worker.ts'))];
  const found = candidates.find((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)));
  if (!found) throw new Error(`render-worker.ts not found (looked in ${candidates.map((u) => fileURLToPath(u)).join(', ')})`);
  return found;
}

export function createRenderPool(size = availableParallelism(), workerUrl = findWorkerFile()): RenderPool {
  const threads = Math.max(1, size);
  // Idle workers end after a second, so a finished build is not held open by them.
  const pool = new Tinypool({ filename: workerUrl.href, minThreads: 0, maxThreads: threads, idleTimeout: 1000 });
  const waiting: (() => void)[] = [];
  let limit = threads;
  let running = 0;
  const next = () => {
    while (running < limit && waiting.length) {
      running++;
      waiting.shift()!();
    }
  };
  return {
    size: threads,
    setLimit(n) {
      limit = Math.min(threads, Math.max(1, Math.floor(n)));
      next();
    },
    async draw(tree) {
      await new Promise<void>((go) => {
        waiting.push(go);
        next();
      });
      try {
        const { png, ms } = (await pool.run({ tree })) as { png: Uint8Array; ms: number };
        return { png: Buffer.from(png.buffer, png.byteOffset, png.byteLength), ms };
      } finally {
        running--;
        next();
      }
    },
    close: () => pool.destroy(),
  };
}
