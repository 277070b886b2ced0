/**
 * `caucasus-corridors/schema`: the Zod schemas, their inferred types and `validateRecord`,
 * for people who validate their own records. Pure: Zod's public API only, no Node module,
 * no other runtime dependency (the country codes are literals), so it runs in a browser too.
 * Whole-dataset validation (references resolve, ids unique) is the repository's tooling.
 */
import * as z from 'zod';
import { issueMessagesWith } from './load/zod-issues.js';
import { formatPath } from './model/paths.js';
import { collections, type CollectionName, type RecordOf } from './schema/index.js';

export * from './schema/index.js';
export { dateBounds } from './dates.js';

export interface RecordProblem {
  /** Where in the record, e.g. `sources[0].excerpt` (empty for the record itself). */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export type RecordValidation<C extends CollectionName> =
  | { success: true; data: RecordOf<C> }
  | { success: false; problems: RecordProblem[] };

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
};

const jsonSchemas = new Map<CollectionName, JsonSchema>();
const jsonSchemaOf = (collection: CollectionName): JsonSchema => {
  let schema = jsonSchemas.get(collection);
  if (!schema) {
    schema = z.toJSONSchema(collections[collection].schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    jsonSchemas.set(collection, schema);
  }
  return schema;
};

/** Of a union, the object variant whose constant fields (a discriminator) match the value. */
const variantFor = (node: JsonSchema, value: unknown): JsonSchema => {
  const variants = node.anyOf ?? node.oneOf;
  if (!variants) return node;
  const fits = (v: JsonSchema) =>
    Object.entries(v.properties ?? {}).every(
      ([k, p]) => p.const === undefined || (value as Record<string, unknown> | undefined)?.[k] === p.const,
    );
  return variantFor(variants.find((v) => v.properties && fits(v)) ?? variants[0]!, value);
};

/** The keys an object at `path` of a record may have, read from the collection's JSON Schema. */
function allowedKeysAt(collection: CollectionName, path: readonly PropertyKey[], root: unknown): string[] {
  let node: JsonSchema | undefined = jsonSchemaOf(collection);
  let value = root;
  for (const key of path) {
    node = variantFor(node, value);
    node = typeof key === 'number' ? node.items : node.properties?.[String(key)];
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    if (!node) return [];
  }
  return Object.keys(variantFor(node, value).properties ?? {});
}

/** Zod's own English message for an issue: a message that differs was given by the schema. */
const englishError = z.locales.en().localeError;
const defaultMessage = (issue: z.core.$ZodIssue): string | undefined => {
  const made = englishError(issue as unknown as Parameters<typeof englishError>[0]);
  return typeof made === 'string' ? made : made?.message;
};

/**
 * Validates one record (already parsed from YAML or JSON) against its collection schema,
 * with the same messages as the repository's `npm run validate`. Cross-record rules
 * (references resolve, ids unique) need the whole dataset and are not checked here.
 */
export function validateRecord<C extends CollectionName>(collection: C, value: unknown): RecordValidation<C> {
  const result = collections[collection].schema.safeParse(value);
  if (result.success) return { success: true, data: result.data as RecordOf<C> };
  return {
    success: false,
    problems: result.error.issues.flatMap((issue) =>
      issueMessagesWith(issue, value, {
        allowedKeysAt: (path) => allowedKeysAt(collection, path, value),
        hasOwnMessage: (i) => i.message !== defaultMessage(i),
      }).map((m) => ({ path: formatPath(m.path), message: m.message })),
    ),
  };
}
