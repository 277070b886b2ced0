/**
 * Records as the build publishes them: each gains the computed `reported_fields` (the
 * evidence paths of the fields backed only by `reported` citations), after its other keys,
 * only when there are any. Every emitter that writes records (JSON, CSV; the workbook reads the CSV) goes through here.
 */
import { evidenceTree, reportedOnlyNodes, type CitationLike } from '../schema/evidence.js';
import { collections, type AnyRecord, type CollectionName } from '../schema/index.js';

export function reportedFieldsOf(collection: CollectionName, record: AnyRecord): string[] {
  const citations = ((record as { sources?: CitationLike[] }).sources ?? []) as CitationLike[];
  // A field is reported-only when every citation covering it is `reported`: none can be without one.
  if (!citations.some((c) => c.certainty === 'reported')) return [];
  const tree = evidenceTree(collections[collection].schema, record);
  if (tree.exempt) return [];
  return reportedOnlyNodes(tree, citations).map((node) => node.path);
}

type Published = AnyRecord & { reported_fields?: string[] };
// The JSON files, all.json, the CSV tables and the workbook all publish the same record: computed once.
const published = new WeakMap<AnyRecord, Published>();

export function publishedRecord(collection: CollectionName, record: AnyRecord): Published {
  let out = published.get(record);
  if (!out) {
    const reported = reportedFieldsOf(collection, record);
    out = reported.length ? { ...record, reported_fields: reported } : record;
    published.set(record, out);
  }
  return out;
}
