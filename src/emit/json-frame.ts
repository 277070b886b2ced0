/**
 * JSON files whose arrays of records are filled piece by piece (Emitter.record): the frame is
 * stableJson of the file with a JsonArraySlot where each array goes, and each piece is one item
 * as stableJson indents it there, so the assembled file has exactly stableJson's bytes
 * (tests/emit-pieces.test.ts).
 */
import { type Slot, stableJson } from './types.js';

const MARKER = '\u0000slot:';
/** A marker as JSON.stringify writes it: the slot name follows, JSON-escaped. */
const MARKER_TEXT = /"\\u0000slot:((?:[^"\\]|\\.)*)"/g;

/** Stands for an array of records at `depth` (the number of objects or arrays around it) in a value given to jsonFrame. */
export class JsonArraySlot {
  constructor(
    readonly slot: string,
    readonly depth: number,
  ) {}
  toJSON(): string {
    return `${MARKER}${this.slot}`;
  }
}

/** stableJson(value) as text and slots: one slot for each JsonArraySlot in `value`. */
export function jsonFrame(value: unknown): (string | Slot)[] {
  const depths = new Map<string, number>();
  const gather = (v: unknown): void => {
    if (v instanceof JsonArraySlot) depths.set(v.slot, v.depth);
    else if (v !== null && typeof v === 'object') for (const item of Object.values(v)) gather(item);
  };
  gather(value);
  const text = stableJson(value);
  const parts: (string | Slot)[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER_TEXT)) {
    const slot = JSON.parse(`"${match[1]}"`) as string;
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const indent = /^ */.exec(text.slice(lineStart))![0];
    if (depths.get(slot) !== indent.length / 2)
      throw new Error(`JSON slot ${slot} is at depth ${indent.length / 2}, not ${depths.get(slot)}`);
    parts.push(text.slice(last, match.index), { slot, open: '[\n', separator: ',\n', close: `\n${indent}]`, empty: '[]' });
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}

/**
 * `item` as stableJson writes it inside an array at `depth`: indented, without a separator.
 * JSON.stringify indents it itself when it is nested as deep as that array (the wrapping
 * arrays' brackets are then cut off): no re-indenting pass.
 */
export function jsonItem(item: unknown, depth: number): string {
  let wrapped: unknown = [item];
  let open = '[\n';
  let close = '\n]';
  for (let level = 1; level <= depth; level++) {
    wrapped = [wrapped];
    open += `${'  '.repeat(level)}[\n`;
    close = `\n${'  '.repeat(level)}]${close}`;
  }
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(open.length, text.length - close.length);
}

/**
 * A jsonItem text moved `levels` deeper: every line indented by two spaces per level. Cheaper
 * than stringifying again, and the same bytes: JSON.stringify escapes the line breaks inside
 * strings, so each line break of its output is between tokens.
 */
export const indentJson = (text: string, levels: number): string => {
  const indent = '  '.repeat(levels);
  return indent + text.replaceAll('\n', `\n${indent}`);
};
