/**
 * `caucasus-corridors new <collection> <id>`: writes a commented record template generated
 * from the collection schema (never from a hand-written field list). Required fields get
 * placeholders that fail validation until filled in; optional fields are commented out
 * with their description and allowed values.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { RECORD_EXTENSION, recordPath, schemaModeline } from '../../model/paths.js';
import { displayPath } from '../../model/record.js';
import { COLLECTION_NAMES, collections, DATE_PATTERN, EXCERPT_MAX, ID_PATTERN, isCollectionName, type CollectionName } from '../../schema/index.js';
import { listFields, type FieldInfo } from '../../schema/walk.js';
import { suggestion } from '../../suggest.js';
import { EXIT, UsageError } from '../usage-error.js';

export const newHelp = `caucasus-corridors new <collection> <id> [--kind KIND] [--data DIR]

Writes DIR/<collection>/<id>.yaml (DIR default: data): a record template generated from
the collection's schema. Required fields hold empty placeholders ("") that fail validation
until you fill them in; optional fields are commented out with their description and
allowed values. The file is never overwritten.

--kind  the record's kind. For actors it selects the fields (country, person or
        organization; default person); for other collections with a kind field it
        fills that field in.

Collections: ${COLLECTION_NAMES.join(', ')}`;

type AnySchema = z.core.$ZodType;
const defOf = (s: AnySchema) => s._zod.def as unknown as Record<string, unknown> & { type: string };
const descriptionOf = (s: AnySchema) => (s as { description?: string }).description;

export { schemaModeline };
/** Kind used for actors when --kind is not given. */
export const DEFAULT_ACTOR_KIND = 'person';

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

function chooseKind(collection: CollectionName, requested: string | undefined): KindChoice {
  const schema = collections[collection].schema as AnySchema;
  const def = defOf(schema);
  if (def.type === 'union' && typeof def.discriminator === 'string') {
    const key = def.discriminator;
    const variants = (def.options as AnySchema[]).map((option) => {
      const literal = defOf((defOf(option).shape as Record<string, AnySchema>)[key]!);
      return { option, kind: String((literal.values as unknown[])[0]) };
    });
    const kinds = variants.map((v) => v.kind);
    const kind = requested ?? (kinds.includes(DEFAULT_ACTOR_KIND) ? DEFAULT_ACTOR_KIND : kinds[0]!);
    const chosen = variants.find((v) => v.kind === kind);
    if (!chosen) throw new UsageError(`unknown ${key} "${kind}" for ${collection}${suggestion(kind, kinds)} (${key}s: ${kinds.join(', ')})`);
    return { schema: chosen.option, kind, kinds, selectsFields: true };
  }
  const kindField = listFields(schema).find((f) => f.path.length === 1 && f.path[0] === 'kind' && f.enumValues);
  if (requested === undefined) return { schema, kinds: kindField?.enumValues, selectsFields: false };
  if (!kindField) throw new UsageError(`--kind does not apply to ${collection}: its records have no kind field`);
  const kinds = kindField.enumValues!;
  if (!kinds.includes(requested))
    throw new UsageError(`unknown kind "${requested}" for ${collection}${suggestion(requested, kinds)} (kinds: ${kinds.join(', ')})`);
  return { schema, kind: requested, kinds, selectsFields: false };
}

// --- The template tree ------------------------------------------------------------
// Leaves come from listFields (the same listing CSV columns and reference checks use);
// the containers between them (objects, lists) are looked up in the schema for their
// own optionality and description.

interface TemplateNode {
  key: string;
  optional: boolean;
  description?: string;
  /** 'objects' for a list of mappings, 'scalars' for a list of plain values. */
  list?: 'objects' | 'scalars';
  field?: FieldInfo;
  children: TemplateNode[];
}

interface Container {
  optional: boolean;
  description?: string;
  list: boolean;
  inner: AnySchema;
}

/** Looks up a key of an object schema: is it optional, its description, and what it holds. */
function childOf(objectSchema: AnySchema, key: string): Container {
  let current = (defOf(objectSchema).shape as Record<string, AnySchema>)[key]!;
  let optional = false;
  let list = false;
  let description = descriptionOf(current);
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') {
      optional = true;
      current = def.innerType as AnySchema;
    } else if (def.type === 'array' && !list) {
      list = true;
      current = def.element as AnySchema;
    } else break;
    description ??= descriptionOf(current);
  }
  return { optional, description, list, inner: current };
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

/** A kebab-case id close to what was typed ("Baku–Tbilisi Kars" → "baku-tbilisi-kars"). */
const slugOf = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export function runNew(args: string[], options: { data?: string; kind?: string }): { output: string; code: number } {
  if (args.length !== 2) throw new UsageError(`new needs a collection and an id, e.g. "new corridors baku-tbilisi-kars-railway"\n\n${newHelp}`);
  const [collection, id] = args as [string, string];
  if (!isCollectionName(collection))
    throw new UsageError(`unknown collection "${collection}"${suggestion(collection, COLLECTION_NAMES)} (collections: ${COLLECTION_NAMES.join(', ')})`);
  if (!ID_PATTERN.test(id)) {
    const slug = slugOf(id);
    const hint = slug && slug !== id && ID_PATTERN.test(slug) ? `; did you mean "${slug}"?` : '';
    throw new UsageError(`invalid id "${id}": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"${hint}`);
  }
  chooseKind(collection, options.kind); // a bad --kind is reported before anything is looked up on disk
  const dataDir = options.data ?? 'data';
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new UsageError(`no such data directory: ${dataDir} (run from the repository root, or pass --data DIR)`);
  const dir = join(dataDir, collection);
  const path = join(dir, `${id}${RECORD_EXTENSION}`);
  const shown = displayPath(path);
  if (existsSync(path)) throw new UsageError(`${shown} already exists: edit it, or choose another id`);
  const text = recordTemplate({ collection, id, kind: options.kind, displayPath: shown });
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new UsageError(`${shown} already exists: edit it, or choose another id`);
    throw new UsageError(`cannot write ${shown}: ${(error as Error).message}`);
  }
  return { output: `${shown}\n`, code: EXIT.ok };
}
