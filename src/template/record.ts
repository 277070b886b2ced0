/**
 * Record templates for `new`: a commented record generated from the collection schema
 * (never from a hand-written field list). Required fields get placeholders that fail
 * validation until filled in; optional fields are commented out with their description
 * and allowed values. The schema is read through the introspection adapter only.
 */
import { RECORD_EXTENSION, recordPath, schemaModeline } from '../model/paths.js';
import { collections, DATE_PATTERN, EXCERPT_MAX, type CollectionName } from '../schema/index.js';
import {
  arrayElement,
  descriptionOf,
  discriminatorOf,
  objectShape,
  unwrapOptional,
  variantsOf,
  type AnySchema,
} from '../schema/introspect.js';
import { listFields, type FieldInfo } from '../schema/walk.js';
import { suggestion } from '../suggest.js';
import { visible } from '../util/visible.js';

/** A template that cannot be made as asked (unknown kind, --kind for a collection without kinds). */
export class TemplateError extends Error {}

/** Kind used for actors when --kind is not given. */
const DEFAULT_ACTOR_KIND = 'person';

interface KindChoice {
  /** The schema whose fields the template lists (one variant of a discriminated union). */
  schema: AnySchema;
  /** Value written into the `kind` field, when chosen. */
  kind?: string;
  /** All kinds the collection knows (for notes and errors). */
  kinds?: string[];
  /** True when the kind picks the record's fields (discriminated union). */
  selectsFields: boolean;
}

export function chooseKind(collection: CollectionName, requested: string | undefined): KindChoice {
  const schema = collections[collection].schema as AnySchema;
  const key = discriminatorOf(schema);
  if (key !== undefined) {
    const variants = (variantsOf(schema) ?? []).map((v) => ({ option: v.schema, kind: String(v.tags[0]) }));
    const kinds = variants.map((v) => v.kind);
    const kind = requested ?? (kinds.includes(DEFAULT_ACTOR_KIND) ? DEFAULT_ACTOR_KIND : kinds[0]!);
    const chosen = variants.find((v) => v.kind === kind);
    if (!chosen)
      throw new TemplateError(
        `unknown ${key} "${visible(kind)}" for ${collection}${suggestion(kind, kinds)} (${key}s: ${kinds.join(', ')})`,
      );
    return { schema: chosen.option, kind, kinds, selectsFields: true };
  }
  const kindField = listFields(schema).find((f) => f.path.length === 1 && f.path[0] === 'kind' && f.enumValues);
  if (requested === undefined)
    return kindField?.enumValues ? { schema, kinds: kindField.enumValues, selectsFields: false } : { schema, selectsFields: false };
  if (!kindField) throw new TemplateError(`--kind does not apply to ${collection}: its records have no kind field`);
  const kinds = kindField.enumValues!;
  if (!kinds.includes(requested))
    throw new TemplateError(
      `unknown kind "${visible(requested)}" for ${collection}${suggestion(requested, kinds)} (kinds: ${kinds.join(', ')})`,
    );
  return { schema, kind: requested, kinds, selectsFields: false };
}

// --- The template tree ------------------------------------------------------------
// Leaves come from listFields (the same listing CSV columns and reference checks use);
// the containers between them (objects, lists) are looked up in the schema for their
// own optionality and description.

interface TemplateNode {
  key: string;
  optional: boolean;
  description?: string | undefined;
  /** 'objects' for a list of mappings, 'scalars' for a list of plain values. */
  list?: 'objects' | 'scalars' | undefined;
  field?: FieldInfo | undefined;
  children: TemplateNode[];
}

interface Container {
  optional: boolean;
  description?: string | undefined;
  list: boolean;
  inner: AnySchema;
}

/** Looks up a key of an object schema: is it optional, its description, and what it holds. */
function childOf(objectSchema: AnySchema, key: string): Container {
  const field = objectShape(objectSchema)![key]!;
  let description = descriptionOf(field);
  let { schema: current, optional } = unwrapOptional(field);
  description ??= descriptionOf(current);
  const element = arrayElement(current);
  if (element) {
    const inner = unwrapOptional(element);
    description ??= descriptionOf(element) ?? descriptionOf(inner.schema);
    optional ||= inner.optional;
    current = inner.schema;
  }
  return { optional, description, list: element !== undefined, inner: current };
}

function buildTree(schema: AnySchema): TemplateNode[] {
  const root: TemplateNode[] = [];
  for (const field of listFields(schema)) {
    let siblings = root;
    let objectSchema = schema;
    field.path.forEach((key, depth) => {
      const container = childOf(objectSchema, key);
      let node = siblings.find((n) => n.key === key);
      if (!node) {
        const isLeaf = depth === field.path.length - 1;
        node = {
          key,
          optional: container.optional,
          description: isLeaf ? (field.description ?? container.description) : container.description,
          list: container.list ? (isLeaf ? 'scalars' : 'objects') : undefined,
          field: isLeaf ? field : undefined,
          children: [],
        };
        siblings.push(node);
      }
      siblings = node.children;
      objectSchema = container.inner;
    });
  }
  return root;
}

// --- Rendering ----------------------------------------------------------------------

const WIDTH = 100;
const MAX_LISTED_VALUES = 20;

interface RenderContext {
  collection: CollectionName;
  id: string;
  kindChoice: KindChoice;
}

/** Wraps a note into `# ` comment lines no wider than WIDTH (given the indentation). */
function commentLines(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(`# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`# ${line}`);
  return lines;
}

const quoteList = (values: readonly string[]) => values.join(', ');

function notesOf(node: TemplateNode, ctx: RenderContext, topLevel: boolean): string[] {
  const notes: string[] = [];
  const field = node.field;
  if (topLevel && node.key === 'kind' && ctx.kindChoice.kinds) {
    const { kinds, selectsFields } = ctx.kindChoice;
    notes.push(
      selectsFields
        ? `One of: ${quoteList(kinds)}. Each kind has its own fields: for another kind, delete this file and run \`npm run new -- ${ctx.collection} ${ctx.id} --kind KIND\`.`
        : `One of: ${quoteList(kinds)}.`,
    );
    return notes;
  }
  if (node.description) notes.push(node.description.replace(/\.?$/, '.'));
  if (field?.pattern?.source === DATE_PATTERN.source && !node.description?.includes('ISO 8601'))
    notes.push('A date in quotes: "2023", "2023-09" or "2023-09-25", optionally ending in ~ (approximate), ? (uncertain) or % (both).');
  if (field?.enumValues && field.enumValues.length <= MAX_LISTED_VALUES)
    notes.push(`${node.list === 'scalars' ? 'One or more of' : 'One of'}: ${quoteList(field.enumValues)}.`);
  else if (field?.enumValues) notes.push(`One of ${field.enumValues.length} codes.`);
  if (field && !field.enumValues && field.type === 'boolean') notes.push('true or false.');
  return notes.length ? [notes.join(' ')] : [];
}

function placeholder(node: TemplateNode, ctx: RenderContext, topLevel: boolean): string {
  const field = node.field!;
  if (topLevel && node.key === 'id') return ctx.id;
  if (topLevel && node.key === 'kind' && ctx.kindChoice.kind) return ctx.kindChoice.kind;
  if (field.enumValues?.length === 1) return field.enumValues[0]!;
  // Empty text fails every text, date, code and reference rule; an empty number or
  // boolean is null, which fails its type. Either way: validation fails until filled in.
  return field.type === 'number' || field.type === 'boolean' ? '' : '""';
}

const keyLine = (key: string, value: string) => (value ? `${key}: ${value}` : `${key}:`);

interface Rendered {
  /** Comment lines describing the field (never commented out twice). */
  notes: string[];
  /** The field itself: commented out when optional. */
  body: string[];
}

function renderNode(node: TemplateNode, ctx: RenderContext, topLevel: boolean, indent: number): Rendered {
  const notes = notesOf(node, ctx, topLevel).flatMap((n) => commentLines(n, indent));
  let body: string[];
  if (node.field && node.list === 'scalars') body = [`${node.key}:`, `  - ${placeholder(node, ctx, false)}`];
  else if (node.field) body = [keyLine(node.key, placeholder(node, ctx, topLevel))];
  else if (node.list === 'objects') {
    const item = renderChildren(node.children, ctx, indent + 4);
    // The first field's notes go above the "- " line; the rest of the item is indented under it.
    const first = item[0]!;
    body = [`${node.key}:`, ...first.notes.map((l) => `  ${l}`)];
    const rest = [...first.body.slice(1), ...item.slice(1).flatMap((r) => [...r.notes, ...r.body])];
    body.push(`  - ${first.body[0]}`, ...rest.map((l) => `    ${l}`));
  } else {
    const children = renderChildren(node.children, ctx, indent + 2);
    body = [`${node.key}:`, ...children.flatMap((r) => [...r.notes, ...r.body]).map((l) => `  ${l}`)];
  }
  return { notes, body: node.optional ? body.map((l) => `# ${l}`) : body };
}

function renderChildren(nodes: readonly TemplateNode[], ctx: RenderContext, indent: number): Rendered[] {
  // Required fields first inside a list item, so "- " starts on a field that is not commented out.
  const ordered = [...nodes.filter((n) => !n.optional), ...nodes.filter((n) => n.optional)];
  return ordered.map((n) => renderNode(n, ctx, false, indent));
}

export interface TemplateOptions {
  collection: CollectionName;
  id: string;
  kind?: string;
  /** Path shown in the header's "check it with" line. */
  displayPath?: string;
}

/** The text of a new record file: modeline, guidance, then every field of the schema. */
export function recordTemplate(options: TemplateOptions): string {
  const { collection, id } = options;
  const kindChoice = chooseKind(collection, options.kind);
  const tree = buildTree(kindChoice.schema);
  const info = collections[collection];
  const cites = tree.some((n) => n.key === 'sources' && n.list === 'objects');
  const shown = options.displayPath ?? `data/${recordPath(collection, id)}`;
  const header = [
    schemaModeline(collection),
    `#`,
    `# New ${info.singular}${kindChoice.selectsFields ? ` (kind ${kindChoice.kind})` : ''} record. The file name is the id: ${id}${RECORD_EXTENSION}.`,
    `# - Replace every "" and every empty value: they are required, and validation fails until`,
    `#   they are filled in.`,
    `# - Optional fields are commented out. Uncomment one only when a cited source supports it,`,
    `#   and delete the ones you leave out. Never fill a field from memory.`,
    ...(cites
      ? [
          `# - Every record cites at least one source under "sources": the id of a record in`,
          `#   data/sources/ and a verbatim excerpt (at most ${EXCERPT_MAX} characters) of that source.`,
        ]
      : []),
    `# - Delete these comment lines when you are done (keep the first line for your editor).`,
    `# Check it: npm run validate -- ${shown}`,
    `# Conventions (ids, dates, evidence): CONTRIBUTING.md`,
    '',
  ];
  const ctx: RenderContext = { collection, id, kindChoice };
  const lines = tree.flatMap((node) => {
    const { notes, body } = renderNode(node, ctx, true, 0);
    return [...notes, ...body];
  });
  return `${[...header, ...lines].join('\n')}\n`;
}
