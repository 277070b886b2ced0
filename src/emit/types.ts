import type { PackageInfo } from '../model/package-info.js';
import type { AnyRecord, CollectionName } from '../schema/index.js';

export interface EmitContext {
  pkg: PackageInfo;
  /** The number of records of each collection: what a file may say before its records come. */
  counts: Readonly<Record<CollectionName, number>>;
  /** The other formats' text files, once written: what a format derived from them reads (in its FileWriter). */
  outputs: OutputReader;
}

export interface OutputReader {
  /** The file's text, in chunks (a large file is never one string). */
  chunks(path: string): Iterable<string>;
}

/**
 * Where records' pieces go in a file (see Emitter.record): in record order, joined by
 * `separator`, between `open` and `close`; `empty` stands for the slot when no record has a piece.
 */
export interface Slot {
  slot: string;
  open: string;
  separator: string;
  close: string;
  empty: string;
}

/** A slot for lines (CSV rows): pieces written one after the other. */
export const lineSlot = (slot: string): Slot => ({ slot, open: '', separator: '', close: '', empty: '' });

/**
 * A generated file: path relative to the output directory, and its contents: text; text with
 * slots that the records' pieces fill (so a build never holds every record, or one whole
 * all.json, in memory); or a binary file a library writes itself (the workbook).
 */
export interface OutputFile {
  path: string;
  contents: string | readonly (string | Slot)[] | FileWriter;
}

/** A binary file a streaming library writes straight to its path (the workbook), once every text file is written. */
export interface FileWriter {
  writeTo(path: string): Promise<void>;
  /**
   * Loads what writing needs (its library), so that it is ready by then: the build calls it
   * first when the records are checked on other threads, while this one mostly waits.
   */
  prepare?(): Promise<void>;
}

export const isFileWriter = (contents: OutputFile['contents']): contents is FileWriter =>
  typeof contents === 'object' && 'writeTo' in contents;

/**
 * An output format. To add one: write `emit/<format>.ts` exporting an Emitter, list it in emit/index.ts.
 * `emit` gives the files, knowing only the counts; a format that shows records gives its files
 * slots, and `record` the pieces one record adds to them. `record` runs where the record is
 * checked (on the build's worker thread or threads from a few thousand files), once per record, in id order
 * within each collection and collections in COLLECTION_NAMES order.
 */
export interface Emitter {
  name: string;
  emit(ctx: EmitContext): OutputFile[];
  record?(collection: CollectionName, record: AnyRecord): Iterable<readonly [slot: string, text: string]>;
}

export const stableJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
