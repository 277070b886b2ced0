/**
 * The fast path of the loader: js-yaml 4, about four times faster than js-yaml 5 and
 * ten times faster than the position-tracking `yaml` parser, used only to accept files.
 * It reads the YAML 1.2 core schema as the strict parser does (the four core scalar types
 * below, nothing else), throws on duplicate keys, and returns the record's value when the
 * file is plainly acceptable; `undefined` whenever anything is unusual (a syntax error, a
 * tag, an anchor or alias, a directive or document marker, nesting beyond the limit, a
 * reserved key, a lone surrogate, one of the refused number forms, a root that is not a
 * mapping): the caller then parses the file with the strict parser (./yaml-file.ts), which
 * finds and locates every problem. So the fast path can only be stricter than the strict
 * one, never looser; a property test (tests/loader-agreement.test.ts) checks that both read
 * the same values.
 *
 * Keys must be text as written: js-yaml would turn `1:` or `null:` into the keys "1" and
 * "null", and `[a]:` into "a". So while it builds the tree every scalar that is not text is
 * boxed (NotText), and a key made of one is refused; and every collection it composes is
 * noted, so one that became a key (and is missing from the tree) is noticed.
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { numberFormMessage } from './number-forms.js';
import { MAX_NESTING, RESERVED_KEYS } from './yaml-limits.js';

/** Thrown inside js-yaml's construction to abandon the fast path. */
class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

/** A core-schema value that is not text, boxed while js-yaml builds the tree (see above). */
class NotText {
  constructor(readonly value: unknown) {}
  // js-yaml stringifies a key unless it is a plain object: this one says it was not text.
  get [Symbol.toStringTag]() {
    return 'NotText';
  }
  toString() {
    return NOT_TEXT_KEY;
  }
}
/** Decoded text never holds NUL (./decode.ts refuses it), and a key with an escaped one is refused too. */
const NOT_TEXT_KEY = '\u0000';

/**
 * A YAML 1.2 core-schema scalar type (spec 10.3.2): `test` decides, `value` constructs.
 * js-yaml tries every type on every plain scalar, most of which are text: `starts` (the first
 * characters `test` can match) turns most of them away before the pattern runs.
 */
const coreScalar = (tag: string, starts: string, test: RegExp, value: (source: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (source: string) => (source === '' || starts.includes(source[0]!)) && test.test(source),
    construct: (source: string) => new NotText(value(source)),
  });

const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Numbers as the core schema reads them, the forms the loader refuses refused (./number-forms.ts). */
const number = (source: string): number => {
  if (numberFormMessage(source)) refuse();
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) return source.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(source)) return Number.NaN;
  return Number(source);
};

/** js-yaml's schema for the fast path: the YAML 1.2 core scalars, typed values boxed (NotText). */
export const FAST_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreScalar('null', '~nN', /^(?:~|null|Null|NULL|)$/, () => null),
    coreScalar('bool', 'tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/, (source) => source[0] === 't' || source[0] === 'T'),
    coreScalar('int', '-+0123456789', INT, number),
    coreScalar('float', '-+.0123456789', FLOAT, number),
  ],
});

/**
 * What only the strict parser handles: a tag, anchor or alias (`!`, `&`, `*` starting a
 * token), an explicit key (`?`), a directive or a document marker; and, found by the
 * agreement test, an empty list item (js-yaml 4 nests what follows it wrongly) and a `#`
 * right after `[`, `{` or `,` (js-yaml 4 takes it for a comment). Canonical record files
 * (npm run format:data) have none of these. Conservative: prose such as "A & B" in an
 * excerpt also sends its file to the strict parser, which is slower, never wrong.
 */
const UNUSUAL = /[\s,[{][!&*?]|[[{,]#|\n(?:%|---|\.\.\.)|\n[ \t]*(?:-[ \t]+)*-[ \t]*(?:#[^\n]*)?(?:\r?\n|$)/;
/** The same at the very start of the text (kept apart: a pattern anchored at every line start scans slowly). */
const UNUSUAL_START = /^(?:[!&*?%]|---|\.\.\.)/;
/** A carriage return that does not start a CRLF: the strict parser does not take it as a line break. */
const LONE_CR = /\r(?!\n)/;

const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * The strict parser refuses implicit keys over 1,000 characters of source; an escape makes
 * at most six characters of source per character of text, and no field name comes near.
 */
const MAX_KEY_LENGTH = 100;

/** False for a key js-yaml made of something that is not text (a typed scalar, an empty or null key), a reserved or overlong key. */
const isTextKey = (key: string, escapes: boolean): boolean =>
  !key.includes(NOT_TEXT_KEY) &&
  key !== 'null' &&
  key.length <= MAX_KEY_LENGTH &&
  !RESERVED_KEYS.has(key) &&
  (!escapes || isWellFormed(key));

/**
 * Unboxes the tree in place, gathering its collections in `seen`. False when it is not a plain
 * tree: a node reached twice (an alias), a collection js-yaml did not compose from the text,
 * nesting beyond the limit, a key that is not text or is reserved, malformed text. In a well
 * formed text only an escape can make a lone surrogate: without either (`escapes` false), no
 * string needs checking.
 */
function unbox(value: unknown, depth: number, seen: Set<object>, composed: ReadonlySet<object>, escapes: boolean): boolean {
  if (value === null || typeof value !== 'object') return !escapes || typeof value !== 'string' || isWellFormed(value);
  if (depth > MAX_NESTING || seen.has(value) || !composed.has(value)) return false;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!Array.isArray(record) && !isTextKey(key, escapes)) return false;
    const item = record[key];
    if (item instanceof NotText) record[key] = item.value;
    else if (!unbox(item, depth + 1, seen, composed, escapes)) return false;
  }
  return true;
}

/** Where a node's content begins: past spaces, line breaks and comments. */
export function contentStart(text: string, from: number): number {
  let p = from;
  for (;;) {
    while (p < text.length && ' \t\r\n'.includes(text[p]!)) p++;
    if (text[p] !== '#') return p;
    while (p < text.length && text[p] !== '\n') p++;
  }
}

/** What js-yaml's `listener` option is given (0-based line, offsets into the text). */
export interface ListenerState {
  kind: string | null;
  result: unknown;
  line: number;
  position: number;
}

/** The file's value when the fast path accepts it, else undefined (parse it strictly). */
export function fastParseYaml(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL_START.test(text) || UNUSUAL.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    const composed = new Set<object>();
    // Per open node, its first line and where js-yaml began reading it.
    const openLines: number[] = [];
    const openAt: number[] = [];
    let lines: string[] | undefined;
    const listener = (event: string, state: ListenerState) => {
      if (event === 'open') {
        openLines.push(state.line);
        openAt.push(state.position);
        return;
      }
      const line = openLines.pop()!;
      openAt.pop();
      if (state.kind === 'mapping' || state.kind === 'sequence') {
        composed.add(state.result as object);
        return;
      }
      if (state.line === line) return;
      // A scalar over several lines. Found by the agreement test: js-yaml 4 reads a block
      // scalar inside a flow collection, and lets a multi-line scalar go on at an indentation
      // YAML forbids. Inside flow collections none is accepted; elsewhere every further line
      // must be indented deeper than the first.
      if (openAt.some((at) => '[{'.includes(text[contentStart(text, at)] ?? ' '))) refuse();
      lines ??= text.split('\n');
      // js-yaml may already stand on a later line (after a block scalar): end at the last character read.
      let end = state.line;
      for (let p = state.position; p > 0 && ' \t\r\n'.includes(text[p - 1]!); p--) if (text[p - 1] === '\n') end--;
      const indent = (text: string) => text.length - text.trimStart().length;
      const least = indent(lines[line]!);
      for (let i = line + 1; i <= end; i++) if (lines[i]!.trim() !== '' && indent(lines[i]!) <= least) refuse();
    };
    const value = load(text, { schema: FAST_SCHEMA, json: false, maxDepth: MAX_NESTING + 1, listener } as Parameters<typeof load>[1]);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const tree = new Set<object>();
    // The tree's collections are exactly those js-yaml composed: none became a key, and none
    // was made up (a `[a: b]` pair inside a flow sequence is a mapping of its own).
    const escapes = text.includes('\\') || !isWellFormed(text);
    return unbox(value, 1, tree, composed, escapes) && tree.size === composed.size ? (value as Record<string, unknown>) : undefined;
  } catch {
    // A js-yaml error or a refusal: the strict parser will say what is wrong, and where.
    return undefined;
  }
}
