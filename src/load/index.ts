/** The record index used by cross-record checks: ids from file names, data loaded on demand. */
import type { RecordIndex } from '../model/record-index.js';
import type { LoadedRecord, RecordFile } from '../model/record.js';
import { COLLECTION_NAMES, type AnyRecord, type CollectionName, type RecordOf } from '../schema/index.js';
import { loadRecord } from './record.js';

export function createRecordIndex(files: readonly RecordFile[], loaded: readonly LoadedRecord[]): RecordIndex {
  const byStem = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new Map<string, RecordFile>()])) as Record<
    CollectionName,
    Map<string, RecordFile>
  >;
  for (const f of files) byStem[f.collection].set(f.stem, f);
  const data = new Map<string, AnyRecord | null>();
  for (const r of loaded) if (r.data.id === r.file.stem) data.set(`${r.collection}/${r.file.stem}`, r.data);
  return {
    ids: (c) => byStem[c].keys(),
    has: (c, id) => byStem[c].has(id),
    file: (c, id) => byStem[c].get(id),
    get<C extends CollectionName>(c: C, id: string) {
      const key = `${c}/${id}`;
      if (!data.has(key)) {
        const file = byStem[c].get(id);
        data.set(key, file ? (loadRecord(file).record?.data ?? null) : null);
      }
      // Keys carry the collection, so the record under `${c}/…` is a record of c.
      return (data.get(key) ?? undefined) as RecordOf<C> | undefined;
    },
  };
}
