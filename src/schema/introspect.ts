/**
 * The one place that reads Zod's internal definitions (`schema._zod.def`). Every walker of
 * the repository tooling (field listing, issue messages, templates, property tests) asks
 * this adapter instead, so a Zod upgrade that moves an internal breaks one module and its
 * tests (tests/introspect.test.ts), not every caller. package.json pins `zod` to the minor
 * range these tests run against.
 */
import type * as z from 'zod';

export type AnySchema = z.core.$ZodType;

/** Zod's name for the kind of a schema: 'string', 'object', 'array', 'union', 'optional', … */
export type SchemaKind = z.core.$ZodTypeDef['type'];

interface CheckDef {
  check: string;
  error?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

/** The loosely typed definition: the adapter narrows each field where it reads it. */
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Record<string, unknown> & { type: SchemaKind };

export const kindOf = (schema: AnySchema): SchemaKind => defOf(schema).type;

/** The schema inside any number of `.optional()` wrappers, and whether there was one. */
export function unwrapOptional(schema: AnySchema): { schema: AnySchema; optional: boolean } {
  let current = schema;
  let optional = false;
  while (kindOf(current) === 'optional') {
    optional = true;
    current = defOf(current).innerType as AnySchema;
  }
  return { schema: current, optional };
}

/** The schema one wrapper (optional, nullable, default, readonly, pipe) holds; undefined when it is none. */
export function unwrapOnce(schema: AnySchema): AnySchema | undefined {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly')
    return def.innerType as AnySchema;
  if (def.type === 'pipe') return def.in as AnySchema;
  return undefined;
}

/** The schema a value is checked against, through every wrapper. */
export function innerSchema(schema: AnySchema): AnySchema {
  let current = schema;
  for (let inner = unwrapOnce(current); inner; inner = unwrapOnce(current)) current = inner;
  return current;
}

/** The keys of an object schema, in declaration order. */
export const objectShape = (schema: AnySchema): Readonly<Record<string, AnySchema>> | undefined =>
  kindOf(schema) === 'object' ? (defOf(schema).shape as Record<string, AnySchema>) : undefined;

/**
 * Every key a value of the schema may have, when it is a strict object or a union of them
 * (any other key fails it); undefined for anything else.
 */
export function allowedKeys(schema: AnySchema): ReadonlySet<string> | undefined {
  const inner = innerSchema(schema);
  const shape = objectShape(inner);
  if (shape) {
    const catchall = defOf(inner).catchall as AnySchema | undefined;
    return catchall && kindOf(catchall) === 'never' ? new Set(Object.keys(shape)) : undefined;
  }
  const sets = unionOptions(inner)?.map(allowedKeys);
  return sets?.every((set) => set !== undefined) ? new Set(sets.flatMap((set) => [...set!])) : undefined;
}

export const arrayElement = (schema: AnySchema): AnySchema | undefined =>
  kindOf(schema) === 'array' ? (defOf(schema).element as AnySchema) : undefined;

export const unionOptions = (schema: AnySchema): readonly AnySchema[] | undefined =>
  kindOf(schema) === 'union' ? (defOf(schema).options as AnySchema[]) : undefined;

/** The discriminator key of a discriminated union (e.g. 'kind'). */
export function discriminatorOf(schema: AnySchema): string | undefined {
  const key = kindOf(schema) === 'union' ? defOf(schema).discriminator : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** The variants of a discriminated union, each with the discriminator values it accepts. */
export function variantsOf(schema: AnySchema): { tags: unknown[]; schema: AnySchema }[] | undefined {
  const key = discriminatorOf(schema);
  if (key === undefined) return undefined;
  return (unionOptions(schema) ?? []).map((option) => {
    const field = objectShape(option)?.[key];
    const tag = field && innerSchema(field);
    return { tags: tag ? (literalValues(tag) ?? enumValues(tag) ?? []) : [], schema: option };
  });
}

/** The variant of a discriminated union that a value with this discriminator value selects. */
export const variantFor = (schema: AnySchema, tag: unknown): AnySchema | undefined =>
  variantsOf(schema)?.find((v) => v.tags.includes(tag))?.schema;

export const enumValues = (schema: AnySchema): string[] | undefined =>
  kindOf(schema) === 'enum' ? Object.values(defOf(schema).entries as Record<string, string>) : undefined;

export const literalValues = (schema: AnySchema): unknown[] | undefined =>
  kindOf(schema) === 'literal' ? [...(defOf(schema).values as unknown[])] : undefined;

const checksOf = (schema: AnySchema): CheckDef[] =>
  ((defOf(schema).checks ?? []) as AnySchema[]).map((c) => c._zod.def as unknown as CheckDef);

/** The regular expression a string schema must match (Zod ≥ 4.6 keeps it on the check only). */
export function patternOf(schema: AnySchema): RegExp | undefined {
  const fromChecks = checksOf(schema).find((c) => c.check === 'string_format' && c.pattern instanceof RegExp)?.pattern;
  return fromChecks ?? [...((schema._zod.bag as { patterns?: Set<RegExp> }).patterns ?? [])][0];
}

/** A string schema's named format ('url', 'email', …), when it is one. */
export function stringFormat(schema: AnySchema): string | undefined {
  const format = defOf(schema).format;
  return kindOf(schema) === 'string' && typeof format === 'string' && format !== 'regex' ? format : undefined;
}

export interface NumberBounds {
  min?: number;
  minInclusive: boolean;
  max?: number;
  maxInclusive: boolean;
}

/** The bounds of a number schema (`.min`, `.positive`, `.max`, …). */
export function numberBounds(schema: AnySchema): NumberBounds {
  const checks = checksOf(schema);
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  return {
    ...(typeof low?.value === 'number' ? { min: low.value } : {}),
    minInclusive: low?.inclusive ?? true,
    ...(typeof high?.value === 'number' ? { max: high.value } : {}),
    maxInclusive: high?.inclusive ?? true,
  };
}

/** The description given with `.meta({ description })` or `.describe()`. */
export const descriptionOf = (schema: AnySchema): string | undefined => (schema as { description?: string }).description;

/**
 * The schema that validates the value at `path` of `data`, following the data through
 * discriminated unions (the variant its tag selects) and looking through `.optional()`.
 */
export function schemaAt(schema: AnySchema, path: readonly PropertyKey[], data: unknown): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  let value = data;
  for (let i = 0; current; ) {
    current = unwrapOptional(current).schema;
    const key = discriminatorOf(current);
    if (key !== undefined) {
      current = variantFor(current, (value as Record<string, unknown> | undefined)?.[key]);
      continue;
    }
    if (i === path.length) return current;
    const segment = path[i++] as PropertyKey;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
    current = typeof segment === 'number' ? arrayElement(current) : objectShape(current)?.[String(segment)];
  }
  return undefined;
}

const CHECKS_BY_ISSUE: Record<string, readonly string[]> = {
  too_small: ['min_length', 'greater_than', 'min_size'],
  too_big: ['max_length', 'less_than', 'max_size'],
};

/**
 * True when the check that raised a size issue was written with its own message
 * (`.min(1, { error: '…' })`): the schema author marked the message as contributor-facing,
 * so it is shown as written. Zod's built-in wording is never inspected.
 */
export function hasOwnMessage(schema: AnySchema, issue: { code: string; minimum?: unknown; maximum?: unknown }): boolean {
  const kinds = CHECKS_BY_ISSUE[issue.code];
  if (!kinds) return false;
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const check = checksOf(schema).find((c) => kinds.includes(c.check) && Number(c.minimum ?? c.maximum ?? c.value) === Number(bound));
  return typeof check?.error === 'function';
}
