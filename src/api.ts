/**
 * `caucasus-corridors/schema`: the Zod schemas, their inferred types and a validation
 * API for people who validate their own records. (The data entries never load this.)
 */
import { collections, type CollectionName, type RecordOf } from './schema/index.js';
import { issueMessages } from './load/zod-issues.js';
import { formatPath } from './model/paths.js';

export * from './schema/index.js';
export { listFields, type FieldInfo } from './schema/walk.js';
export { validateDataDir as validateDataset, type ValidationResult, type ValidateOptions } from './validate.js';
export { toDataset, type Dataset } from './model/dataset.js';
export { checks, type Check, type CheckContext } from './checks/index.js';
export type { RecordIndex } from './model/record-index.js';
export type { Problem } from './problems.js';
export { dateBounds } from './dates.js';

export type RecordValidation<C extends CollectionName> =
  | { success: true; data: RecordOf<C> }
  | { success: false; problems: { path: string; message: string }[] };

/**
 * Validates one record (already parsed from YAML or JSON) against its collection schema.
 * Cross-record rules (references, unique ids) need the whole dataset: use validateDataset.
 */
export function validateRecord<C extends CollectionName>(collection: C, value: unknown): RecordValidation<C> {
  const { schema } = collections[collection];
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data as RecordOf<C> };
  return {
    success: false,
    problems: result.error.issues.flatMap((issue) => issueMessages(issue, schema, value).map((m) => ({ path: formatPath(m.path), message: m.message }))),
  };
}
