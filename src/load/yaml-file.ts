/**
 * Safe parsing of one record file. Contributed YAML comes from strangers: this module
 * never executes tags, never expands aliases without bound, never lets a key touch a
 * prototype, and turns every problem into a located message instead of an exception.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';

/** Larger than any honest record (the longest real one is a few KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Aliases are legal YAML but never needed in a record; their expansion is bounded. */
export const MAX_ALIAS_COUNT = 50;
/** Nesting levels (mappings and lists) a record may use; records need three or four. */
export const MAX_NESTING = 16;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedFile {
  /** Plain JS value of the document, when it parsed without problems. */
  value?: unknown;
  doc?: Document;
  lineCounter?: LineCounter;
  problems: Problem[];
}

export const fileSizeMessage = (bytes: number): string =>
  `file is ${bytes} bytes; a record file may be at most ${MAX_FILE_BYTES} bytes (split long text or shorten excerpts)`;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function parseYamlFile(file: string, bytes: Uint8Array): ParsedFile {
  const fileProblem = (rule: string, message: string, line = 1, col = 1): ParsedFile => ({
    problems: [{ file, line, col, rule, message }],
  });

  if (bytes.byteLength > MAX_FILE_BYTES) return fileProblem('file-size', fileSizeMessage(bytes.byteLength));
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return fileProblem('encoding', 'file is UTF-16 encoded: re-save it with UTF-8 encoding');
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
  const seen = new Set<string>();
  const report = (rule: string, offset: number, message: string) => {
    const { line, col } = at(offset);
    const key = `${line}:${col}:${rule}:${message}`;
    if (!seen.has(key)) problems.push({ file, line, col, rule, message });
    seen.add(key);
  };
  // A stack overflow in the parser is reported once per level: keep the first.
  const errors = doc.errors.filter((e, i, all) => e.code !== 'RESOURCE_EXHAUSTION' || all.findIndex((o) => o.code === e.code) === i);
  for (const error of errors) {
    const { offset, message } = describeYamlError(error, doc, text);
    report('yaml-syntax', offset, message);
  }
  if (problems.length > 0) return { problems, doc, lineCounter };
  // Unknown tags (!!js/function, !custom) are reported with all other tags by the visitor below.
  for (const warning of doc.warnings)
    if (warning.code !== 'TAG_RESOLVE_FAILED') report('yaml-syntax', warning.pos[0], firstLine(warning.message));

  if (isEmptyDocument(doc)) {
    report('yaml-syntax', 0, 'file holds no record (only comments, blank lines or "---"): a record file holds one YAML mapping');
    return { problems, doc, lineCounter };
  }
  // Checked without recursion, before anything walks the tree recursively.
  const deep = tooDeep(doc.contents);
  if (deep) {
    report('yaml-syntax', deep.range?.[0] ?? 0, `nesting is deeper than ${MAX_NESTING} levels: a record needs only a few (mapping → list → mapping)`);
    return { problems, doc, lineCounter };
  }

  visit(doc, {
    // One visitor for every node: yaml calls only the most specific of Node/Scalar/Alias.
    Node(_key, node, path) {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        const target = node.resolve(doc);
        if (!target) report('yaml-syntax', offset, `alias *${node.source} has no anchor &${node.source} before it`);
        else if (path.includes(target as never))
          report('yaml-syntax', offset, `alias *${node.source} sits inside the value of its own anchor &${node.source}: the value would contain itself`);
        return;
      }
      if (node.tag) report('yaml-tag', tagStart(text, offset), tagMessage(node.tag));
      if (isScalar(node) && typeof node.value === 'string' && hasLoneSurrogate(node.value))
        report('encoding', offset, 'text contains an unpaired surrogate escape (such as "\\ud800"): it is not a Unicode character and cannot be saved as UTF-8');
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && RESERVED_KEYS.has(String(pair.key.value))) {
        report('reserved-key', pair.key.range?.[0] ?? 0, `key "${String(pair.key.value)}" is reserved and not allowed`);
      } else if (pair.key !== null && !isScalar(pair.key)) {
        report('yaml-syntax', (pair.key as { range?: [number] }).range?.[0] ?? 0, 'mapping keys must be plain strings');
      }
    },
  });
  if (!isMap(doc.contents)) {
    const found = isSeq(doc.contents) ? 'a list' : 'a single value';
    report('yaml-syntax', doc.contents?.range?.[0] ?? 0, `a record file must hold one mapping (key: value lines), found ${found}`);
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

/** A message and a position for a YAML parse error, pointing where the contributor must look. */
function describeYamlError(error: YAMLError, doc: Document, text: string): { offset: number; message: string } {
  const offset = skipIndentation(text, error.pos[0]);
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { offset, message: 'duplicate key: each key may appear once in a mapping (remove or merge the repeated one)' };
    case 'MULTIPLE_DOCS':
      return { offset, message: 'file holds several YAML documents ("---"): put one record per file' };
    case 'TAB_AS_INDENT':
      return { offset, message: 'tab used for indentation: YAML indents with spaces only' };
    case 'RESOURCE_EXHAUSTION':
      return { offset: error.pos[0], message: 'nesting is too deep to parse: a record needs only a few levels (mapping → list → mapping)' };
    case 'BAD_INDENT':
      return { offset, message: `${firstLine(error.message)}: check the indentation of this line` };
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(error.message)?.[1];
      if (quote) {
        // The parser notices only at the end of the file; point at the quote that opened the text.
        let opened: number | undefined;
        visit(doc, {
          Scalar(_key, node) {
            if (node.type === (quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0]) opened = node.range[0];
          },
        });
        if (opened !== undefined)
          return { offset: opened, message: `the ${quote} quote opened here is never closed: add the closing ${quote} at the end of the text` };
      }
      if (/without - indicator/.test(error.message))
        return { offset, message: 'line is not aligned with the lines above it: check the indentation (a list item starts with "- ")' };
      return { offset, message: firstLine(error.message) };
    }
    default:
      return { offset, message: firstLine(error.message) };
  }
}

/** Moves an offset that sits in a line's leading spaces to the line's first character. */
function skipIndentation(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  if (!/^ *$/.test(text.slice(lineStart, offset))) return offset;
  let i = offset;
  while (text[i] === ' ') i++;
  return i < text.length && text[i] !== '\n' && text[i] !== '\r' ? i : offset;
}

/** An unpaired UTF-16 surrogate (`String#isWellFormed`, Node ≥ 20: a plain scan, unlike a regex with lookaround). */
const hasLoneSurrogate = (s: string): boolean => !(s as string & { isWellFormed(): boolean }).isWellFormed();

/** `tag:yaml.org,2002:js/function` → `!!js/function`, as the contributor wrote it. */
const shortTag = (tag: string) => (tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag);
/** Where the tag written before a value starts (`!!binary aGk=`, `!x &a value`), else the value itself. */
function tagStart(text: string, valueOffset: number): number {
  const before = text.slice(Math.max(0, valueOffset - 1024), valueOffset);
  const m = /!\S*(?:[ \t]+&\S+)?\s*$/.exec(before);
  return m ? valueOffset - before.length + m.index : valueOffset;
}
const tagMessage = (tag: string) =>
  `YAML tag ${shortTag(tag)} is not allowed (tags are never executed or converted): records hold plain strings, numbers, booleans, lists and mappings`;

/** Only comments, blank lines or document markers: no value at all. */
const isEmptyDocument = (doc: Document) =>
  doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source && !doc.contents.tag);

/** The first collection nested deeper than MAX_NESTING, found without recursion. */
function tooDeep(root: unknown): Node | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
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
