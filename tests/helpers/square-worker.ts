/** A worker for tests/worker-map.test.ts: squares each number of its batch; 13 is refused. */
import { resourceLimits } from 'node:worker_threads';

export default function squareBatch(batch: readonly number[]): number[] {
  return batch.map((n) => {
    if (n === 13) throw new Error('13 refused');
    return n * n;
  });
}

/** For the in-flight test: when each batch started and ended; the batch holding 0 takes 400 ms. */
export function timedBatch(batch: readonly number[]): { n: number; started: number; ended: number }[] {
  const started = Date.now();
  if (batch.includes(0)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
  const ended = Date.now();
  return batch.map((n) => ({ n, started, ended }));
}

/** For the pipeline test: an even number squared, an odd one given back (undefined); 13 refused; the batch holding 0 takes 300 ms. */
export function squareEvens(batch: readonly number[]): (number | undefined)[] {
  if (batch.includes(0)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  return batch.map((n) => {
    if (n === 13) throw new Error('13 refused');
    return n % 2 === 0 ? n * n : undefined;
  });
}

/** For the young generation test: the worker thread's own young generation limit, once per item. */
export function youngGeneration(batch: readonly number[]): number[] {
  return batch.map(() => resourceLimits.maxYoungGenerationSizeMb ?? Number.NaN);
}
