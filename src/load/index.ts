/** The record index used by cross-record checks: ids from file names. */
import type { RecordIndex } from '../model/record-index.js';
import type { RecordFile } from '../model/record.js';
import { COLLECTION_NAMES, type CollectionName } from '../schema/index.js';

export function createRecordIndex(files: readonly RecordFile[]): RecordIndex {
  const byStem = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Map<string, RecordFile>()])) as Record<
    CollectionName,
    Map<string, RecordFile>
  >;
  for (const f of files) byStem[f.collection].set(f.stem, f);
  return {
    ids: (c) => byStem[c].keys(),
    has: (c, id) => byStem[c].has(id),
    file: (c, id) => byStem[c].get(id),
  };
}
