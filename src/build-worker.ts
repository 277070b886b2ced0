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
import type { RecordFile } from './model/record.js';
import { type FileOutcome, validateFile } from './validate-file.js';

/** A file's outcome; the last of a batch carries the batch's pieces (on this thread, each file carries its own). */
export type BuildOutcome = FileOutcome & { pieces?: RecordPieces | JoinedPieces[] };

/** One file's outcome: problems, the dataset rules' summary, and the record's pieces when it loaded. */
export function buildFile(file: RecordFile, emitters: readonly Emitter[]): BuildOutcome {
  let pieces: RecordPieces | undefined;
  const outcome: BuildOutcome = validateFile(file, false, (record) => {
    pieces = recordPieces(emitters, record.collection, record.data as AnyRecord);
  });
  return pieces ? { ...outcome, pieces } : outcome;
}

/** What the build gives its worker threads. */
export interface BuildWorkerData {
  emitters: string[];
  pkg: PackageInfo;
  counts: Record<CollectionName, number>;
}

let context: { emitters: Emitter[]; joiner: PieceJoiner } | undefined;

export default function buildBatch(files: readonly RecordFile[]): BuildOutcome[] {
  if (!context) {
    const data = workerData as BuildWorkerData;
    const emitters = emittersNamed(data.emitters);
    const ctx = { pkg: data.pkg, counts: data.counts, outputs: { chunks: () => [] } };
    context = { emitters, joiner: new PieceJoiner(emitters, ctx) };
  }
  const { emitters, joiner } = context;
  const outcomes = files.map((file) => {
    const { pieces, ...outcome } = buildFile(file, emitters);
    if (pieces) joiner.add(pieces as RecordPieces);
    return outcome as BuildOutcome;
  });
  if (outcomes.length) outcomes[outcomes.length - 1]!.pieces = joiner.take();
  return outcomes;
}
