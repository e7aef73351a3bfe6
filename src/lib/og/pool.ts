/**
 * Drawing cards on worker threads, one per core: satori and the PNG encoder
 * each keep one core busy, so on the two-core build machine two workers draw
 * about twice as many cards a second as the main thread alone.
 *
 * The workers run render-worker.ts from src/ with Node's own TypeScript
 * support (Node 24, which `npm run …` uses). In `astro build` this module is
 * bundled away from src/, so the file is looked up from the project folder
 * too; if it cannot be found the pool is not created and cards are drawn on
 * the main thread.
 *
 * Workers hold the process open only while they have work, so a build ends
 * when its last card is drawn.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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

interface Job {
  id: number;
  tree: CardTree;
  resolve: (r: DrawResult) => void;
  reject: (e: Error) => void;
}

/** render-worker.ts next to this module, or in src/lib/og/ of the project being built. */
export function findWorkerFile(cwd = process.cwd()): URL {
  const candidates = [new URL('./render-worker.ts', import.meta.url), pathToFileURL(join(cwd, 'src/lib/og/render-worker.ts'))];
  const found = candidates.find((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)));
  if (!found) throw new Error(`render-worker.ts not found (looked in ${candidates.map((u) => fileURLToPath(u)).join(', ')})`);
  return found;
}

export function createRenderPool(size = availableParallelism(), workerUrl = findWorkerFile()): RenderPool {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const alive = new Set<Worker>();
  let lastError: Error | undefined;
  let nextId = 0;
  let limit = Math.max(1, size);

  const pump = () => {
    while (idle.length > 0 && queue.length > 0 && busy.size < limit) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, tree: job.tree });
    }
  };

  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerUrl);
    worker.on('message', (msg: { id: number; png?: Uint8Array; ms: number; error?: string }) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      worker.unref();
      if (job) {
        if (msg.error || !msg.png) job.reject(new Error(msg.error ?? 'the render worker sent no image'));
        else job.resolve({ png: Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength), ms: msg.ms });
      }
      pump();
    });
    // A worker that fails (it could not load, or crashed) is dropped; with none
    // left, waiting cards fail too, and the renderer draws them on the main thread.
    worker.on('error', (error) => {
      lastError = error;
      busy.get(worker)?.reject(error);
      busy.delete(worker);
    });
    worker.on('exit', () => {
      busy.get(worker)?.reject(lastError ?? new Error('a render worker stopped'));
      busy.delete(worker);
      const i = idle.indexOf(worker);
      if (i >= 0) idle.splice(i, 1);
      alive.delete(worker);
      if (alive.size === 0) for (const job of queue.splice(0)) job.reject(lastError ?? new Error('no render worker is running'));
    });
    worker.unref();
    idle.push(worker);
    alive.add(worker);
    return worker;
  });

  return {
    size: workers.length,
    setLimit(threads) {
      limit = Math.min(workers.length, Math.max(1, Math.floor(threads)));
      pump();
    },
    draw(tree) {
      return new Promise((resolve, reject) => {
        if (alive.size === 0) return reject(lastError ?? new Error('no render worker is running'));
        queue.push({ id: nextId++, tree, resolve, reject });
        pump();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
