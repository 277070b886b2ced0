/**
 * Builds a data directory into an output directory, atomically: everything is written
 * to a staging folder beside the output, which replaces the output only once complete.
 * A build that fails validation, or fails mid-way, leaves the previous output untouched.
 * The output folder is checked first (src/safe-output.ts): a build never replaces the
 * working directory, the data, a file or a folder that is not a previous build.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildFile, type BuildOutcome, type BuildWorkerData, type PipedFile } from './build-worker.js';
import { dataEmitters, emittersNamed, type Emitter, type OutputFile } from './emit/index.js';
import type { Sink } from './emit/assemble.js';
import { OutputSet } from './emit/outputs.js';
import { isFileWriter } from './emit/types.js';
import { listRecordFiles } from './load/files.js';
import { readFastly } from './load/record.js';
import type { PackageInfo } from './model/package-info.js';
import type { RecordFile } from './model/record.js';
import type { Problem } from './problems.js';
import {
  BUILD_MARKER,
  BUILD_MARKER_TEXT,
  checkOutputDir,
  checkUnmarkedOutput,
  cleanStaleStaging,
  listFiles,
  type OutputGuard,
} from './safe-output.js';
import { COLLECTION_NAMES, type CollectionName } from './schema/index.js';
import { type OutcomeSource, type ParallelOptions, type ValidateMode, validateEach, validateModeFor } from './validate.js';

/**
 * The build goes through the files in validate's three modes (src/validate.ts), with its own
 * thresholds (buildModeFor): on this thread below BUILD_PIPELINE_MIN_FILES; as a pipeline below
 * BUILD_PARALLEL_MIN_FILES (this thread reads and parses each file and writes the pieces that
 * come back; one worker thread checks each record and makes its pieces of every output); spread
 * over worker threads from there on. A build does more per file than validate, so the pipeline's
 * worker stage is the slower one sooner. Measured on 2 cores, whole processes, interleaved: the
 * pipeline against one thread 1.01× at 1,000 files, 0.97× at 3,000; against worker threads
 * 0.89× at 10,000, 0.98× at 20,000 (the same peak RSS).
 */
export const BUILD_PIPELINE_MIN_FILES = 3_000;
export const BUILD_PARALLEL_MIN_FILES = 20_000;

/**
 * The pipeline's worker makes every output's pieces of each record, which survive until its
 * batch is joined: with a 64 MiB young generation (validate's worker has 16) the build took
 * 0.92–0.96× the time at 10,000 files (4 interleaved measurements of 5–7 rounds), 1.01× at 3,000,
 * and 60 MiB more peak RSS; 128 MiB was no faster. Not for worker threads, from
 * BUILD_PARALLEL_MIN_FILES on: with two of them the build's peak RSS was 530 MB at 50,000 files
 * already (the target is 512 MiB at 100,000).
 */
export const BUILD_PIPELINE_YOUNG_GENERATION_MB = 64;

/** `options` with the build's thresholds where they set none. */
const withBuildThresholds = (options: ParallelOptions = {}): ParallelOptions => ({
  minFiles: BUILD_PARALLEL_MIN_FILES,
  pipelineMinFiles: BUILD_PIPELINE_MIN_FILES,
  ...options,
});

/** How the build goes through `count` files (as validateModeFor, with the build's thresholds). */
export const buildModeFor = (count: number, options: ParallelOptions = {}): ValidateMode =>
  validateModeFor(count, withBuildThresholds(options));

export interface BuildResult {
  problems: Problem[];
  /** Number of record files validated. */
  checked: number;
  /** The records of each collection that were built (none when the build failed). */
  counts?: Record<CollectionName, number>;
  /** The paths written, relative to the output (none when the build failed). */
  files: string[];
}

export interface BuildOptions {
  pkg: PackageInfo;
  emitters?: readonly Emitter[];
  /** Runs on the staging folder after the emitters (the package build compiles code there). */
  afterEmit?: (stagingDir: string) => void | Promise<void>;
  /** The working directory, which the output must not replace (default: the process's). */
  cwd?: string;
  /** How the files are spread over worker threads (tests force them on a small dataset). */
  parallel?: ParallelOptions;
}

/**
 * Validates and writes every output in one pass over the files: each record, once loaded and
 * checked (on a worker thread for a large dataset), becomes its pieces of every output, which go
 * straight into the staging folder. No thread ever holds the whole dataset; the workbook, derived
 * from the CSV files, is written last. Throws UnsafeOutputError (before validating) when `outDir`
 * must not be replaced.
 */
export async function buildDataDir(dataDir: string, outDir: string, options: BuildOptions): Promise<BuildResult> {
  const guard: OutputGuard = options.cwd === undefined ? { dataDir } : { dataDir, cwd: options.cwd };
  checkOutputDir(outDir, guard);
  // Also when this build fails validation: a dead build's last complete output comes back.
  cleanStaleStaging(resolve(outDir));
  const emitters = options.emitters ?? dataEmitters;
  // Valid records are the listed files, one per id: so the files say how many records each collection has.
  const listing = listRecordFiles(dataDir);
  const counts = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as Record<CollectionName, number>;
  for (const file of listing.files) counts[file.collection]++;
  let result: BuildResult = { problems: [], checked: 0, files: [] };
  await replaceAtomically(
    outDir,
    async (staging) => {
      const sinks: FileSink[] = [];
      const outputs = new OutputSet(
        emitters,
        { pkg: options.pkg, counts, outputs: { chunks: (path) => readChunks(join(staging, path)) } },
        (path) => {
          const sink = new FileSink(join(staging, path));
          sinks.push(sink);
          return sink;
        },
      );
      try {
        const parallel = withBuildThresholds({
          ...options.parallel,
          // A worker thread knows only the emitters of emit/index.ts: others run on this thread.
          ...(workersKnow(emitters) ? {} : { threads: 0 }),
        });
        // While other threads check the records, this one loads what the binary files' writers
        // need (exceljs: about 0.1 s); a failure to load surfaces when they write.
        if (buildModeFor(listing.files.length, parallel) !== 'one thread')
          for (const { contents } of outputs.writers) contents.prepare?.().catch(() => {});
        const checked = await validateEach<BuildOutcome>(dataDir, piecesSource(emitters, outputs, { pkg: options.pkg, counts }), {
          ...parallel,
          listing,
        });
        result = { ...checked, files: [] };
        if (checked.problems.length > 0) return false;
        outputs.end();
      } finally {
        for (const sink of sinks) sink.close();
      }
      for (const { path, contents } of outputs.writers) {
        mkdirSync(dirname(join(staging, path)), { recursive: true });
        await contents.writeTo(join(staging, path));
      }
      await options.afterEmit?.(staging);
      result = { ...result, counts, files: outputs.paths };
      return true;
    },
    guard,
  );
  return result;
}

/** Where each file's outcome comes from (the build's worker, or this thread), adding each record's pieces to `outputs`. */
const piecesSource = (
  emitters: readonly Emitter[],
  outputs: OutputSet,
  data: Omit<BuildWorkerData, 'emitters'>,
): OutcomeSource<BuildOutcome> => ({
  worker: new URL('./build-worker', import.meta.url),
  workerData: { ...data, emitters: emitters.map((e) => e.name) } satisfies BuildWorkerData,
  local: (file: RecordFile) => buildFile(file, emitters),
  // This thread reads and parses; the worker checks and makes the pieces, of every file (see PipedFile).
  pipeline: {
    name: 'buildPipedBatch',
    prepare: (file) => ({ send: { file, value: readFastly(file) } satisfies PipedFile }),
    youngGenerationMb: BUILD_PIPELINE_YOUNG_GENERATION_MB,
  },
  each(outcome: BuildOutcome) {
    if (!outcome.pieces) return;
    outputs.add(outcome.pieces);
    // Written: let the bytes go now, however long the batch's result stays referenced.
    delete outcome.pieces;
  },
});

function workersKnow(emitters: readonly Emitter[]): boolean {
  try {
    return emittersNamed(emitters.map((e) => e.name)).every((e, i) => e === emitters[i]);
  } catch {
    return false;
  }
}

/** A text file written as it is made, in pieces of about a megabyte. */
class FileSink implements Sink {
  private fd: number | undefined;
  private pending = '';
  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }
  write(text: string | Uint8Array): void {
    if (typeof text === 'string') {
      this.pending += text;
      if (this.pending.length >= 1 << 20) this.flush();
    } else {
      this.flush();
      if (this.fd !== undefined) writeSync(this.fd, text);
    }
  }
  end(): void {
    this.close();
  }
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
  private flush(): void {
    if (this.pending && this.fd !== undefined) writeSync(this.fd, this.pending);
    this.pending = '';
  }
}

/** A written text file, read back in chunks (of 64 KiB: decoding stays in the processor's cache, 2 to 3 times faster than 1 MiB). */
function* readChunks(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder();
    const buffer = new Uint8Array(1 << 16);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield decoder.decode(buffer.subarray(0, n), { stream: true });
    yield decoder.decode();
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `files` (and the build marker) to a staging folder and swaps it in for `outDir`.
 * Refuses (UnsafeOutputError) an output folder `checkOutputDir` refuses, and an existing folder
 * without the marker that holds any file the new output does not.
 */
export async function writeAtomically(
  outDir: string,
  files: readonly OutputFile[],
  afterWrite?: (stagingDir: string) => void | Promise<void>,
  guard: OutputGuard = {},
): Promise<void> {
  await replaceAtomically(
    outDir,
    async (staging) => {
      for (const file of files) {
        const path = join(staging, file.path);
        mkdirSync(dirname(path), { recursive: true });
        if (typeof file.contents === 'string') writeFileSync(path, file.contents);
        else if (isFileWriter(file.contents)) await file.contents.writeTo(path);
        else throw new Error(`${file.path}: a file with slots is written by an OutputSet`);
      }
      await afterWrite?.(staging);
      return true;
    },
    guard,
  );
}

/**
 * Has `fill` write a staging folder beside `outDir`, then swaps it in for `outDir` with the build
 * marker, unless `fill` returns false (the staging folder is then removed, `outDir` untouched).
 * Refuses (UnsafeOutputError) an output folder `checkOutputDir` refuses, and an existing folder
 * without the marker that holds any file the new output does not.
 */
async function replaceAtomically(outDir: string, fill: (stagingDir: string) => Promise<boolean>, guard: OutputGuard): Promise<void> {
  const { unmarked } = checkOutputDir(outDir, guard);
  const target = resolve(outDir);
  cleanStaleStaging(target);
  const staging = join(dirname(target), `.${basename(target)}-staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}-previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    if (!(await fill(staging))) {
      rmSync(staging, { recursive: true, force: true });
      return;
    }
    if (unmarked) checkUnmarkedOutput(outDir, new Set(listFiles(staging)));
    writeFileSync(join(staging, BUILD_MARKER), BUILD_MARKER_TEXT);
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(previous)) renameSync(previous, target);
    throw error;
  }
}
