/**
 * Puts files together from their frames (text and slots, see OutputFile) and the records'
 * pieces as they come: each piece goes into its slot, in order, and the text between slots is
 * written once every earlier slot is done. The pieces of one file's slots must come slot after
 * slot (records come collection after collection, as the frames' slots are ordered).
 */
import type { Slot } from './types.js';

export interface Sink {
  /** Text, or text already encoded as UTF-8. */
  write(text: string | Uint8Array): void;
  end(): void;
}

interface FileState {
  path: string;
  parts: readonly (string | Slot)[];
  sink: Sink;
  /** The slot being filled (parts.length once none is left): every part before it is written. */
  at: number;
  /** Pieces written into parts[at]. */
  pieces: number;
}

export class Assembler {
  private readonly slots = new Map<string, { file: FileState; index: number }>();
  private readonly files: FileState[] = [];

  /** `slotId(emitter, slot)` names each slot: slot names are the emitter's own. */
  constructor(files: readonly { path: string; emitter: string; parts: readonly (string | Slot)[] }[], open: (path: string) => Sink) {
    for (const { path, emitter, parts } of files) {
      const file: FileState = { path, parts, sink: open(path), at: -1, pieces: 0 };
      this.files.push(file);
      parts.forEach((part, index) => {
        if (typeof part === 'string') return;
        const id = slotId(emitter, part.slot);
        if (this.slots.has(id)) throw new Error(`slot ${part.slot} of ${emitter} appears twice`);
        this.slots.set(id, { file, index });
      });
      // The text before the first slot.
      while (file.at + 1 < parts.length && typeof parts[file.at + 1] === 'string') file.sink.write(parts[++file.at] as string);
      file.at++;
    }
  }

  /** Adds `count` pieces to a slot (named by slotId): `text` holds them joined by the slot's separator. */
  add(slot: string, text: string | Uint8Array, count = 1): void {
    const target = this.slots.get(slot);
    if (!target) throw new Error(`no file has the slot ${slot}`);
    const { file, index } = target;
    if (index < file.at) throw new Error(`${file.path}: a piece for slot ${slot} came after that slot was closed`);
    if (index > file.at) this.moveTo(file, index);
    const part = file.parts[index] as Slot;
    if (count === 0) return;
    file.sink.write(file.pieces === 0 ? part.open : part.separator);
    file.sink.write(text);
    file.pieces += count;
  }

  /** Closes every slot, writes the rest of every file and ends its sink. */
  end(): void {
    for (const file of this.files) {
      this.moveTo(file, file.parts.length);
      file.sink.end();
    }
  }

  /** Closes the slot being filled, writes every part before `index` (empty slots as such) and starts filling `index`. */
  private moveTo(file: FileState, index: number): void {
    if (file.at < file.parts.length) {
      const current = file.parts[file.at] as Slot;
      file.sink.write(file.pieces > 0 ? current.close : current.empty);
    }
    for (let i = file.at + 1; i < index; i++) {
      const part = file.parts[i]!;
      file.sink.write(typeof part === 'string' ? part : part.empty);
    }
    file.at = index;
    file.pieces = 0;
  }
}

export const slotId = (emitter: string, slot: string): string => `${emitter}\u0000${slot}`;
