/**
 * Builds a data directory into an output directory, atomically: everything is written
 * to a staging folder beside the output, which replaces the output only once complete.
 * A build that fails validation, or fails mid-way, leaves the previous output untouched.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataEmitters, emitAll, type Emitter, type OutputFile, type PackageInfo } from './emit/index.js';
import type { Problem } from './problems.js';
import { toDataset, validateDataDirParallel, type Dataset } from './validate.js';

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
}

export async function buildDataDir(dataDir: string, outDir: string, options: BuildOptions): Promise<BuildResult> {
  const { problems, records, checked } = await validateDataDirParallel(dataDir);
  if (problems.length > 0) return { problems, checked, files: [] };
  const dataset = toDataset(records);
  const files = emitAll(options.emitters ?? dataEmitters, { dataset, pkg: options.pkg });
  await writeAtomically(outDir, files, options.afterEmit);
  return { problems, checked, dataset, files };
}

export async function writeAtomically(
  outDir: string,
  files: readonly OutputFile[],
  afterWrite?: (stagingDir: string) => void | Promise<void>,
): Promise<void> {
  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}-staging-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}-previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof file.contents === 'string') writeFileSync(path, file.contents);
      else writeChunks(path, file.contents);
    }
    mkdirSync(staging, { recursive: true });
    await afterWrite?.(staging);
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
