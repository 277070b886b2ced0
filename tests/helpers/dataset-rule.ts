/**
 * Runs one dataset rule on records held in memory, every one under check, with its facts
 * gathered by the rule's own factsOf as validation gathers them (src/checks/run-dataset-checks.ts).
 * For rule tests on inputs too large or too odd to write as files.
 */
import type { DatasetCheck } from '../../src/checks/types.js';
import type { RecordIndex } from '../../src/model/record-index.js';
import type { LoadedRecord, RecordFile } from '../../src/model/record.js';
import type { CollectionName } from '../../src/schema/index.js';

/** A record as a rule test writes it: only the fields the rule reads. */
export interface TestRecord {
  collection: CollectionName;
  file: RecordFile;
  data: { id: string } & Record<string, unknown>;
}

export function runDatasetRule(check: DatasetCheck, records: readonly TestRecord[], index: RecordIndex) {
  // Test records carry only what the rule reads: enough for its factsOf, which is all it sees.
  const loaded = records as unknown as readonly LoadedRecord[];
  const byKey = new Map(loaded.map((r) => [`${r.collection}/${r.data.id}`, r]));
  return check.run({
    records: loaded.map((r) => ({ collection: r.collection, file: r.file, id: r.data.id, facts: check.factsOf(r) })),
    index,
    scope: 'dataset',
    dataDir: 'data',
    factsOf: (collection, id) => {
      const record = byKey.get(`${collection}/${id}`);
      return record ? check.factsOf(record) : undefined;
    },
  });
}
