import type { CollectionName } from '../schema/index.js';
import type { RecordFile } from './record.js';

/** The dataset's record files by collection and id, also when only some files are being checked. */
export interface RecordIndex {
  /** Ids present in a collection (from file names; ids must equal file names). */
  ids(collection: CollectionName): Iterable<string>;
  has(collection: CollectionName, id: string): boolean;
  file(collection: CollectionName, id: string): RecordFile | undefined;
}
