/**
 * A worker thread of the render pool (pool.ts, tinypool): draws the card tree
 * it is sent. The drawing code is imported inside the task, so a worker that
 * cannot load it fails that task (and the card is drawn on the main thread)
 * instead of failing at start-up, which tinypool would not survive.
 */
import type { CardTree } from './template.ts';

export default async function draw({ tree }: { tree: CardTree }): Promise<{ png: Uint8Array; ms: number }> {
  const { renderTree } = await import('./render.ts');
  const started = performance.now();
  const png = new Uint8Array(await renderTree(tree));
  return { png, ms: performance.now() - started };
}
