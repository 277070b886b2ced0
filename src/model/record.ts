/** A record file and a loaded record: what loading produces and rules consume. */
import { relative } from 'node:path';
import type { CollectionName, RecordOf } from '../schema/index.js';

export interface RecordFile {
  collection: CollectionName;
  /** Absolute or cwd-relative path used for reading. */
  path: string;
  /** Path as shown in messages (relative to the working directory, forward slashes). */
  display: string;
  /** File base name without `.yaml`: the id the record must carry. */
  stem: string;
}

/** A schema-valid record; `data` is typed by its collection when `C` is one. */
export type LoadedRecord<C extends CollectionName = CollectionName> = {
  [K in C]: { collection: K; file: RecordFile; data: RecordOf<K> };
}[C];

/** A path as shown in messages: relative to the working directory when inside it, forward slashes. */
export const displayPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return (rel && !rel.startsWith('..') ? rel : path).split('\\').join('/');
};
