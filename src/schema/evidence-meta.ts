/**
 * Evidence metadata of schema fields, in a private registry (it stays out of the
 * generated JSON Schema, like `refRegistry`). The field-evidence rule, the computed
 * `reported_fields`, the report and the field reference all read it from here: a field
 * is exempt from evidence because its schema says so, never because a list elsewhere does.
 */
import * as z from 'zod';

export interface EvidenceMeta {
  /** Why the field needs no citation (shown in the field reference). */
  exempt?: string;
  /** The field holds a date: the evidence-values rule looks for its year in the excerpts. */
  date?: true;
}

export const evidenceRegistry = z.registry<EvidenceMeta>();

/** Kinds of exemption, worded once for messages and the field reference. */
export const EXEMPT = {
  id: 'identifier',
  editorial: "editorial (the curators' words)",
  identifies: 'identifies the record rather than stating a fact about it',
  citations: 'the citations themselves',
  sources: "a source's evidence is its SHA-256",
} as const;

/** Marks a schema as exempt from field evidence and returns it. */
export function exempt<T extends z.core.$ZodType>(schema: T, why: string): T {
  evidenceRegistry.add(schema, { ...evidenceRegistry.get(schema), exempt: why });
  return schema;
}
