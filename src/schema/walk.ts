/**
 * Walks a collection schema and lists its fields as flat paths. Reference checks, CSV
 * columns, link tables and Data Package field types are all derived from this listing,
 * so adding a field to a schema module is the only edit a new field needs.
 */
import { evidenceRegistry } from './evidence-meta.js';
import {
  type AnySchema,
  arrayElement,
  descriptionOf,
  enumValues,
  kindOf,
  literalValues,
  objectShape,
  patternOf,
  unionOptions,
  unwrapOptional,
} from './introspect.js';
import { EVIDENCE_PATH_PATTERN, type RefTarget, refRegistry } from './primitives.js';

export type LeafType = 'string' | 'number' | 'boolean' | 'enum';

export interface FieldInfo {
  /** Object keys from the record root; `list` marks where an array sits on the way. */
  path: string[];
  /** Index in `path` after which an array is entered (-1 when no array). */
  listDepth: number;
  /** Path of the array field (e.g. ["sources"]) when the field sits inside a list. */
  listPath?: string[] | undefined;
  /** True when the array holds plain values (not objects). */
  listOfScalars: boolean;
  /**
   * True for a list of evidence paths inside a list of objects (a citation's `supports`):
   * its items never contain whitespace, so one CSV list item holds them joined by spaces.
   */
  innerList?: boolean;
  type: LeafType;
  enumValues?: string[] | undefined;
  required: boolean;
  ref?: RefTarget | undefined;
  /** The regular expression a string must match, when the schema has one. */
  pattern?: RegExp | undefined;
  description?: string | undefined;
  /** Why the field needs no citation (schema metadata, see evidence-meta.ts), when it needs none. */
  exempt?: string | undefined;
}

export function listFields(schema: AnySchema): FieldInfo[] {
  const fields = new Map<string, FieldInfo>();
  walk(schema, [], { required: true, listPath: undefined, listOfScalars: false }, fields);
  return [...fields.values()];
}

interface WalkState {
  required: boolean;
  listPath: string[] | undefined;
  listOfScalars: boolean;
  innerList?: boolean | undefined;
  description?: string | undefined;
  exempt?: string | undefined;
}

function walk(schema: AnySchema, path: string[], state: WalkState, out: Map<string, FieldInfo>): void {
  state = { ...state, exempt: state.exempt ?? evidenceRegistry.get(schema)?.exempt };
  // The outermost description is the most specific one (a field's own, not its type's).
  const description = state.description ?? descriptionOf(schema);
  const kind = kindOf(schema);
  switch (kind) {
    case 'optional':
      walk(unwrapOptional(schema).schema, path, { ...state, required: false, description }, out);
      return;
    case 'object': {
      for (const [key, child] of Object.entries(objectShape(schema) ?? {}))
        walk(child, [...path, key], { ...state, description: undefined }, out);
      return;
    }
    case 'union': {
      // A discriminated union: a field is required only if every variant requires it.
      const options = unionOptions(schema) ?? [];
      const variants = options.map((option) => {
        const m = new Map<string, FieldInfo>();
        walk(option, path, { ...state, description: undefined }, m);
        return m;
      });
      const isObjectUnion = options.every((o) => kindOf(o) === 'object');
      if (!isObjectUnion) {
        addLeaf(schema, path, { ...state, description }, out);
        return;
      }
      // Merge the variants' fields, keeping each variant's own order: a field only some
      // variants have goes right before the next field of its variant that all share.
      const merged: [string, FieldInfo][] = [...out];
      for (const variant of variants) {
        const keys = [...variant.keys()];
        keys.forEach((key, k) => {
          const field = variant.get(key)!;
          const everywhere = variants.every((v) => v.get(key)?.required);
          const existing = merged.find(([m]) => m === key)?.[1];
          if (existing) {
            existing.required = existing.required && everywhere;
            if (existing.enumValues && field.enumValues) existing.enumValues = [...new Set([...existing.enumValues, ...field.enumValues])];
            return;
          }
          const anchor = keys
            .slice(k + 1)
            .map((next) => merged.findIndex(([m]) => m === next))
            .find((i) => i !== -1);
          merged.splice(anchor ?? merged.length, 0, [key, { ...field, required: field.required && everywhere }]);
        });
      }
      out.clear();
      for (const [key, field] of merged) out.set(key, field);
      return;
    }
    case 'array': {
      const element = arrayElement(schema) as AnySchema;
      if (state.listPath) {
        if (patternOf(element)?.source !== EVIDENCE_PATH_PATTERN.source)
          throw new Error(`lists inside lists are not supported (at ${path.join('.')}): they cannot be flattened to CSV`);
        addLeaf(element, path, { ...state, innerList: true, description }, out);
        return;
      }
      walk(element, path, { ...state, listPath: path, listOfScalars: kindOf(element) !== 'object', description }, out);
      return;
    }
    default:
      addLeaf(schema, path, { ...state, description }, out);
  }
}

function addLeaf(schema: AnySchema, path: string[], state: WalkState, out: Map<string, FieldInfo>): void {
  const kind = kindOf(schema);
  let type: LeafType;
  let values: string[] | undefined;
  switch (kind) {
    case 'string':
      type = 'string';
      break;
    case 'number':
      type = 'number';
      break;
    case 'boolean':
      type = 'boolean';
      break;
    case 'enum':
      type = 'enum';
      values = enumValues(schema);
      break;
    case 'literal':
      type = 'enum';
      values = literalValues(schema)?.map(String);
      break;
    case 'union':
      // e.g. a unit: currency code or physical unit; both are strings.
      type = 'string';
      break;
    default:
      throw new Error(`unsupported schema type "${kind}" at ${path.join('.')}`);
  }
  const key = path.join('.');
  out.set(key, {
    path,
    listDepth: state.listPath ? state.listPath.length - 1 : -1,
    listPath: state.listPath,
    listOfScalars: state.listOfScalars,
    ...(state.innerList ? { innerList: true } : {}),
    type,
    enumValues: values,
    required: state.required,
    ref: refRegistry.get(schema),
    pattern: patternOf(schema),
    description: state.description,
    ...(state.exempt ? { exempt: state.exempt } : {}),
  });
}
