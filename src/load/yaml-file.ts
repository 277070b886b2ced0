/**
 * Safe parsing of one record file. Contributed YAML comes from strangers: this module
 * never executes tags, never expands aliases without bound, never lets a key touch a
 * prototype, and turns every problem into a located message instead of an exception.
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Problem } from '../problems.js';
import { loaderWork } from './cost.js';
import { decodeRecordBytes } from './decode.js';
import { numberFormMessage } from './number-forms.js';
import { MAX_ALIAS_COUNT, MAX_NESTING, RESERVED_KEYS } from './yaml-limits.js';

export { MAX_FILE_BYTES } from './yaml-limits.js';

export interface ParsedFile {
  /** Plain JS value of the document, when it parsed without problems. */
  value?: unknown;
  doc?: Document;
  lineCounter?: LineCounter;
  problems: Problem[];
}

export function parseYamlFile(file: string, bytes: Uint8Array): ParsedFile {
  const fileProblem = (rule: string, message: string, line = 1, col = 1): ParsedFile => ({
    problems: [{ file, line, col, rule, message }],
  });

  const decoded = decodeRecordBytes(bytes);
  if (!('text' in decoded)) return fileProblem(decoded.rule, decoded.message, decoded.line, decoded.col);
  const { text } = decoded;
  if (text.trim() === '') return fileProblem('yaml-syntax', 'file is empty: a record file holds one YAML mapping');

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // Duplicate keys are found below in one pass: yaml's own check compares each key
    // with every earlier one (quadratic in the size of a mapping).
    uniqueKeys: false,
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
  let exhausted = false;
  const quotedStarts = lazyQuotedStarts(doc);
  for (const error of doc.errors) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) continue;
      exhausted = true;
    }
    const { offset, message } = describeYamlError(error, quotedStarts, text);
    report('yaml-syntax', offset, message);
  }
  if (!exhausted)
    for (const key of duplicateKeys(doc.contents))
      report(
        'yaml-syntax',
        skipIndentation(text, key.range?.[0] ?? 0),
        'duplicate key: each key may appear once in a mapping (remove or merge the repeated one)',
      );
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
    report(
      'yaml-syntax',
      deep.range?.[0] ?? 0,
      `nesting is deeper than ${MAX_NESTING} levels: a record needs only a few (mapping → list → mapping)`,
    );
    return { problems, doc, lineCounter };
  }

  visit(doc, {
    // One visitor for every node: yaml calls only the most specific of Node/Scalar/Alias.
    Node(_key, node, path) {
      loaderWork.nodeVisits++;
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        const target = node.resolve(doc);
        if (!target) report('yaml-syntax', offset, `alias *${node.source} has no anchor &${node.source} before it`);
        else if (path.includes(target as never))
          report(
            'yaml-syntax',
            offset,
            `alias *${node.source} sits inside the value of its own anchor &${node.source}: the value would contain itself`,
          );
        return;
      }
      if (node.tag) report('yaml-tag', tagStart(text, offset), tagMessage(node.tag));
      if (isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN' && node.source !== undefined) {
        const message = numberFormMessage(node.source);
        if (message) report('yaml-number', offset, message);
      }
      if (isScalar(node) && typeof node.value === 'string' && hasLoneSurrogate(node.value))
        report(
          'encoding',
          offset,
          'text contains an unpaired surrogate escape (such as "\\ud800"): it is not a Unicode character and cannot be saved as UTF-8',
        );
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
    return fileProblem(
      'yaml-syntax',
      `aliases expand too much (${reason}); write values out instead of using anchors and aliases`,
      line,
      col,
    );
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** A message and a position for a YAML parse error, pointing where the contributor must look. */
function describeYamlError(error: YAMLError, quotedStarts: () => Map<number, number>, text: string): { offset: number; message: string } {
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
        const opened = quotedStarts().get(error.pos[0]);
        if (opened !== undefined && text[opened] === quote)
          return {
            offset: opened,
            message: `the ${quote} quote opened here is never closed: add the closing ${quote} at the end of the text`,
          };
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
  // Walks back over spaces only (not to the start of a possibly huge line): bounded per error.
  let start = offset;
  while (start > 0 && text[start - 1] === ' ') start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return offset;
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

/**
 * End offset → start offset of every quoted scalar, built on first use with one walk of
 * the document: an unclosed quote is then found per error in constant time.
 */
function lazyQuotedStarts(doc: Document): () => Map<number, number> {
  let starts: Map<number, number> | undefined;
  return () => {
    if (starts) return starts;
    const found = new Map<number, number>();
    visit(doc, {
      Node() {
        loaderWork.nodeVisits++;
      },
      Scalar(_key, node) {
        loaderWork.nodeVisits++;
        if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && !found.has(node.range[1]))
          found.set(node.range[1], node.range[0]);
      },
    });
    starts = found;
    return found;
  };
}

/** Keys repeated within one mapping (the second and later), in one pass without recursion. */
function duplicateKeys(root: unknown): Node[] {
  const repeated: Node[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    loaderWork.nodeVisits++;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        loaderWork.keyLookups++;
        const key = item.key as Node | null;
        // The same keys as yaml's own check: equal scalar values, or the very same node.
        const id = isScalar(key) ? key.value : key;
        if (seen.has(id)) repeated.push(key as Node);
        else seen.add(id);
        stack.push(item.key, item.value);
      }
    } else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isPair(node)) stack.push(node.key, node.value);
  }
  return repeated;
}

/** The first collection nested deeper than MAX_NESTING, found without recursion. */
function tooDeep(root: unknown): Node | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    loaderWork.nodeVisits++;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_NESTING) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}
