/**
 * Builds a data directory into an output directory, atomically: everything is written
 * to a staging folder beside the output, which replaces the output only once complete.
 * A build that fails validation, or fails mid-way, leaves the previous output untouched.
 * The output folder is checked first (src/safe-output.ts): a build never replaces the
 * working directory, the data, a file or a folder that is not a previous build.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataEmitters, emitAll, type Emitter, type OutputFile } from './emit/index.js';
import { isFileWriter } from './emit/types.js';
import { toDataset, type Dataset } from './model/dataset.js';
import type { PackageInfo } from './model/package-info.js';
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
import { validateDataDirParallel } from './validate.js';

export interface BuildResult {
  problems: Problem[];
  /** Number of record files validated. */
  checked: number;
  dataset?: Dataset;
  files: OutputFile[];
}

export interface BuildOptions {
  pkg: PackageInfo;
  emitters?: readonly Emitter[];
  /** Runs on the staging folder after the emitters (the package build compiles code there). */
  afterEmit?: (stagingDir: string) => void | Promise<void>;
  /** The working directory, which the output must not replace (default: the process's). */
  cwd?: string;
}

/** Throws UnsafeOutputError (before validating) when `outDir` must not be replaced. */
export async function buildDataDir(dataDir: string, outDir: string, options: BuildOptions): Promise<BuildResult> {
  const guard: OutputGuard = options.cwd === undefined ? { dataDir } : { dataDir, cwd: options.cwd };
  checkOutputDir(outDir, guard);
  // Also when this build fails validation: a dead build's last complete output comes back.
  cleanStaleStaging(resolve(outDir));
  const validated = await validateDataDirParallel(dataDir);
  const { problems, checked } = validated;
  if (problems.length > 0) return { problems, checked, files: [] };
  // Not `records` kept in this async function's frame while the outputs are written: only the dataset.
  const dataset = toDataset(validated.records.splice(0));
  const files = emitAll(options.emitters ?? dataEmitters, { dataset, pkg: options.pkg });
  await writeAtomically(outDir, files, options.afterEmit, guard);
  return { problems, checked, dataset, files };
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
  const { unmarked } = checkOutputDir(outDir, guard);
  const target = resolve(outDir);
  cleanStaleStaging(target);
  const staging = join(dirname(target), `.${basename(target)}-staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}-previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof file.contents === 'string') writeFileSync(path, file.contents);
      else if (isFileWriter(file.contents)) await file.contents.writeTo(path);
      else writeChunks(path, file.contents);
    }
    mkdirSync(staging, { recursive: true });
    await afterWrite?.(staging);
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

/** Writes chunked contents in pieces of about a megabyte, never joining the whole file. */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    if (pending) writeSync(fd, pending);
  } finally {
    closeSync(fd);
  }
}
