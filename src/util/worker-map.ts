/**
 * Maps items over worker threads (piscina), one per core, in batches; the results come
 * back in the items' order, so they never depend on scheduling.
 *
 * Workers pay a start-up cost (each loads its modules), so small inputs run on the calling
 * thread, as does everything when the worker module is missing (a bundle that did not
 * emit it) or no thread pool can start: slower, never wrong.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface WorkerMapOptions {
  /** Worker threads; default: one per available core. 0 or 1 runs on the calling thread. */
  threads?: number;
  /** Use workers from this many items on. */
  minItems?: number;
  /** Items per task (default DEFAULT_BATCH, 250): large enough to amortise messaging, small enough to balance the cores. */
  batch?: number;
  /** The worker module's export that takes a batch (default: its default export). */
  name?: string;
  /** Called once when the items are handed to worker threads (tests use it to know they were): how many, and how (pipeThroughWorker: 'pipeline'). */
  onWorkers?: (threads: number, how: 'workers' | 'pipeline') => void;
  /** Given to every worker thread (its `workerData`): what all its batches share. */
  workerData?: unknown;
  /** Each worker thread's young generation (default DEFAULT_YOUNG_GENERATION_MB). */
  youngGenerationMb?: number;
}

/**
 * The worker module at `base` (a URL without extension): compiled (.js / .mjs), or the
 * TypeScript source under tsx. Its default export (or the one `name` gives) takes a batch of items and returns their results.
 */
function workerFile(base: URL): { filename: string; execArgv: string[] } | undefined {
  for (const ext of ['.js', '.mjs', '.ts']) {
    const url = new URL(`${base.href}${ext}`);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) continue;
    // TypeScript source (development, tests): the worker needs tsx's loader, which a
    // thread inherits from `tsx` itself but not from a test runner's own transform.
    const needsTsx = ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx'));
    return { filename: url.href, execArgv: needsTsx ? [...process.execArgv, '--import', 'tsx'] : process.execArgv };
  }
  return undefined;
}

export async function mapInWorkers<T, R>(
  items: readonly T[],
  worker: URL,
  local: (item: T) => R,
  options: WorkerMapOptions = {},
): Promise<R[]> {
  const results: R[] = [];
  await forEachInWorkers(
    items,
    worker,
    local,
    (batch) => {
      for (const result of batch) results.push(result);
    },
    options,
  );
  return results;
}

/**
 * Like mapInWorkers, but hands the results to `consume` batch by batch, in the items' order, as
 * soon as every earlier batch has been handed over: no batch is kept once consumed, so the
 * results of a large input never pile up (the build writes its outputs as they come).
 * `local` may be async (only on the calling thread's path; the workers' export may be too).
 */
export async function forEachInWorkers<T, R>(
  items: readonly T[],
  worker: URL,
  local: (item: T) => R | Promise<R>,
  consume: (results: R[], start: number) => void,
  options: WorkerMapOptions = {},
): Promise<void> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const threads = workerThreadsFor(items.length, options);
  const file = threads > 0 ? workerFile(worker) : undefined;
  const pool = file && (await startPool(file, threads, options));
  if (!pool) {
    for (let i = 0; i < items.length; i += batch) {
      const results: R[] = [];
      for (const item of items.slice(i, i + batch)) results.push(await local(item));
      consume(results, i);
    }
    return;
  }
  options.onWorkers?.(threads, 'workers');
  try {
    // At most a few batches per thread are out (started, or done and waiting for an earlier one to
    // be handed over); the next starts when the earliest is handed over. So batches start in
    // order (piscina does not promise to start queued tasks in order), and however slow one
    // batch is, the results waiting behind it stay few.
    const limit = threads * IN_FLIGHT_PER_THREAD;
    const pending = new Map<number, R[]>();
    let nextStart = 0;
    let handedOver = 0;
    let failure: { error: unknown } | undefined;
    let wake: (() => void)[] = [];
    const runner = async (): Promise<void> => {
      while (nextStart < items.length && !failure) {
        if (nextStart - handedOver >= limit * batch) {
          await new Promise<void>((resolve) => wake.push(resolve));
          continue;
        }
        const start = nextStart;
        nextStart += batch;
        try {
          pending.set(start, (await pool.run(items.slice(start, start + batch), options.name ? { name: options.name } : {})) as R[]);
          // Hand over every batch now in order; a later one waits in `pending` for the earlier ones.
          for (let ready = pending.get(handedOver); ready; ready = pending.get(handedOver)) {
            pending.delete(handedOver);
            consume(ready, handedOver);
            handedOver += batch;
          }
        } catch (error) {
          failure ??= { error };
        }
        const waiting = wake;
        wake = [];
        for (const resolve of waiting) resolve();
      }
    };
    await Promise.all(Array.from({ length: limit }, runner));
    if (failure) throw failure.error;
  } finally {
    await pool.destroy();
  }
}

/** The two stages of pipeThroughWorker. */
export interface PipelineStages<T, P, R> {
  /** This thread's stage: what to send the worker for an item, or the item's result when this thread finishes it itself. */
  prepare: (item: T) => { send: P } | { result: R };
  /** The worker module's export that takes a batch of what `prepare` sent; undefined for an item sends it to `local`. */
  name: string;
  /** An item from scratch, on this thread: when the worker gives it back, or for every item when no worker starts. */
  local: (item: T) => R;
}

/**
 * A two-stage pipeline: this thread runs `stages.prepare` on each item, and one worker thread
 * runs the worker module's export on each batch prepared while this thread prepares the next.
 * Each function then warms up in one thread only, where spreading whole items over worker
 * threads warms every function up in each (which does not pay for mid-sized inputs on few
 * cores). The results reach `consume` in the items' order, batch by batch; when no worker thread
 * can start, every item goes through `stages.local`.
 */
export async function pipeThroughWorker<T, P, R>(
  items: readonly T[],
  worker: URL,
  stages: PipelineStages<T, P, R>,
  consume: (results: R[], start: number) => void,
  options: Pick<WorkerMapOptions, 'batch' | 'onWorkers' | 'workerData' | 'youngGenerationMb'> = {},
): Promise<void> {
  const batch = options.batch ?? DEFAULT_BATCH;
  const file = workerFile(worker);
  // The worker is given every batch as soon as it is ready (up to PIPELINE_AHEAD at once): the
  // pool hands a batch over only when this thread's event loop turns, which preparing delays.
  const pool = file && (await startPool(file, 1, options, PIPELINE_AHEAD));
  if (!pool) {
    for (let i = 0; i < items.length; i += batch) consume(items.slice(i, i + batch).map(stages.local), i);
    return;
  }
  options.onWorkers?.(1, 'pipeline');
  try {
    // Each batch's results, handed over in order by one chain; at most PIPELINE_AHEAD batches
    // wait in it, so this thread never runs far ahead of the worker. When a batch fails, those
    // before it are handed over, none after, and the error is thrown.
    let handedOver = Promise.resolve();
    const chained: Promise<void>[] = [];
    let waiting = 0;
    let failure: { error: unknown } | undefined;
    for (let start = 0; start < items.length && !failure; start += batch) {
      const slice = items.slice(start, start + batch);
      const results: (R | undefined)[] = new Array(slice.length);
      const sent: P[] = [];
      const at: number[] = [];
      slice.forEach((item, i) => {
        const prepared = stages.prepare(item);
        if ('result' in prepared) results[i] = prepared.result;
        else {
          sent.push(prepared.send);
          at.push(i);
        }
      });
      const returned = sent.length ? (pool.run(sent, { name: stages.name }) as Promise<(R | undefined)[]>) : Promise.resolve([]);
      // Handled now, seen in order: a batch failing early fails the chain only at its turn.
      returned.catch(() => {});
      waiting++;
      handedOver = handedOver
        .then(() => returned)
        .then((back) => {
          if (failure) return;
          back.forEach((result, k) => {
            results[at[k]!] = result;
          });
          consume(
            slice.map((item, i) => results[i] ?? stages.local(item)),
            start,
          );
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          waiting--;
        });
      chained.push(handedOver);
      // The pool hands batches over from the event loop: let it, and when too far ahead, wait
      // for the earliest batch still out.
      if (waiting >= PIPELINE_AHEAD) await chained[chained.length - PIPELINE_AHEAD];
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await handedOver;
    if (failure) throw failure.error;
  } finally {
    await pool.destroy();
  }
}

/** Batches a pipeline's first stage may run ahead of the second. */
export const PIPELINE_AHEAD = 8;

/** Files per batch unless the caller says otherwise. */
export const DEFAULT_BATCH = 250;

/** How many worker threads `count` items are spread over: 0 when they run on the calling thread. */
export function workerThreadsFor(count: number, options: Pick<WorkerMapOptions, 'threads' | 'minItems' | 'batch'> = {}): number {
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(count / (options.batch ?? DEFAULT_BATCH)));
  return threads > 1 && count >= (options.minItems ?? 0) ? threads : 0;
}

/**
 * Parsing makes many short-lived objects: a young generation above V8's default means fewer
 * scavenges. 16 MiB is as fast here as 32 (bench: validate, 10,000 records) and 40 MiB smaller at 100,000.
 */
export const DEFAULT_YOUNG_GENERATION_MB = 16;

/** Batches given to each thread at once: one running, one ready to start when it ends. */
const IN_FLIGHT_PER_THREAD = 2;

/** A pool of `threads` workers, or undefined when none can start (piscina missing, or inlined into a bundle where it cannot find its own worker). */
async function startPool(
  file: { filename: string; execArgv: string[] },
  threads: number,
  { workerData, youngGenerationMb = DEFAULT_YOUNG_GENERATION_MB }: Pick<WorkerMapOptions, 'workerData' | 'youngGenerationMb'>,
  tasksPerThread = 1,
): Promise<import('piscina').Piscina | undefined> {
  try {
    const { Piscina } = await import('piscina');
    return new Piscina({
      filename: file.filename,
      execArgv: file.execArgv,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 100,
      workerData,
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
      concurrentTasksPerWorker: tasksPerThread,
    });
  } catch {
    return undefined;
  }
}
