/**
 * Small tools for build steps that run alongside others: a map that keeps a
 * few calls in flight (reading a site's pages without opening them all at
 * once), and a job that starts once, whoever asks first.
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

/** A job that runs once: every call returns the same promise. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let job: Promise<T> | undefined;
  return () => (job ??= handled(run()));
}
