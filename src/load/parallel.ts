/**
 * Loads record files on worker threads (piscina), one per core, in batches; the
 * outcomes come back in the files' order, so results never depend on scheduling.
 *
 * Workers pay a start-up cost (each loads the parsers and schemas), so small datasets
 * load on the calling thread: `PARALLEL_MIN_FILES` is the measured crossover (see
 * bench/results.md). Without a worker file next to this module (a bundle that did not
 * emit one), loading stays on the calling thread: slower, never wrong.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RecordFile } from '../model/record.js';
import { loadRecord, type LoadOutcome } from './record.js';

/** Below this many files, one thread is faster than starting workers (measured on 2 cores). */
export const PARALLEL_MIN_FILES = 1500;
/** Files per task by default: large enough to amortise messaging, small enough to balance the cores. */
const BATCH = 250;

export interface ParallelOptions {
  /** Worker threads; default: one per available core. 0 or 1 loads on the calling thread. */
  threads?: number;
  /** Use workers from this many files on (default PARALLEL_MIN_FILES). */
  minFiles?: number;
  /** Files per task (default 250). */
  batch?: number;
  /** Called once when the files are handed to worker threads (tests use it to know they were). */
  onWorkers?: (threads: number) => void;
}

/** The worker module: compiled next to this file (.js / .mjs), or the TypeScript source under tsx. */
function workerFile(): { filename: string; execArgv: string[] } | undefined {
  for (const ext of ['.js', '.mjs', '.ts']) {
    const url = new URL(`./load-worker${ext}`, import.meta.url);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) continue;
    // TypeScript source (development, tests): the worker needs tsx's loader, which a
    // thread inherits from `tsx` itself but not from a test runner's own transform.
    const needsTsx = ext === '.ts' && !process.execArgv.some((a) => a.includes('tsx'));
    return { filename: url.href, execArgv: needsTsx ? [...process.execArgv, '--import', 'tsx'] : process.execArgv };
  }
  return undefined;
}

export async function loadRecordsParallel(files: readonly RecordFile[], options: ParallelOptions = {}): Promise<LoadOutcome[]> {
  const batch = options.batch ?? BATCH;
  const threads = Math.min(options.threads ?? availableParallelism(), Math.ceil(files.length / batch));
  const worker = threads > 1 && files.length >= (options.minFiles ?? PARALLEL_MIN_FILES) ? workerFile() : undefined;
  if (!worker) return files.map(loadRecord);

  let pool: import('piscina').Piscina;
  try {
    const { Piscina } = await import('piscina');
    pool = new Piscina({
      filename: worker.filename,
      execArgv: worker.execArgv,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 100,
      // Parsing makes many short-lived objects: a larger young generation means fewer scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: 32 },
    });
  } catch {
    // No usable thread pool (piscina missing, or inlined into a bundle where it cannot find its own worker).
    return files.map(loadRecord);
  }
  options.onWorkers?.(threads);
  try {
    const batches: Promise<LoadOutcome[]>[] = [];
    for (let i = 0; i < files.length; i += batch) batches.push(pool.run(files.slice(i, i + batch)) as Promise<LoadOutcome[]>);
    const out: LoadOutcome[] = [];
    for (const batch of await Promise.all(batches))
      for (const outcome of batch) {
        // The record keeps the caller's own file object, not the worker's copy of it.
        if (outcome.record) outcome.record.file = files[out.length]!;
        out.push(outcome);
      }
    return out;
  } finally {
    await pool.destroy();
  }
}
