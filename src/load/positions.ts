import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

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
export function locatePath(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  at: 'key' | 'value' = 'value',
): Position {
  let node: Node | null | undefined = doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair: Pair | undefined = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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
