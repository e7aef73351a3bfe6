/** A worker thread of the render pool (pool.ts): draws the card trees it is sent. */
import { parentPort } from 'node:worker_threads';
import { renderTree } from './render.ts';
import type { CardTree } from './template.ts';

parentPort?.on('message', async ({ id, tree }: { id: number; tree: CardTree }) => {
  const started = performance.now();
  try {
    const png = await renderTree(tree);
    const copy = new Uint8Array(png);
    parentPort!.postMessage({ id, png: copy, ms: performance.now() - started }, [copy.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, ms: 0, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
