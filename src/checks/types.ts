import type { LoadedRecord } from '../load/record.js';
import type { RecordFile } from '../load/files.js';
import type { AnyRecord, CollectionName } from '../schema/index.js';
import type { PathProblem, Problem } from '../problems.js';

/** Lookups across the whole dataset, also when only some files are being checked. */
export interface RecordIndex {
  /** Ids present in a collection (from file names; ids must equal file names). */
  ids(collection: CollectionName): Iterable<string>;
  has(collection: CollectionName, id: string): boolean;
  /** The record's data when it exists and is schema-valid (loaded on demand). */
  get(collection: CollectionName, id: string): AnyRecord | undefined;
  file(collection: CollectionName, id: string): RecordFile | undefined;
}

export interface CheckContext {
  /** The records under check: the whole dataset, or only the files named on the command line. */
  records: readonly LoadedRecord[];
  index: RecordIndex;
  /** 'dataset' when every file is checked; some rules (non-empty collections) only apply then. */
  scope: 'dataset' | 'files';
  dataDir: string;
}

/** One rule: a name for messages, a one-line description, and a pure function. */
export interface Check {
  name: string;
  description: string;
  run(ctx: CheckContext): (PathProblem | Problem)[];
}

export const recordsOf = <C extends CollectionName>(ctx: CheckContext, collection: C) =>
  ctx.records.filter((r) => r.collection === collection);
