/**
 * Safe parsing of one record file. Contributed YAML comes from strangers: this module
 * never executes tags, never expands aliases without bound, never lets a key touch a
 * prototype, and turns every problem into a located message instead of an exception.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from '../problems.js';

/** Larger than any honest record (the longest real one is a few KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Aliases are legal YAML but never needed in a record; their expansion is bounded. */
export const MAX_ALIAS_COUNT = 50;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedFile {
  /** Plain JS value of the document, when it parsed without problems. */
  value?: unknown;
  doc?: Document;
  lineCounter?: LineCounter;
  problems: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function parseYamlFile(file: string, bytes: Uint8Array): ParsedFile {
  const fileProblem = (rule: string, message: string, line = 1, col = 1): ParsedFile => ({
    problems: [{ file, line, col, rule, message }],
  });

  if (bytes.byteLength > MAX_FILE_BYTES)
    return fileProblem(
      'file-size',
      `file is ${bytes.byteLength} bytes; a record file may be at most ${MAX_FILE_BYTES} bytes (split long text or shorten excerpts)`,
    );
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fileProblem('encoding', 'file contains NUL bytes: it looks binary, not a UTF-8 YAML text file');
  let text: string;
  try {
    text = utf8.decode(bytes); // strips a leading UTF-8 BOM
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fileProblem('encoding', 'file is not valid UTF-8: re-save it with UTF-8 encoding', bad.line, bad.col);
  }
  if (text.trim() === '') return fileProblem('yaml-syntax', 'file is empty: a record file holds one YAML mapping');

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    schema: 'core',
    version: '1.2',
  });
  const problems: Problem[] = [];
  const at = (offset: number) => lineCounter.linePos(offset);
  for (const error of doc.errors) {
    const { line, col } = at(error.pos[0]);
    problems.push({ file, line, col, rule: 'yaml-syntax', message: yamlErrorMessage(error.code, error.message) });
  }
  for (const warning of doc.warnings) {
    const { line, col } = at(warning.pos[0]);
    problems.push({ file, line, col, rule: 'yaml-syntax', message: firstLine(warning.message) });
  }
  if (problems.length > 0) return { problems, doc, lineCounter };

  visit(doc, {
    Node(_key, node) {
      if (!isAlias(node) && node.tag) {
        const { line, col } = at(node.range?.[0] ?? 0);
        problems.push({
          file,
          line,
          col,
          rule: 'yaml-tag',
          message: `explicit YAML tag ${node.tag} is not allowed: records hold plain strings, numbers, booleans, lists and mappings`,
        });
      }
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) {
        const { line, col } = at(pair.key.range?.[0] ?? 0);
        problems.push({ file, line, col, rule: 'reserved-key', message: `key "${String(pair.key.value)}" is reserved and not allowed` });
      } else if (pair.key !== null && !isScalar(pair.key)) {
        const { line, col } = at((pair.key as { range?: [number] }).range?.[0] ?? 0);
        problems.push({ file, line, col, rule: 'yaml-syntax', message: 'mapping keys must be plain strings' });
      }
    },
  });
  if (!isMap(doc.contents)) {
    const { line, col } = at(doc.contents?.range?.[0] ?? 0);
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    problems.push({ file, line, col, rule: 'yaml-syntax', message: `a record file must hold one mapping (key: value lines), found ${found}` });
  }
  if (problems.length > 0) return { problems, doc, lineCounter };

  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { value, doc, lineCounter, problems };
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, col } = at(offset);
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    return fileProblem('yaml-syntax', `aliases expand too much (${reason}); write values out instead of using anchors and aliases`, line, col);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlErrorMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear once in a mapping (remove or merge the repeated one)';
    case 'MULTIPLE_DOCS':
      return 'file holds several YAML documents ("---"): put one record per file';
    case 'TAB_AS_INDENT':
      return 'tab used for indentation: YAML indents with spaces only';
    default:
      return firstLine(message);
  }
}

/** Line and column (in characters) of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } {
  const lenient = new TextDecoder('utf-8', { fatal: false });
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, lineStart);
    const end = nl === -1 ? bytes.length : nl;
    const decoded = lenient.decode(bytes.subarray(lineStart, end));
    const bad = decoded.indexOf('\uFFFD');
    if (bad !== -1) return { line, col: bad + 1 };
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return { line: 1, col: 1 };
}
