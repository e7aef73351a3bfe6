import { describe, expect, it } from 'vitest';
import { mapLimited, once, pipeInOrder } from '../../src/lib/concurrency.ts';

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

describe('pipeInOrder', () => {
  it('hands results over in item order, whatever order the reads finish in', async () => {
    const used: number[] = [];
    // Later items read faster, so their reads finish first.
    await pipeInOrder(
      [1, 2, 3, 4, 5, 6],
      4,
      async (n) => {
        await new Promise((resolve) => setTimeout(resolve, (7 - n) * 3));
        return n;
      },
      async (n) => {
        used.push(n);
      },
    );
    expect(used).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads no further ahead than the window while the consumer is slow', async () => {
    let held = 0;
    let most = 0;
    const items = Array.from({ length: 40 }, (_, i) => i);
    await pipeInOrder(
      items,
      5,
      async (n) => {
        most = Math.max(most, ++held);
        return n;
      },
      async () => {
        await tick();
        held--;
      },
    );
    expect(held).toBe(0);
    expect(most).toBe(5);
  });

  it('rejects with the first failure of a use, and reads nothing far past it', async () => {
    const read: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    const run = pipeInOrder(
      items,
      3,
      async (n) => {
        read.push(n);
        return n;
      },
      async (n) => {
        await tick();
        if (n === 10) throw new Error(`cannot index ${n}`);
      },
    );
    await expect(run).rejects.toThrow('cannot index 10');
    expect(Math.max(...read)).toBeLessThan(10 + 3);
  });

  it('rejects when a read fails', async () => {
    const run = pipeInOrder(
      ['a', 'bad', 'c'],
      2,
      async (s) => {
        if (s === 'bad') throw new Error(`cannot read ${s}`);
        return s;
      },
      async () => {},
    );
    await expect(run).rejects.toThrow('cannot read bad');
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
