/**
 * Validation of a data directory: layout → YAML → schema → cross-record checks.
 * All problems of all files are collected; nothing stops at the first one.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { type CheckedEntry, runDatasetChecks } from './checks/run-dataset-checks.js';
import { listRecordFiles } from './load/files.js';
import { displayPath, type LoadedRecord, type RecordFile } from './model/record.js';
import { recordPath } from './model/paths.js';
import { createRecordIndex } from './load/index.js';
import { locateProblems } from './load/locate-problems.js';
import { loadRecord, readFastly } from './load/record.js';
import { compareProblems, type PathProblem, type Problem } from './problems.js';
import { forEachInWorkers, pipeThroughWorker, type WorkerMapOptions, workerThreadsFor } from './util/worker-map.js';
import { type FileOutcome, validateFile } from './validate-file.js';
import type { ParsedFile } from './validate-worker.js';

/**
 * `validate` checks the files in one of three modes, by their number (validateModeFor):
 * - below PIPELINE_MIN_FILES, on this thread;
 * - below PARALLEL_MIN_FILES, as a pipeline (pipeThroughWorker): this thread reads and parses
 *   each file, one worker thread checks it against its schema and the record rules, so each
 *   stage's code warms up in one thread only;
 * - from PARALLEL_MIN_FILES on, spread over worker threads, one per core, each doing all of it.
 * Measured on 2 cores (whole processes, synthetic data, interleaved runs), the pipeline against
 * one thread: 1.04× at 3,000 files, 0.95× at 5,000, 0.85× at 10,000, 0.78× at 20,000 (and
 * 1.05–1.22× the CPU time). Worker threads against one thread: 1.08× at 10,000, 0.87× at 20,000:
 * each loads the modules and warms up its own JIT, whose compiler threads then compete with the
 * other worker for the cores. The pipeline against worker threads: 0.88× at 50,000 files,
 * 1.02–1.05× at 75,000, where its main thread's heap also nears 500 MiB. `npm run bench` times
 * the modes not chosen at each size too.
 */
export const PIPELINE_MIN_FILES = 4_000;
export const PARALLEL_MIN_FILES = 60_000;

export const VALIDATE_MODES = ['one thread', 'pipeline', 'workers'] as const;
export type ValidateMode = (typeof VALIDATE_MODES)[number];

export type ParallelOptions = Omit<WorkerMapOptions, 'minItems' | 'name' | 'workerData'> & {
  /** Use workers from this many files on (default PARALLEL_MIN_FILES). */
  minFiles?: number;
  /** Below minFiles, pipeline from this many files on (default PIPELINE_MIN_FILES), given two threads or more. */
  pipelineMinFiles?: number;
};

export interface CheckResult {
  problems: Problem[];
  /** Number of record files checked. */
  checked: number;
}

export interface ValidationResult extends CheckResult {
  /** The schema-valid records, in file order. */
  records: LoadedRecord[];
}

export interface ValidateOptions {
  /** Check only these files (paths), against the whole dataset for references. */
  only?: readonly string[];
  /** The data directory's listing, when the caller has already made it (the build counts the records first). */
  listing?: Listing;
}

/** Validates on the calling thread. */
export function validateDataDir(dataDir: string, options: ValidateOptions = {}): ValidationResult {
  const { listing, selected, problems } = selectFiles(dataDir, options);
  return finish(
    dataDir,
    options,
    listing,
    selected,
    problems,
    selected.map((file) => validateFile(file)),
  );
}

/**
 * The same result as validateDataDir, with the files loaded and checked on worker threads
 * when the dataset is large enough for that to pay. With `records: false`, only the problems:
 * the records are never gathered on this thread, which then holds a small summary per record.
 */
export async function validateDataDirParallel(
  dataDir: string,
  options: ValidateOptions & ParallelOptions & { records: false },
): Promise<CheckResult>;
export async function validateDataDirParallel(dataDir: string, options?: ValidateOptions & ParallelOptions): Promise<ValidationResult>;
export async function validateDataDirParallel(
  dataDir: string,
  options: ValidateOptions & ParallelOptions & { records?: boolean } = {},
): Promise<CheckResult> {
  const keep = options.records !== false;
  const records: LoadedRecord[] = [];
  const result = await validateEach(
    dataDir,
    {
      worker: new URL('./validate-worker', import.meta.url),
      ...(keep ? {} : { name: 'checkBatch' }),
      local: (file) => validateFile(file, keep),
      pipeline: {
        name: keep ? 'validateParsedBatch' : 'checkParsedBatch',
        prepare(file) {
          const value = readFastly(file);
          return value ? { send: { file, value } satisfies ParsedFile } : { result: validateFile(file, keep) };
        },
      },
      each(outcome, file) {
        // Records come back from the workers without their file: it is the caller's own.
        if (!outcome.record) return;
        outcome.record.file = file;
        records.push(outcome.record);
      },
    },
    options,
  );
  return keep ? ({ ...result, records } as ValidationResult) : result;
}

/** Where validateEach gets each file's outcome: a worker module's export, or `local` on this thread. */
export interface OutcomeSource<O extends FileOutcome> {
  /** The worker module (a URL without extension), and the export that takes a batch of files (default: its default export). */
  worker: URL;
  name?: string;
  /** What every worker thread is given (its workerData). */
  workerData?: unknown;
  local: (file: RecordFile) => O;
  /**
   * How the files may go through a pipeline instead (pipeThroughWorker): what this thread sends
   * the worker module's export `name` for a file, or the file's outcome when it handles the file
   * itself; and the worker thread's young generation, when not the default.
   */
  pipeline?: { name: string; prepare: (file: RecordFile) => { send: unknown } | { result: O }; youngGenerationMb?: number };
  /** Each file's outcome, in file order, as it comes: the caller keeps what it needs of it (only summaries are kept here). */
  each?: (outcome: O, file: RecordFile) => void;
}

/**
 * Validates a data directory with the outcomes of `source`, handing each to `source.each` as it
 * comes (the build writes the records' outputs while the rest is still being checked). The files
 * come in COLLECTION_NAMES order, each collection in id order (as listRecordFiles lists them).
 */
export async function validateEach<O extends FileOutcome>(
  dataDir: string,
  source: OutcomeSource<O>,
  options: ValidateOptions & ParallelOptions = {},
): Promise<CheckResult> {
  const { listing, selected, problems } = selectFiles(dataDir, options);
  const outcomes: FileOutcome[] = [];
  const consume = (batch: O[], start: number) => {
    batch.forEach((outcome, i) => {
      source.each?.(outcome, selected[start + i]!);
      // Only what the dataset rules need stays: the problems and the summary, or the record.
      outcomes.push({
        problems: outcome.problems,
        ...(outcome.summary ? { summary: outcome.summary } : {}),
        ...(outcome.record ? { record: outcome.record } : {}),
      });
    });
  };
  const spread = {
    ...options,
    minItems: options.minFiles ?? PARALLEL_MIN_FILES,
    ...(source.name ? { name: source.name } : {}),
    ...(source.workerData === undefined ? {} : { workerData: source.workerData }),
  };
  if (source.pipeline && validateModeFor(selected.length, options) === 'pipeline')
    await pipeThroughWorker(selected, source.worker, { ...source.pipeline, local: source.local }, consume, {
      ...spread,
      ...(source.pipeline.youngGenerationMb ? { youngGenerationMb: source.pipeline.youngGenerationMb } : {}),
    });
  else await forEachInWorkers(selected, source.worker, source.local, consume, spread);
  const result = finish(dataDir, options, listing, selected, problems, outcomes);
  return { problems: result.problems, checked: result.checked };
}

/**
 * How validateDataDirParallel checks `count` files: on this thread, through the pipeline, or
 * spread over worker threads (a source without a pipeline, such as the build's, uses this thread
 * where the pipeline would be chosen).
 */
export function validateModeFor(count: number, options: ParallelOptions = {}): ValidateMode {
  if (workerThreadsFor(count, { ...options, minItems: options.minFiles ?? PARALLEL_MIN_FILES }) > 0) return 'workers';
  const threads = options.threads ?? availableParallelism();
  return threads >= 2 && count >= (options.pipelineMinFiles ?? PIPELINE_MIN_FILES) ? 'pipeline' : 'one thread';
}

type Listing = ReturnType<typeof listRecordFiles>;

function selectFiles(
  dataDir: string,
  options: ValidateOptions,
): { listing: Listing; selected: RecordFile[]; problems: (Problem | PathProblem)[] } {
  const listing = options.listing ?? listRecordFiles(dataDir);
  const problems: (Problem | PathProblem)[] = [];
  let selected: RecordFile[] = listing.files;
  if (options.only) {
    // <dataDir>/<collection>/<name>: resolve only the given paths, not every listed file.
    const root = resolve(dataDir);
    const byName = new Map(listing.files.map((f) => [recordPath(f.collection, f.stem), f]));
    const lookup = (given: string) => {
      const path = resolve(given);
      const folder = dirname(path);
      return dirname(folder) === root ? byName.get(`${basename(folder)}/${basename(path)}`) : undefined;
    };
    selected = [];
    for (const given of options.only) {
      const file = lookup(given);
      // A stray file in a collection folder (x.yml, x.json, a backup) already has a
      // specific message from the listing ("rename it to x.yaml"): report that one.
      const layout = file ? [] : listing.problems.filter((p) => p.file === displayPath(given));
      if (file) selected.push(file);
      else if (layout.length) problems.push(...layout);
      else
        problems.push({
          file: displayPath(given),
          line: 0,
          col: 0,
          rule: 'data-layout',
          message: `not a record file of ${displayPath(dataDir)}: records live at ${displayPath(dataDir)}/<collection>/<id>.yaml`,
        });
    }
    // Layout problems of other files are not this check's business (and a selected
    // record file never has one: the listing only reports what is not a record).
  } else problems.push(...listing.problems);
  return { listing, selected, problems };
}

function finish(
  dataDir: string,
  options: ValidateOptions,
  listing: Listing,
  selected: readonly RecordFile[],
  problems: (Problem | PathProblem)[],
  outcomes: readonly FileOutcome[],
): ValidationResult {
  const records: LoadedRecord[] = [];
  const checked: CheckedEntry[] = [];
  outcomes.forEach((outcome, i) => {
    for (const problem of outcome.problems) problems.push(problem);
    if (outcome.record) {
      records.push(outcome.record);
      checked.push({ file: selected[i]!, record: outcome.record });
    } else if (outcome.summary) checked.push({ file: selected[i]!, summary: outcome.summary });
  });

  for (const problem of runDatasetChecks({
    checked,
    index: createRecordIndex(listing.files),
    load: (file) => loadRecord(file).record,
    scope: options.only ? 'files' : 'dataset',
    dataDir,
  }))
    problems.push(problem);

  const pathOf = new Map(listing.files.map((f) => [f.display, f.path]));
  const located = locateProblems(problems, (display) => pathOf.get(display) ?? display);
  return { records, problems: located.sort(compareProblems), checked: selected.length };
}
