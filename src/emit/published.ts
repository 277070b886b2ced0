/**
 * Records as the build publishes them: each gains the computed `reported_fields` (the
 * evidence paths of the fields backed only by `reported` citations), after its other keys,
 * only when there are any. Every emitter that writes records (JSON, CSV) goes through here.
 */
import { evidenceTree, reportedOnlyNodes, type CitationLike } from '../schema/evidence.js';
import { collections, type AnyRecord, type CollectionName } from '../schema/index.js';

export function reportedFieldsOf(collection: CollectionName, record: AnyRecord): string[] {
  const tree = evidenceTree(collections[collection].schema, record);
  if (tree.exempt) return [];
  const citations = ((record as { sources?: CitationLike[] }).sources ?? []) as CitationLike[];
  return reportedOnlyNodes(tree, citations).map((node) => node.path);
}

export function publishedRecord(collection: CollectionName, record: AnyRecord): AnyRecord & { reported_fields?: string[] } {
  const reported = reportedFieldsOf(collection, record);
  return reported.length ? { ...record, reported_fields: reported } : record;
}

export const publishedRecords = (collection: CollectionName, records: readonly AnyRecord[]) =>
  records.map((record) => publishedRecord(collection, record));
