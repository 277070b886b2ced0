/** Reads one record file and validates it against its collection schema. */
import * as z from 'zod';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { COLLECTION_NAMES, type CollectionName, collections } from '../schema/index.js';
import { allowedKeys } from '../schema/introspect.js';
import type { Problem } from '../problems.js';
import type { LoadedRecord, RecordFile } from '../model/record.js';
import { decodeRecordBytes, fileSizeMessage } from './decode.js';
import { fastLocator, type Locate } from './fast-positions.js';
import { fastParseYaml } from './fast-yaml.js';
import { locatePath } from './positions.js';
import { parseYamlFile } from './yaml-file.js';
import { MAX_FILE_BYTES } from './yaml-limits.js';
import { issueMessages } from './zod-issues.js';

export interface LoadOutcome {
  record?: LoadedRecord;
  problems: Problem[];
}

export function loadRecord(file: RecordFile): LoadOutcome {
  let bytes: Uint8Array;
  try {
    const read = readBounded(file.path);
    if (typeof read === 'number')
      return { problems: [{ file: file.display, line: 1, col: 1, rule: 'file-size', message: fileSizeMessage(read) }] };
    bytes = read;
  } catch (error) {
    return { problems: [{ file: file.display, line: 0, col: 0, rule: 'io', message: `cannot read file: ${(error as Error).message}` }] };
  }
  try {
    return parseRecord(file, bytes);
  } catch (error) {
    // Last line of defence: one file the validator cannot handle must not hide the others' problems.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      problems: [
        {
          file: file.display,
          line: 1,
          col: 1,
          rule: 'internal-error',
          message: `the validator failed on this file (${reason}): please report this as a bug`,
        },
      ],
    };
  }
}

/** One reusable buffer per thread: a file is read with one open and one read, never more than the limit. */
const buffer = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/** The file's bytes, or its size when it is larger than MAX_FILE_BYTES (never read into memory whole). */
function readBounded(path: string): Uint8Array | number {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (let n: number; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > MAX_FILE_BYTES) return fstatSync(fd).size;
    return buffer.subarray(0, length).slice();
  } finally {
    closeSync(fd);
  }
}

// A record with a key another collection's (strict) schema lacks is no record of it: no need to try.
const KEYS = new Map(COLLECTION_NAMES.map((c) => [c, allowedKeys(collections[c].schema)]));
const mayBelongTo = (collection: CollectionName, value: unknown): boolean => {
  const keys = KEYS.get(collection);
  return !keys || (value !== null && typeof value === 'object' && Object.keys(value).every((key) => keys.has(key)));
};

/**
 * A collection's schema as this thread parses records with it. Until the thread has parsed
 * COMPILE_AFTER records of the collection, Zod runs it interpreted (`jitless`): otherwise Zod
 * generates code for each object schema on its first parse, which a small dataset never earns
 * back (the real dataset validates in 0.91× the time without it). From then on, compiled by Zod
 * (`z.compile`: generated code, the same results, about twice as fast; a value it refuses goes
 * through the runtime parser, so the messages are the same): compiling one takes about 7 ms,
 * what the compiled schema saves over some 400 parses. tests/compiled-schemas.test.ts checks
 * that all three give the same results.
 */
export const COMPILE_AFTER = 400;
const INTERPRETED = { jitless: true } as const;
const parsers = new Map<CollectionName, { parsed: number; schema: z.ZodType; params: z.core.ParseContext<z.core.$ZodIssue> | undefined }>();
export function parserFor(collection: CollectionName): { schema: z.ZodType; params: z.core.ParseContext<z.core.$ZodIssue> | undefined } {
  let parser = parsers.get(collection);
  if (!parser) parsers.set(collection, (parser = { parsed: 0, schema: collections[collection].schema, params: INTERPRETED }));
  if (++parser.parsed === COMPILE_AFTER) {
    parser.schema = z.compile(collections[collection].schema);
    parser.params = undefined;
  }
  return parser;
}

export function parseRecord(file: RecordFile, bytes: Uint8Array): LoadOutcome {
  // Fast path: js-yaml accepts the plainly valid majority, and locates the schema problems of
  // the rest it reads; everything else is parsed again by the strict parser, which locates.
  const fast = fastRead(bytes);
  if (fast?.value) {
    const record = acceptRecord(file, fast.value);
    if (record) return { record, problems: [] };
    // Refused: the runtime schema's issues (a compiled schema refuses through the runtime parser too).
    const { error } = collections[file.collection].schema.safeParse(fast.value, INTERPRETED);
    const locate = fastLocator(fast.text);
    const problems = locate && error && schemaProblems(file, fast.value, error, locate);
    if (problems) return { problems };
  }
  return parseRecordStrictly(file, bytes);
}

/** The decoded text of a file's bytes and the value the fast path reads in it (undefined when it refuses the text); undefined when the bytes do not decode. */
function fastRead(bytes: Uint8Array): { text: string; value: Record<string, unknown> | undefined } | undefined {
  const decoded = decodeRecordBytes(bytes);
  return 'text' in decoded ? { text: decoded.text, value: fastParseYaml(decoded.text) } : undefined;
}

/**
 * The fast path alone, for a pipeline that reads here and checks on another thread
 * (src/validate.ts): the file's value when it reads, decodes and parses plainly; undefined for
 * anything else, and loadRecord then handles the file in full.
 */
export function readFastly(file: RecordFile): Record<string, unknown> | undefined {
  try {
    const bytes = readBounded(file.path);
    return typeof bytes === 'number' ? undefined : fastRead(bytes)?.value;
  } catch {
    return undefined;
  }
}

/** The record, when its collection's schema accepts a value the fast path read; undefined when it refuses it (parseRecord then locates why). */
export function acceptRecord(file: RecordFile, value: Record<string, unknown>): LoadedRecord | undefined {
  const { schema, params } = parserFor(file.collection);
  const result = schema.safeParse(value, params);
  return result.success ? ({ collection: file.collection, file, data: result.data } as LoadedRecord) : undefined;
}

/** The position-tracking path: every problem of the file, each with its line:col. */
export function parseRecordStrictly(file: RecordFile, bytes: Uint8Array): LoadOutcome {
  const parsed = parseYamlFile(file.display, bytes);
  const { doc, lineCounter } = parsed;
  if (parsed.problems.length > 0 || !doc || !lineCounter) return { problems: parsed.problems };
  const { schema } = collections[file.collection];
  const result = schema.safeParse(parsed.value);
  if (result.success) return { record: { collection: file.collection, file, data: result.data } as LoadedRecord, problems: [] };
  return { problems: schemaProblems(file, parsed.value, result.error, (path, at) => locatePath(doc, lineCounter, path, at))! };
}

/**
 * The problems of a value its collection's schema refuses, each located by `locate`; undefined
 * when `locate` cannot place one (the caller then locates them all with the strict parser).
 */
function schemaProblems(file: RecordFile, value: unknown, error: z.ZodError, locate: Locate): Problem[] | undefined {
  const misplaced = COLLECTION_NAMES.find(
    (other) => other !== file.collection && mayBelongTo(other, value) && collections[other].schema.safeParse(value).success,
  );
  if (misplaced)
    return [
      {
        file: file.display,
        line: 1,
        col: 1,
        rule: 'wrong-collection',
        message: `this is a valid ${collections[misplaced].singular} record but it sits in data/${file.collection}/: move it to data/${misplaced}/`,
      },
    ];

  const { schema } = collections[file.collection];
  const problems: Problem[] = [];
  for (const issue of error.issues)
    for (const m of issueMessages(issue, schema, value)) {
      const position = locate(m.path, m.at);
      if (!position) return undefined;
      problems.push({ file: file.display, line: position.line, col: position.col, rule: 'schema', message: m.message });
    }
  return problems;
}
