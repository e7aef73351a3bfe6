import { describe, expect, it } from 'vitest';
import { mapLimited, once } from '../../src/lib/concurrency.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('mapLimited', () => {
  it('gives each item its own result, in order, with no more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = mapLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
      return n * 10;
    });
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('reports a failure where its result is awaited, and goes on with the rest', async () => {
    const results = mapLimited(['a', 'bad', 'c'], 2, async (s) => {
      await tick();
      if (s === 'bad') throw new Error(`cannot read ${s}`);
      return s;
    });
    await expect(results[1]).rejects.toThrow('cannot read bad');
    expect(await results[2]).toBe('c');
  });
});

describe('once', () => {
  it('starts the job on the first call only', async () => {
    let runs = 0;
    const job = once(async () => ++runs);
    expect(await Promise.all([job(), job(), job()])).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });
});
