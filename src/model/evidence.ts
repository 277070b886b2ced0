import { type EvidenceNode, evidenceTree } from '../schema/evidence.js';
import { collections } from '../schema/index.js';
import { type Citation, citationsOf } from './citations.js';
import type { LoadedRecord } from './record.js';

export interface RecordEvidence {
  record: LoadedRecord;
  tree: EvidenceNode;
  citations: readonly Citation[];
}

/** The records that state something needing evidence, each with its evidence tree and citations. */
export function* evidenceOf(records: readonly LoadedRecord[]): Generator<RecordEvidence> {
  for (const record of records) {
    const tree = evidenceTree(collections[record.collection].schema, record.data);
    if (!tree.exempt) yield { record, tree, citations: citationsOf(record.data) };
  }
}
