import type { LoadedRecord } from '../model/record.js';
import type { RecordIndex } from '../model/record-index.js';
import type { CollectionName } from '../schema/index.js';
import type { PathProblem, Problem } from '../problems.js';

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

/** The records under check of one collection, typed by it. */
export const recordsOf = <C extends CollectionName>(ctx: CheckContext, collection: C): LoadedRecord<C>[] =>
  ctx.records.filter((r) => r.collection === collection) as LoadedRecord<C>[];
