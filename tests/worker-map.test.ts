/**
 * The worker map behind validate (src/util/worker-map.ts): results in the items' order
 * whatever the scheduling, the calling thread when workers would not pay or cannot start,
 * and a worker's error reported, not lost.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_BATCH, forEachInWorkers, mapInWorkers, workerThreadsFor } from '../src/util/worker-map.js';

const WORKER = new URL('./helpers/square-worker', import.meta.url);
const square = (n: number) => n * n;
const numbers = Array.from({ length: 100 }, (_, i) => (i * 7) % 101).filter((n) => n !== 13);

describe('mapInWorkers', () => {
  it('maps every item on worker threads, in the items’ order', { timeout: 60_000 }, async () => {
    let workers = 0;
    const out = await mapInWorkers(numbers, WORKER, () => Number.NaN, {
      threads: 2,
      minItems: 0,
      batch: 7,
      onWorkers: (n) => (workers = n),
    });
    expect(workers, 'the items went through worker threads').toBe(2);
    expect(out).toEqual(numbers.map(square));
  });

  it('stays on the calling thread below minItems, with one thread, or without a worker module', async () => {
    const local = (n: number) => -n;
    const expected = numbers.map(local);
    expect(await mapInWorkers(numbers, WORKER, local, { threads: 2, minItems: 1000 })).toEqual(expected);
    expect(await mapInWorkers(numbers, WORKER, local, { threads: 1, minItems: 0 })).toEqual(expected);
    expect(await mapInWorkers(numbers, new URL('./helpers/no-such-worker', import.meta.url), local, { threads: 2, minItems: 0 })).toEqual(
      expected,
    );
  });

  it('rejects with the error a worker threw', { timeout: 60_000 }, async () => {
    // Many batches in flight when one fails: the error reported is the worker's own.
    const items = Array.from({ length: 40 }, (_, i) => i);
    await expect(mapInWorkers(items, WORKER, square, { threads: 2, minItems: 0, batch: 1 })).rejects.toThrow('13 refused');
  });
});

describe('workerThreadsFor', () => {
  it('spreads over as many threads as asked, never more than there are batches, and none below minItems', () => {
    expect(workerThreadsFor(10_000, { threads: 2, minItems: 12_000 })).toBe(0);
    expect(workerThreadsFor(12_000, { threads: 2, minItems: 12_000 })).toBe(2);
    expect(workerThreadsFor(12_000, { threads: 4 })).toBe(4);
    // One thread is the calling thread: no worker for it.
    expect(workerThreadsFor(12_000, { threads: 1 })).toBe(0);
    // A batch runs on one thread: one batch's worth of items is never spread.
    expect(workerThreadsFor(DEFAULT_BATCH, { threads: 2, minItems: 0 })).toBe(0);
    expect(workerThreadsFor(DEFAULT_BATCH + 1, { threads: 2, minItems: 0 })).toBe(2);
    expect(workerThreadsFor(60, { threads: 8, minItems: 0, batch: 20 })).toBe(3);
  });
});

describe('forEachInWorkers', () => {
  it('hands the results over batch by batch, in order, with few batches run ahead of a slow one', { timeout: 60_000 }, async () => {
    const items = Array.from({ length: 60 }, (_, i) => i);
    const handed: number[] = [];
    const results: { n: number; started: number; ended: number }[] = [];
    await forEachInWorkers(
      items,
      WORKER,
      () => ({ n: Number.NaN, started: 0, ended: 0 }),
      (batch, start) => {
        handed.push(start);
        results.push(...batch);
      },
      { threads: 2, minItems: 0, batch: 2, name: 'timedBatch' },
    );
    expect(handed).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(results.map((r) => r.n)).toEqual(items);
    // While the first batch sleeps, the other thread runs only the batches already handed out
    // (two per thread, the first one's included): never the whole queue, which would pile up.
    const slowEnd = results[0]!.ended;
    const ranMeanwhile = new Set(results.filter((r) => r.n > 1 && r.started < slowEnd).map((r) => r.started));
    expect(results[0]!.ended - results[0]!.started).toBeGreaterThanOrEqual(350);
    expect(results.filter((r) => r.n > 1 && r.started < slowEnd).length).toBeLessThanOrEqual(6);
    expect(ranMeanwhile.size).toBeGreaterThan(0);
  });
});
