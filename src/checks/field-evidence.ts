import { suggestion } from '../suggest.js';
import { collections, type CollectionName } from '../schema/index.js';
import { nodeAt, nodesOf, pathSegments, unsupportedNodes, type EvidenceNode } from '../schema/evidence.js';
import { evidenceCheck, type Finding } from './types.js';

const RULE = 'field-evidence';

const what = (node: EvidenceNode): string => (node.path.endsWith(']') ? `list element "${node.path}"` : `field "${node.path}"`);

/** Why a supports path names nothing, and what it should say instead. */
function explainMissing(path: string, tree: EvidenceNode, paths: ReadonlySet<string>, collection: CollectionName): string {
  const segments = pathSegments(path);
  // Walk down as far as the record goes, to say where the path leaves it.
  let prefix = '';
  for (const segment of segments) {
    const next = segment.startsWith('[') ? `${prefix}${segment}` : prefix ? `${prefix}.${segment}` : segment;
    if (!paths.has(next)) {
      const parent = prefix ? nodeAt(tree, prefix) : tree;
      const children = parent?.children ?? [];
      if (segment.startsWith('[') && children.length) {
        const byId = children[0]!.path.endsWith(`[${String(children[0]!.value)}]`);
        const names = children.map((c) => c.path.slice(prefix.length)).join(', ');
        return byId
          ? `${prefix} has no element ${segment}: elements of a list of references are named by id (${names})`
          : `${prefix} has no element ${segment}: it has ${children.length} (${names}, counted from 0)`;
      }
      const hint = suggestion(next, paths);
      if (hint) return `this record has no "${next}"${hint}`;
      const field = segments[0]!;
      const known = Object.hasOwn((collections[collection].schema as unknown as { shape?: object }).shape ?? {}, field);
      return prefix === '' && known
        ? `this record has no "${field}": remove it from supports, or add the field if the excerpt states it`
        : `this record has no "${next}": name a field of the record (e.g. ${[...paths]
            .filter((p) => !p.includes('.') && !p.includes('['))
            .slice(0, 4)
            .join(', ')})`;
    }
    prefix = next;
  }
  return `"${path}" names nothing in this record`;
}

export const fieldEvidence = evidenceCheck({
  name: RULE,
  description:
    'Every present non-exempt field and list element is in the supports of a citation, and every supports path names a part of the record.',
  check(record, evidence) {
    const { tree, citations } = evidence;
    const findings: Finding[] = [];
    let paths: Set<string> | undefined;
    for (const [i, citation] of citations.entries())
      for (const [j, path] of citation.supports.entries()) {
        if (nodeAt(tree, path)) continue;
        paths ??= new Set([...nodesOf(tree)].map((n) => n.path));
        findings.push({
          path: ['sources', i, 'supports', j],
          message: `supports "${path}" names nothing in this record: ${explainMissing(path, tree, paths, record.collection)}`,
        });
      }
    for (const node of unsupportedNodes(tree, citations))
      findings.push({
        path: node.dataPath,
        at: typeof node.dataPath[node.dataPath.length - 1] === 'string' ? 'key' : 'value',
        message: `${what(node)} has no evidence: add "${node.path}" to the supports of the citation whose excerpt states it (cite that sentence if none does yet), or move the reading to note`,
      });
    return findings;
  },
});
