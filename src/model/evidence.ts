import { type EvidenceNode, evidenceTree } from '../schema/evidence.js';
import { collections } from '../schema/index.js';
import { type Citation, citationsOf } from './citations.js';
import type { LoadedRecord } from './record.js';

export interface RecordEvidence {
  tree: EvidenceNode;
  citations: readonly Citation[];
}

/** A record's evidence tree and citations, or undefined when it states nothing needing evidence. */
export function evidenceOfRecord(record: LoadedRecord): RecordEvidence | undefined {
  const tree = evidenceTree(collections[record.collection].schema, record.data);
  return tree.exempt ? undefined : { tree, citations: citationsOf(record.data) };
}
