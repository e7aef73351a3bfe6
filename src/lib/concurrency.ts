/**
 * Small tools for build steps that run alongside others: a map that keeps a
 * few calls in flight, a pipe that reads ahead of its consumer only so far
 * (feeding a site's pages to an indexer in bounded memory), and a job that
 * starts once, whoever asks first.
 *
 * Their promises never count as unhandled while they wait for the caller:
 * a failure is reported where the caller awaits it.
 */

function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * `fn` for every item, at most `limit` at a time, in order; one promise per
 * item, so a caller can use results in order while later ones are underway.
 */
export function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R>[] {
  const settle: ((result: Promise<R>) => void)[] = [];
  const results = items.map(() => handled(new Promise<R>((resolve) => settle.push(resolve))));
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      const result = handled(Promise.resolve().then(() => fn(items[i]!)));
      settle[i]!(result);
      await result.catch(() => {});
    }
  };
  for (let i = 0; i < Math.max(1, limit); i++) void lane();
  return results;
}

/**
 * Reads each item and hands what was read to `use`, in item order, with at
 * most `window` items held at once (read or being read, or handed over and
 * not yet finished). Reads run ahead of a slow consumer only that far, so
 * memory does not grow with the number of items. `use` is called in order,
 * each call before the next read's result is handed over; calls may overlap
 * within the window. The first failure, of a read or a use, rejects.
 */
export async function pipeInOrder<T, R>(
  items: readonly T[],
  window: number,
  read: (item: T) => Promise<R>,
  use: (value: R, item: T) => Promise<unknown>,
): Promise<void> {
  const limit = Math.max(1, window);
  const reads = new Map<number, Promise<R>>();
  const using: Promise<unknown>[] = [];
  let started = 0;
  for (let i = 0; i < items.length; i++) {
    while (started < items.length && reads.size + using.length < limit) {
      reads.set(started, handled(read(items[started]!)));
      started++;
    }
    const value = await reads.get(i)!;
    reads.delete(i);
    using.push(handled(use(value, items[i]!)));
    // Oldest first: a later use that finished early still counts until the oldest is done.
    while (using.length && reads.size + using.length >= limit) await using.shift();
  }
  await Promise.all(using);
}

/** A job that runs once: every call returns the same promise. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let job: Promise<T> | undefined;
  return () => (job ??= handled(run()));
}
