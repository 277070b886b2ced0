/**
 * The dataset rules' two halves: each rule's facts about one record, gathered where the record
 * is (`summarize` on a worker thread, or from the record itself on this thread), and
 * `runDatasetChecks`, which compares them on one thread. When the records stay on the worker
 * threads (validate), this thread holds a small summary per record instead of the record.
 */
import type { RecordIndex } from '../model/record-index.js';
import type { LoadedRecord, RecordFile } from '../model/record.js';
import type { PathProblem, Problem } from '../problems.js';
import type { CollectionName } from '../schema/index.js';
import { datasetChecks } from './index.js';
import type { CheckedRecord } from './types.js';

/** What the dataset rules need of one record: its id, and each rule's facts (in `datasetChecks` order). */
export interface RecordSummary {
  id: string;
  facts: unknown[];
}

export const summarize = (record: LoadedRecord): RecordSummary => ({
  id: record.data.id,
  facts: datasetChecks.map((check) => check.factsOf(record)),
});

/** A record under check: summarised by a worker, or the record itself (its facts then gathered here, one rule at a time). */
export type CheckedEntry = { file: RecordFile } & ({ summary: RecordSummary } | { record: LoadedRecord });

const idOf = (entry: CheckedEntry): string => ('summary' in entry ? entry.summary.id : entry.record.data.id);
/** Rule `i`'s facts about the entry's record. */
const factsOf = (entry: CheckedEntry, i: number): unknown =>
  'summary' in entry ? entry.summary.facts[i] : datasetChecks[i]!.factsOf(entry.record);

export interface DatasetCheckInput {
  /** The records under check that loaded. */
  checked: readonly CheckedEntry[];
  index: RecordIndex;
  /** Loads a record that is not under check (when only some files are), undefined when it does not load. */
  load(file: RecordFile): LoadedRecord | undefined;
  scope: 'dataset' | 'files';
  dataDir: string;
}

export function runDatasetChecks(input: DatasetCheckInput): (PathProblem | Problem)[] {
  const { checked, index, scope, dataDir } = input;
  // Records are found by file name (ids must equal file names: another rule reports one that does not).
  const keyOf = (collection: CollectionName, id: string) => `${collection}/${id}`;
  const position = new Map(checked.map((entry, n) => [keyOf(entry.file.collection, entry.file.stem), n]));
  // Records not under check, loaded when a rule asks for them (only when some files are checked:
  // with the whole dataset under check, a record not among them did not load).
  const others = new Map<string, CheckedEntry | null>();
  const otherEntry = (collection: CollectionName, id: string): CheckedEntry | undefined => {
    if (scope !== 'files') return undefined;
    const key = keyOf(collection, id);
    let entry = others.get(key);
    if (entry === undefined) {
      const file = index.file(collection, id);
      const record = file ? input.load(file) : undefined;
      others.set(key, (entry = file && record ? { file, record } : null));
    }
    return entry ?? undefined;
  };

  const problems: (PathProblem | Problem)[] = [];
  datasetChecks.forEach((check, i) => {
    // This rule's facts, each worked out once: for the records under check, and for others when asked.
    const facts = checked.map((entry) => factsOf(entry, i));
    const records: CheckedRecord<unknown>[] = checked.map((entry, n) => ({
      collection: entry.file.collection,
      file: entry.file,
      id: idOf(entry),
      facts: facts[n],
    }));
    const otherFacts = new Map<string, unknown>();
    const factsOfRecord = (collection: CollectionName, id: string): unknown => {
      const key = keyOf(collection, id);
      const n = position.get(key);
      if (n !== undefined) return facts[n];
      if (!otherFacts.has(key)) {
        const entry = otherEntry(collection, id);
        otherFacts.set(key, entry ? factsOf(entry, i) : undefined);
      }
      return otherFacts.get(key);
    };
    const ctx = { records, index, scope, dataDir, factsOf: factsOfRecord };
    // One push per problem: spreading a rule's result into push() overflows the stack
    // beyond ~120,000 problems, which a large dataset can reach after one bad rename.
    for (const problem of check.run(ctx)) problems.push(problem);
  });
  return problems;
}
