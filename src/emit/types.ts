import type { Dataset } from '../model/dataset.js';
import type { PackageInfo } from '../model/package-info.js';

export interface EmitContext {
  dataset: Dataset;
  pkg: PackageInfo;
}

/**
 * A generated file: path relative to the output directory, and its exact contents. Large
 * outputs give their contents as chunks computed only when the file is written (see
 * `lazyChunks`), so a build never holds every output, or one whole all.json, in memory.
 */
export interface OutputFile {
  path: string;
  contents: string | Iterable<string> | FileWriter;
}

/** A binary file a streaming library writes straight to its path (the workbook), once the build writes outputs. */
export interface FileWriter {
  writeTo(path: string): Promise<void>;
}

export const isFileWriter = (contents: OutputFile['contents']): contents is FileWriter =>
  typeof contents === 'object' && 'writeTo' in contents;

/** The contents of a text file as one string (joins chunked contents). */
export function contentsOf(file: OutputFile): string {
  if (isFileWriter(file.contents)) throw new Error(`${file.path} is a binary file: write it with its writeTo()`);
  return typeof file.contents === 'string' ? file.contents : [...file.contents].join('');
}

/** Contents produced on demand, afresh each time they are iterated (written, or read by a test). */
export const lazyChunks = (make: () => Iterable<string>): Iterable<string> => ({ [Symbol.iterator]: () => make()[Symbol.iterator]() });

/** An output format. To add one: write `emit/<format>.ts` exporting an Emitter, list it in emit/index.ts. */
export interface Emitter {
  name: string;
  emit(ctx: EmitContext): OutputFile[];
}

export const stableJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * `stableJson(value)` as chunks, byte for byte: objects are walked, and each item of an
 * array (a record) is one chunk, so no string as large as the whole file is ever built.
 */
export function stableJsonChunks(value: unknown): Iterable<string> {
  return lazyChunks(function* () {
    yield* jsonChunks(value, '');
    yield '\n';
  });
}

const isPlainContainer = (v: unknown): v is object =>
  v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Items per chunk of an array: stringified together, in one call. */
const ARRAY_BATCH = 256;

function* jsonChunks(value: unknown, indent: string): Generator<string> {
  const inner = `${indent}  `;
  if (Array.isArray(value) && isPlainContainer(value)) {
    if (value.length === 0) return yield '[]';
    yield '[\n';
    for (let start = 0; start < value.length; start += ARRAY_BATCH) {
      const end = Math.min(value.length, start + ARRAY_BATCH);
      yield `${itemsAtDepth(value.slice(start, end), indent.length / 2)}${end < value.length ? ',\n' : '\n'}`;
    }
    return yield `${indent}]`;
  }
  if (isPlainContainer(value)) {
    const keys = Object.keys(value).filter((k) => {
      const v = (value as Record<string, unknown>)[k];
      return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
    });
    if (keys.length === 0) return yield '{}';
    yield '{\n';
    for (const [i, key] of keys.entries()) {
      yield `${inner}${JSON.stringify(key)}: `;
      yield* jsonChunks((value as Record<string, unknown>)[key], inner);
      yield i < keys.length - 1 ? ',\n' : '\n';
    }
    return yield `${indent}}`;
  }
  yield JSON.stringify(value, null, 2) ?? 'null';
}

/**
 * `items` as stableJson writes them inside an array at `depth`: one per line group, indented,
 * separated by `,\n`. JSON.stringify indents them itself when they are nested as deep as
 * that array (the wrapping arrays' brackets are then cut off): no re-indenting pass.
 */
function itemsAtDepth(items: unknown[], depth: number): string {
  let wrapped: unknown = items;
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
