import type { CollectionName, RecordOf } from '../schema/index.js';
import type { RecordFile } from './record.js';

/** Lookups across the whole dataset, also when only some files are being checked. */
export interface RecordIndex {
  /** Ids present in a collection (from file names; ids must equal file names). */
  ids(collection: CollectionName): Iterable<string>;
  has(collection: CollectionName, id: string): boolean;
  /** The record's data when it exists and is schema-valid (loaded on demand). */
  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined;
  file(collection: CollectionName, id: string): RecordFile | undefined;
}
