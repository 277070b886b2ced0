/**
 * One benchmark task in one fresh process (spawned by scripts/bench.ts):
 *
 *   bench-task <task> <dataDir> [--file F] [--out DIR] [--mode 'one thread'|pipeline|workers]
 *
 * Tasks:
 *   read      read every record file and decode it as UTF-8, nothing else (floor 1)
 *   js-yaml   read + parse every file with js-yaml 4 (the fast path's parser), core schema (floor 2)
 *   strict    read + parse every file with the loader's strict, position-tracking
 *             parser (yaml `parseDocument` with its options, plus `toJS`) (floor 3)
 *   validate  validateDataDirParallel: what `validate` does (workers when it pays)
 *   build     buildDataDir: validate + every data output, into --out
 *   single    validateDataDir with `only: [--file]`
 * The floors run on one thread: they are what a plain parse of the files costs. validate
 * chooses between the calling thread, the pipeline (parsed here, checked on one worker thread)
 * and worker threads as the command line does, and so does build (with its own thresholds),
 * unless --mode forces one (workers: one per core, at least 2, however few the files).
 * Prints one JSON line on stdout: the task's own wall time measured inside the process
 * (after every module is loaded), the time the process needed to get there (`loadMs`),
 * the peak RSS (all threads: worker heaps included), and counts that prove the task did
 * its work (records, problems), and the mode the files went through.
 *
 * bench.ts bundles this file (and the validator's worker) with every dependency into split
 * ESM chunks and runs them with `node`: compiled code, each task loading only its own
 * modules (dynamic imports), as the command line does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ParallelOptions, ValidateMode } from '../src/validate.js';

const loadMs = performance.now();

export interface TaskReport {
  task: string;
  /** Wall time of the task itself, inside the process. */
  ms: number;
  /** CPU time (user + system, all threads) the process spent during the task. */
  cpuMs: number;
  /** Time from process start until the task began (runtime + module loading). */
  loadMs: number;
  /** Peak resident set size of the process, in bytes. */
  maxRssBytes: number;
  records: number;
  problems: number;
  /** Worker threads the task used (0: all on the calling thread). */
  threads: number;
  /** How the files went: on the calling thread, through the pipeline, or spread over worker threads. */
  mode: Mode;
}

/** The modes of src/validate.ts (VALIDATE_MODES), which the build has too. */
export type Mode = ValidateMode;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
type Parse = (text: string) => boolean;
/** Each task loads only its own modules (dynamic imports, split chunks), as the command line does. */
const PARSERS: Record<'read' | 'js-yaml' | 'strict', () => Promise<Parse>> = {
  read: async () => (text) => text.length > 0,
  'js-yaml': async () => {
    // js-yaml as the loader's fast path uses it, with no other parser loaded beside it.
    const { CORE_SCHEMA, load } = await import('js-yaml');
    return (text) => load(text, { schema: CORE_SCHEMA }) !== null;
  },
  strict: async () => (await import('./bench-strict-parse.js')).strictParse,
};

/** Every `<collection>/*.yaml` of the data directory (folders listed, not taken from the schemas: a floor loads no schema). */
function floor(dataDir: string, parse: Parse): { records: number; problems: number } {
  let records = 0;
  let problems = 0;
  for (const collection of readdirSync(dataDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = join(dataDir, collection.name);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.yaml')) continue;
      if (!parse(utf8.decode(readFileSync(join(dir, name))))) problems++;
      records++;
    }
  }
  return { records, problems };
}

interface TaskOptions {
  file?: string | undefined;
  out?: string | undefined;
  /** Force the mode, however few the files. */
  mode?: Mode | undefined;
}

/**
 * How validate and build go through the files: as they choose (validateModeFor, buildModeFor),
 * or as `mode` forces: worker threads in batches small enough that a small dataset still fills
 * them all (a batch runs on one thread: 250 files in 2 batches would be one).
 */
async function parallelOptions(
  dataDir: string,
  mode: Mode | undefined,
  onWorkers: (n: number, how: 'workers' | 'pipeline') => void,
): Promise<ParallelOptions> {
  const threads = Math.max(2, availableParallelism());
  switch (mode) {
    case undefined:
      return { onWorkers };
    case 'one thread':
      return { threads: 1, onWorkers };
    case 'pipeline':
      return { threads, pipelineMinFiles: 0, minFiles: Number.POSITIVE_INFINITY, onWorkers };
    case 'workers':
      break;
    default:
      throw new Error(`unknown mode "${mode}" ('one thread', pipeline, workers)`);
  }
  const { listRecordFiles } = await import('../src/load/files.js');
  const { DEFAULT_BATCH } = await import('../src/util/worker-map.js');
  const files = listRecordFiles(dataDir).files.length;
  return { threads, minFiles: 0, batch: Math.max(1, Math.min(DEFAULT_BATCH, Math.ceil(files / threads))), onWorkers };
}

async function run(
  task: string,
  dataDir: string,
  options: TaskOptions,
  parallel: ParallelOptions,
): Promise<{ records: number; problems: number }> {
  switch (task) {
    case 'read':
    case 'js-yaml':
    case 'strict':
      return floor(dataDir, await PARSERS[task]());
    case 'validate': {
      const { validateDataDirParallel } = await import('../src/validate.js');
      // As the command line's validate does: problems only, no records gathered.
      const r = await validateDataDirParallel(dataDir, { records: false, ...parallel });
      return { records: r.checked, problems: r.problems.length };
    }
    case 'single': {
      if (!options.file) throw new Error('single needs --file');
      const { validateDataDir } = await import('../src/validate.js');
      const r = validateDataDir(dataDir, { only: [options.file] });
      return { records: r.checked, problems: r.problems.length };
    }
    case 'build': {
      if (!options.out) throw new Error('build needs --out');
      const { buildDataDir } = await import('../src/build.js');
      const r = await buildDataDir(dataDir, options.out, { pkg: { name: 'caucasus-corridors', version: '0.0.0-bench' }, parallel });
      return { records: r.checked, problems: r.problems.length };
    }
    default:
      throw new Error(`unknown task "${task}" (read, js-yaml, strict, validate, single, build)`);
  }
}

async function main(): Promise<void> {
  const [task, dataDir, ...rest] = process.argv.slice(2);
  if (!task || !dataDir)
    throw new Error(
      "usage: bench-task <read|js-yaml|strict|validate|single|build> <dataDir> [--file F] [--out DIR] [--mode 'one thread'|pipeline|workers]",
    );
  const options: TaskOptions = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--file') options.file = rest[i + 1];
    else if (rest[i] === '--out') options.out = rest[i + 1];
    else if (rest[i] === '--mode') options.mode = (rest[i + 1] ?? '') as Mode;
    else throw new Error(`unknown option ${rest[i]}`);
  }
  let threads = 0;
  let mode: Mode = 'one thread';
  // Before the clock starts: forcing workers lists the files once to size the batches.
  const parallel = await parallelOptions(dataDir, options.mode, (n, how) => {
    threads = n;
    mode = how;
  });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const counts = await run(task, dataDir, options, parallel);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const report: TaskReport = {
    task,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loadMs,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ...counts,
    threads,
    mode,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-task: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
