/**
 * The worker map behind validate (src/util/worker-map.ts): results in the items' order
 * whatever the scheduling, the calling thread when workers would not pay or cannot start,
 * and a worker's error reported, not lost.
 */
import { describe, expect, it } from 'vitest';
import { mapInWorkers } from '../src/util/worker-map.js';

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
