/**
 * Worker side of the build (./build.ts): one batch of files, each validated as `validate` does
 * and, when it loads, turned into its pieces of every output. The emitters are the build's,
 * named in the pool's workerData.
 */
import { workerData } from 'node:worker_threads';
import { emittersNamed } from './emit/index.js';
import { type JoinedPieces, PieceJoiner, recordPieces, type RecordPieces } from './emit/outputs.js';
import type { Emitter } from './emit/types.js';
import type { AnyRecord, CollectionName } from './schema/index.js';
import type { PackageInfo } from './model/package-info.js';
import type { LoadedRecord, RecordFile } from './model/record.js';
import { type FileOutcome, validateFile, validateParsed } from './validate-file.js';

/** A file's outcome; the last of a batch carries the batch's pieces (on this thread, each file carries its own). */
export type BuildOutcome = FileOutcome & { pieces?: RecordPieces | JoinedPieces[] };

/**
 * One file's outcome: problems, the dataset rules' summary, and the record's pieces when it
 * loaded. Given the `value` the calling thread's fast path read in it (the pipeline), the file
 * is not read again unless the schema refuses that value: it is then validated in full, which
 * locates every problem.
 */
export function buildFile(file: RecordFile, emitters: readonly Emitter[], value?: Record<string, unknown>): BuildOutcome {
  let pieces: RecordPieces | undefined;
  const onRecord = (record: LoadedRecord) => {
    pieces = recordPieces(emitters, record.collection, record.data as AnyRecord);
  };
  const outcome: BuildOutcome = (value && validateParsed(file, value, false, onRecord)) || validateFile(file, false, onRecord);
  return pieces ? { ...outcome, pieces } : outcome;
}

/** What the build gives its worker threads. */
export interface BuildWorkerData {
  emitters: string[];
  pkg: PackageInfo;
  counts: Record<CollectionName, number>;
}

/**
 * A file for the build's pipeline (src/build.ts): the calling thread has read it and gives the
 * value its fast path read, or none when that path refused the file. Unlike validate's pipeline,
 * every file comes here, so that the batch's pieces stay in record order.
 */
export interface PipedFile {
  file: RecordFile;
  value: Record<string, unknown> | undefined;
}

let context: { emitters: Emitter[]; joiner: PieceJoiner } | undefined;

/** The batch's outcomes; the last carries the pieces of every record of the batch, joined. */
function buildEach<T>(items: readonly T[], build: (item: T, emitters: readonly Emitter[]) => BuildOutcome): BuildOutcome[] {
  if (!context) {
    const data = workerData as BuildWorkerData;
    const emitters = emittersNamed(data.emitters);
    const ctx = { pkg: data.pkg, counts: data.counts, outputs: { chunks: () => [] } };
    context = { emitters, joiner: new PieceJoiner(emitters, ctx) };
  }
  const { emitters, joiner } = context;
  const outcomes = items.map((item) => {
    const { pieces, ...outcome } = build(item, emitters);
    if (pieces) joiner.add(pieces as RecordPieces);
    return outcome as BuildOutcome;
  });
  if (outcomes.length) outcomes[outcomes.length - 1]!.pieces = joiner.take();
  return outcomes;
}

export default function buildBatch(files: readonly RecordFile[]): BuildOutcome[] {
  return buildEach(files, (file, emitters) => buildFile(file, emitters));
}

/** The pipeline's second stage: each file checked and turned into its pieces, from the value read on the calling thread when there is one. */
export function buildPipedBatch(items: readonly PipedFile[]): BuildOutcome[] {
  return buildEach(items, ({ file, value }, emitters) => buildFile(file, emitters, value));
}
