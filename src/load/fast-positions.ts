/**
 * Locating schema problems in a file the fast path read (./fast-yaml.ts), without the strict
 * parser: js-yaml reads the text once more, noting where each node it composes begins (its
 * `listener` events), and a path is resolved as `locatePath` (./positions.ts) resolves it in
 * the strict parser's document, to the same line:col. So a schema error costs a second fast
 * read instead of a strict parse, ten times slower.
 *
 * Where the two could differ, the locator answers undefined and the caller parses strictly:
 * a path ending at an empty value (the strict parser places it by its own rules), and any
 * collection whose noted children do not match its value. tests/fast-positions.test.ts
 * checks the agreement on every path of every record and fixture.
 */
import { load } from 'js-yaml';
import { LineCounter } from 'yaml';
import { FAST_SCHEMA, contentStart, type ListenerState } from './fast-yaml.js';
import { MAX_NESTING } from './yaml-limits.js';
import type { Position } from './positions.js';
import { loaderWork } from './cost.js';

/** A node js-yaml composed: where it began reading it, what it made, and the nodes inside (a mapping's keys and values alternate). */
interface Composed {
  at: number;
  kind: string | null;
  result: unknown;
  children: Composed[];
  /** A mapping's key → index of its key node in `children`, built on first lookup. */
  keys?: Map<string, number>;
}

export type Locate = (path: readonly PropertyKey[], at?: 'key' | 'value') => Position | undefined;

/** A locator for `text`, a file the fast path accepted; undefined when js-yaml cannot read it again. */
export function fastLocator(text: string): Locate | undefined {
  const stack: Composed[] = [{ at: 0, kind: null, result: undefined, children: [] }];
  const listener = (event: string, state: ListenerState) => {
    if (event === 'open') {
      stack.push({ at: state.position, kind: null, result: undefined, children: [] });
      return;
    }
    let node = stack.pop()!;
    node.kind = state.kind;
    node.result = state.result;
    // js-yaml tries a node in a list as a mapping key first: the try is a node of its own, inside the item, with the same value.
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only && only.result === node.result && only.at === node.at) node = only;
    stack[stack.length - 1]!.children.push(node);
  };
  try {
    load(text, { schema: FAST_SCHEMA, json: false, maxDepth: MAX_NESTING + 1, listener } as Parameters<typeof load>[1]);
  } catch {
    return undefined;
  }
  const root = stack[0]!.children[0];
  if (!root || stack.length !== 1) return undefined;

  // Offsets become line:col as the strict parser turns them: with its LineCounter, given the same line starts.
  let lineCounter: LineCounter | undefined;
  const position = (offset: number): Position => {
    if (!lineCounter) {
      lineCounter = new LineCounter();
      lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    }
    return lineCounter.linePos(offset);
  };

  return (path, at = 'value') => {
    let node: Composed = root;
    let keyNode: Composed | undefined;
    for (const segment of path) {
      if (node.kind === 'mapping') {
        const keys = keysOf(node);
        if (!keys) return undefined;
        const index = keys.get(String(segment));
        if (index === undefined) break;
        keyNode = node.children[index]!;
        node = node.children[index + 1]!;
      } else if (node.kind === 'sequence' && typeof segment === 'number' && segment < node.children.length) {
        if (node.children.length !== (node.result as unknown[]).length) return undefined;
        keyNode = undefined;
        node = node.children[segment]!;
      } else break;
    }
    const target = at === 'key' && keyNode ? keyNode : node;
    if (target.kind !== 'scalar' && target.kind !== 'mapping' && target.kind !== 'sequence') return undefined;
    return position(contentStart(text, target.at));
  };
}

/** A mapping's keys, each with the index of its key node; undefined when its nodes do not pair up with its entries. */
function keysOf(node: Composed): Map<string, number> | undefined {
  loaderWork.keyLookups++;
  if (node.keys) return node.keys;
  const entries = Object.keys(node.result as object).length;
  if (node.children.length !== 2 * entries) return undefined;
  const keys = new Map<string, number>();
  for (let i = 0; i < node.children.length; i += 2) {
    loaderWork.keyLookups++;
    const key = node.children[i]!.result;
    if (typeof key !== 'string' || keys.has(key)) return undefined;
    keys.set(key, i);
  }
  node.keys = keys;
  return keys;
}
