/**
 * Writes every output of a set of emitters: text files and frames go into sinks (files in the
 * build's staging folder, or strings for emitAll), the records' pieces into their slots as the
 * records come. The FileWriters (the workbook) are the caller's to write after `end`: they read the text files.
 */
import type { AnyRecord, CollectionName } from '../schema/index.js';
import { Assembler, type Sink, slotId } from './assemble.js';
import { type EmitContext, type Emitter, type FileWriter, isFileWriter, type Slot } from './types.js';

/** A record's pieces for every emitter that shows records, each slot named by slotId. */
export type RecordPieces = (readonly [slot: string, text: string])[];

/** `count` pieces of a slot (named by slotId), joined by the slot's separator: what a build's worker sends for a batch of records. */
export interface JoinedPieces {
  slot: string;
  count: number;
  /** Text, or text encoded as UTF-8 (a worker's batch: copied between threads as bytes, written as they are). */
  text: string | Uint8Array;
}

export function recordPieces(emitters: readonly Emitter[], collection: CollectionName, record: AnyRecord): RecordPieces {
  const pieces: [string, string][] = [];
  for (const emitter of emitters) {
    if (!emitter.record) continue;
    for (const [slot, text] of emitter.record(collection, record)) pieces.push([slotId(emitter.name, slot), text]);
  }
  return pieces;
}

export class OutputSet {
  /** Every output path, sorted. */
  readonly paths: string[];
  /** The binary files, to write once every text file is done (they may read them). */
  readonly writers: { path: string; contents: FileWriter }[] = [];
  private readonly assembler: Assembler;

  constructor(emitters: readonly Emitter[], ctx: EmitContext, open: (path: string) => Sink) {
    const framed: { path: string; emitter: string; parts: readonly (string | Slot)[] }[] = [];
    for (const emitter of emitters)
      for (const { path, contents } of emitter.emit(ctx)) {
        if (isFileWriter(contents)) this.writers.push({ path, contents });
        else framed.push({ path, emitter: emitter.name, parts: typeof contents === 'string' ? [contents] : contents });
      }
    this.paths = [...framed.map((f) => f.path), ...this.writers.map((w) => w.path)].sort();
    const duplicate = this.paths.find((path, i) => path === this.paths[i - 1]);
    if (duplicate) throw new Error(`two emitters write ${duplicate}`);
    this.assembler = new Assembler(framed, open);
  }

  /** One record's pieces (recordPieces), or a batch of records' pieces joined (PieceJoiner), in record order. */
  add(pieces: RecordPieces | readonly JoinedPieces[]): void {
    for (const piece of pieces)
      if (Array.isArray(piece)) this.assembler.add(piece[0], piece[1]);
      else {
        const { slot, text, count } = piece as JoinedPieces;
        this.assembler.add(slot, text, count);
      }
  }

  /** Ends every text file. */
  end(): void {
    this.assembler.end();
  }
}

/** Joins a batch of records' pieces per slot, with each slot's separator, into UTF-8 bytes. */
export class PieceJoiner {
  private readonly separators = new Map<string, string>();
  private joined = new Map<string, { count: number; texts: string[] }>();

  constructor(emitters: readonly Emitter[], ctx: EmitContext) {
    for (const emitter of emitters) {
      if (!emitter.record) continue;
      for (const { contents } of emitter.emit(ctx))
        if (Array.isArray(contents))
          for (const part of contents as readonly (string | Slot)[])
            if (typeof part !== 'string') this.separators.set(slotId(emitter.name, part.slot), part.separator);
    }
  }

  add(pieces: RecordPieces): void {
    for (const [slot, text] of pieces) {
      let entry = this.joined.get(slot);
      if (!entry) this.joined.set(slot, (entry = { count: 0, texts: [] }));
      entry.count++;
      entry.texts.push(text);
    }
  }

  /** The pieces added since the last call, per slot in the order slots first appeared (so each file's slots stay in order). */
  take(): JoinedPieces[] {
    const out = [...this.joined].map(([slot, { count, texts }]) => {
      const separator = this.separators.get(slot);
      if (separator === undefined) throw new Error(`no file has the slot ${slot}`);
      return { slot, count, text: Buffer.from(texts.join(separator)) as Uint8Array };
    });
    this.joined = new Map();
    return out;
  }
}
