import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import { loaderWork } from './cost.js';

export interface Position {
  line: number;
  col: number;
}

/**
 * Resolves a JSON path (as Zod reports it) to the line:col of the YAML node it names.
 * When the path leads to a key that does not exist (a missing required field), it
 * returns the position of the deepest existing node, so the message still points
 * at the object that lacks the field.
 */
export function locatePath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], at: 'key' | 'value' = 'value'): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = null;
      node = node.items[segment] as Node;
    } else {
      break;
    }
  }
  const target = at === 'key' && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/**
 * Key → first pair with that key, per mapping, built once: a file with thousands of
 * problems in one mapping is located in time proportional to its size, not size × problems.
 */
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();
function keyIndex(map: YAMLMap): Map<string, Pair> {
  loaderWork.keyLookups++;
  let index = keyIndexes.get(map);
  if (index) return index;
  index = new Map();
  for (const p of map.items) {
    loaderWork.keyLookups++;
    if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
  }
  keyIndexes.set(map, index);
  return index;
}
