/**
 * The worker map and pipeline behind validate (src/util/worker-map.ts): results in the items'
 * order whatever the scheduling, the calling thread when workers would not pay or cannot start,
 * and a worker's error reported, not lost.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BATCH,
  DEFAULT_YOUNG_GENERATION_MB,
  forEachInWorkers,
  mapInWorkers,
  PIPELINE_AHEAD,
  pipeThroughWorker,
  workerThreadsFor,
} from '../src/util/worker-map.js';

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

describe('pipeThroughWorker', () => {
  // Multiples of 5 this thread finishes itself; the worker squares the even numbers of the rest
  // and gives the odd ones back, which `local` then does here.
  const stages = {
    prepare: (n: number) => (n % 5 === 0 ? { result: `here ${n}` } : { send: n }),
    name: 'squareEvens',
    local: (n: number) => `local ${n}`,
  };
  const expected = (items: readonly number[]) => items.map((n) => (n % 5 === 0 ? `here ${n}` : n % 2 === 0 ? n * n : `local ${n}`));
  const items = Array.from({ length: 200 }, (_, i) => i + 14);

  it('prepares here, finishes on one worker thread, hands the results over in order', { timeout: 60_000 }, async () => {
    const handed: number[] = [];
    const results: (number | string)[] = [];
    const how: [number, string][] = [];
    await pipeThroughWorker<number, number, number | string>(
      items,
      WORKER,
      stages,
      (batch, start) => {
        handed.push(start);
        results.push(...batch);
      },
      { batch: 9, onWorkers: (n, mode) => how.push([n, mode]) },
    );
    expect(how).toEqual([[1, 'pipeline']]);
    expect(handed).toEqual(Array.from({ length: Math.ceil(items.length / 9) }, (_, i) => i * 9));
    expect(results).toEqual(expected(items));
  });

  it('gives the worker thread the young generation asked for, and 16 MiB by default', { timeout: 60_000 }, async () => {
    const seen = async (options: { youngGenerationMb?: number }) => {
      const results: number[] = [];
      await pipeThroughWorker<number, number, number>(
        [1, 2, 3],
        WORKER,
        { prepare: (n) => ({ send: n }), name: 'youngGeneration', local: () => Number.NaN },
        (batch) => results.push(...batch),
        options,
      );
      return new Set(results);
    };
    expect(DEFAULT_YOUNG_GENERATION_MB).toBe(16);
    expect(await seen({})).toEqual(new Set([DEFAULT_YOUNG_GENERATION_MB]));
    expect(await seen({ youngGenerationMb: 64 })).toEqual(new Set([64]));
  });

  it('runs every item through local without a worker module', async () => {
    const results: (number | string)[] = [];
    await pipeThroughWorker<number, number, number | string>(
      items,
      new URL('./helpers/no-such-worker', import.meta.url),
      stages,
      (batch) => results.push(...batch),
      { batch: 9, onWorkers: () => expect.unreachable('no worker can start') },
    );
    expect(results).toEqual(items.map((n) => (n % 5 === 0 ? `local ${n}` : `local ${n}`)));
  });

  it('never prepares more than PIPELINE_AHEAD batches ahead of the worker', { timeout: 60_000 }, async () => {
    // The batch holding 0 keeps the worker for 300 ms: meanwhile this thread stops preparing.
    const all = Array.from({ length: 400 }, (_, i) => i + 14).map((n) => (n === 14 ? 0 : n));
    let prepared = 0;
    let preparedAtFirst = -1;
    await pipeThroughWorker<number, number, number | string>(
      all,
      WORKER,
      {
        ...stages,
        prepare: (n) => {
          prepared++;
          return stages.prepare(n);
        },
      },
      () => {
        if (preparedAtFirst < 0) preparedAtFirst = prepared;
      },
      { batch: 4 },
    );
    expect(prepared).toBe(all.length);
    expect(preparedAtFirst).toBeGreaterThanOrEqual(4);
    expect(preparedAtFirst).toBeLessThanOrEqual(4 * PIPELINE_AHEAD);
  });

  it('rejects with the error the worker threw, and hands nothing over after it', { timeout: 60_000 }, async () => {
    const handed: number[] = [];
    await expect(
      pipeThroughWorker<number, number, number | string>(
        Array.from({ length: 40 }, (_, i) => i + 1),
        WORKER,
        stages,
        (_, start) => handed.push(start),
        {
          batch: 4,
        },
      ),
    ).rejects.toThrow('13 refused');
    // 13 is in the batch starting at item 12: the three batches before it were handed over, none after.
    expect(handed).toEqual([0, 4, 8]);
  });
});
