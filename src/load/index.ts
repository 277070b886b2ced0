/** The record index used by cross-record checks: ids from file names, data loaded on demand. */
import type { RecordIndex } from '../checks/types.js';
import { COLLECTION_NAMES, type AnyRecord, type CollectionName } from '../schema/index.js';
import type { RecordFile } from './files.js';
import { loadRecord, type LoadedRecord } from './record.js';

export function createRecordIndex(files: readonly RecordFile[], loaded: readonly LoadedRecord[]): RecordIndex {
  const byStem = new Map<CollectionName, Map<string, RecordFile>>(COLLECTION_NAMES.map((c) => [c, new Map()]));
  for (const f of files) byStem.get(f.collection)!.set(f.stem, f);
  const data = new Map<string, AnyRecord | null>();
  for (const r of loaded) if (r.data.id === r.file.stem) data.set(`${r.collection}/${r.file.stem}`, r.data);
  return {
    ids: (c) => byStem.get(c)!.keys(),
    has: (c, id) => byStem.get(c)!.has(id),
    file: (c, id) => byStem.get(c)!.get(id),
    get(c, id) {
      const key = `${c}/${id}`;
      if (!data.has(key)) {
        const file = byStem.get(c)!.get(id);
        data.set(key, file ? (loadRecord(file).record?.data ?? null) : null);
      }
      return data.get(key) ?? undefined;
    },
  };
}
