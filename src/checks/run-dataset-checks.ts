/**
 * The dataset rules' two halves: `summarize` gathers each rule's facts about one record where
 * the record is loaded (on a worker thread for a large dataset), and `runDatasetChecks`
 * compares them on one thread, which so holds a summary per record instead of the record.
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

export interface DatasetCheckInput {
  /** The records under check that loaded, with their summaries. */
  checked: readonly { file: RecordFile; summary: RecordSummary }[];
  index: RecordIndex;
  /** Loads a record that is not under check (when only some files are), undefined when it does not load. */
  load(file: RecordFile): LoadedRecord | undefined;
  scope: 'dataset' | 'files';
  dataDir: string;
}

export function runDatasetChecks(input: DatasetCheckInput): (PathProblem | Problem)[] {
  const { checked, index, scope, dataDir } = input;
  // Records are found by file name (ids must equal file names: another rule reports one that does not).
  const summaries = new Map<string, RecordSummary | null>();
  for (const { file, summary } of checked) summaries.set(`${file.collection}/${file.stem}`, summary);
  const summaryOf = (collection: CollectionName, id: string): RecordSummary | undefined => {
    const key = `${collection}/${id}`;
    let summary = summaries.get(key);
    // Every file was checked when the scope is the dataset: one not summarised did not load.
    if (summary === undefined && scope === 'files') {
      const file = index.file(collection, id);
      const record = file ? input.load(file) : undefined;
      summaries.set(key, (summary = record ? summarize(record) : null));
    }
    return summary ?? undefined;
  };

  const problems: (PathProblem | Problem)[] = [];
  datasetChecks.forEach((check, i) => {
    const records: CheckedRecord<unknown>[] = checked.map(({ file, summary }) => ({
      collection: file.collection,
      file,
      id: summary.id,
      facts: summary.facts[i],
    }));
    const ctx = { records, index, scope, dataDir, factsOf: (c: CollectionName, id: string) => summaryOf(c, id)?.facts[i] };
    // One push per problem: spreading a rule's result into push() overflows the stack
    // beyond ~120,000 problems, which a large dataset can reach after one bad rename.
    for (const problem of check.run(ctx)) problems.push(problem);
  });
  return problems;
}
