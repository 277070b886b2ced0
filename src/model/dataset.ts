import { COLLECTION_NAMES, type CollectionName, type RecordOf } from '../schema/index.js';
import type { LoadedRecord } from './record.js';

/** Valid records grouped by collection and sorted by id: the input of every emitter. */
export type Dataset = { [C in CollectionName]: RecordOf<C>[] };

export function toDataset(records: readonly LoadedRecord[]): Dataset {
  const out = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, []])) as unknown as Dataset;
  for (const r of records) (out[r.collection] as RecordOf<CollectionName>[]).push(r.data);
  for (const c of COLLECTION_NAMES) (out[c] as RecordOf<CollectionName>[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}
