/**
 * The canonical form of a record file, so that two contributors' YAML for the same record
 * is byte-identical and review diffs show only real changes:
 * - the schema modeline first, and no other comment (notes belong in `note`);
 * - keys in schema order (the order of the JSON output and CSV columns), at every depth;
 * - strings plain when YAML allows it, otherwise in double quotes (also when a YAML 1.1 reader,
 *   as some editors are, would take the plain text for a date, number or boolean: "2023-09-25");
 *   a string too long for its
 *   line as a folded block (`>-`) wrapped at LINE_WIDTH, text with line breaks as a literal block;
 * - lists of plain values that fit on their line in flow style (`[a, b]`), others as blocks;
 * - excerpts exactly as written: one `>-` line that is never wrapped (so an excerpt can be
 *   found in the file by searching for the source's sentence), or, when they hold line breaks
 *   or characters a block cannot show, a double-quoted string that is never wrapped.
 */
import { Document, isMap, isScalar, isSeq, parse, Scalar, visit, type Node } from 'yaml';
import { parseYamlFile } from '../load/yaml-file.js';
import { schemaModeline } from '../model/paths.js';
import type { Problem } from '../problems.js';
import { collections, type CollectionName } from '../schema/index.js';
import { type AnySchema, arrayElement, discriminatorOf, innerSchema, objectShape, unionOptions, variantFor } from '../schema/introspect.js';

export const LINE_WIDTH = 110;
const INDENT = 2;

export interface FormatOutcome {
  /** The canonical text, when the file parsed. */
  text?: string;
  problems: Problem[];
}

/** The object schema a mapping value is checked against (the variant its tag selects, for unions). */
function objectSchemaFor(schema: AnySchema | undefined, value: Record<string, unknown>): AnySchema | undefined {
  if (!schema) return undefined;
  const inner = innerSchema(schema);
  const key = discriminatorOf(inner);
  if (key !== undefined) return variantFor(inner, value[key]);
  const options = unionOptions(inner);
  if (options) {
    // A plain union of objects: the option that knows the most of the value's keys.
    const score = (o: AnySchema) => Object.keys(value).filter((k) => objectShape(innerSchema(o))?.[k]).length;
    return options.map(innerSchema).reduce<AnySchema | undefined>((best, o) => (!best || score(o) > score(best) ? o : best), undefined);
  }
  return inner;
}

/** The value with every mapping's keys in schema order (unknown keys last, as written). */
export function orderKeys(value: unknown, schema: AnySchema | undefined): unknown {
  if (Array.isArray(value)) {
    const element = schema ? arrayElement(innerSchema(schema)) : undefined;
    return value.map((item) => orderKeys(item, element));
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const objectSchema = objectSchemaFor(schema, record);
  const shape = objectSchema ? objectShape(objectSchema) : undefined;
  const known = shape ? Object.keys(shape).filter((k) => Object.hasOwn(record, k)) : [];
  const rest = Object.keys(record).filter((k) => !known.includes(k));
  return Object.fromEntries([...known, ...rest].map((k) => [k, orderKeys(record[k], shape?.[k])]));
}

/** Text a one-line `>-` block shows exactly: no line breaks, no edge spaces, printable characters only. */
const ONE_LINE_BLOCK = /^[^\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}](?:[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*[^\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}])?$/u;

/** True when a YAML 1.1 reader would take this plain text for something other than text. */
function readsAsOtherThanText(text: string): boolean {
  try {
    return typeof parse(text, { version: '1.1' }) !== 'string';
  } catch {
    return false;
  }
}

const placeholder = (i: number) => `excerpt-placeholder-${i}-c4n0n`;

/** The canonical text of a record's data. */
export function canonicalText(collection: CollectionName, data: unknown): string {
  const doc = new Document(orderKeys(data, collections[collection].schema));
  const excerpts: string[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const depth = path.filter((n) => isMap(n) || isSeq(n)).length - 1;
      if (isScalar(pair.value) && typeof pair.value.value === 'string') {
        const text = pair.value.value;
        if (key === 'excerpt') {
          excerpts.push(text);
          pair.value = new Scalar(placeholder(excerpts.length - 1));
        } else if (!text.includes('\n') && depth * INDENT + key.length + 2 + text.length > LINE_WIDTH)
          pair.value.type = Scalar.BLOCK_FOLDED;
        else if (readsAsOtherThanText(text)) pair.value.type = Scalar.QUOTE_DOUBLE;
      }
      if (isSeq(pair.value)) {
        const items = pair.value.items as Node[];
        const flowWidth = items.reduce((n, item) => n + String(isScalar(item) ? item.value : '').length + 4, 0);
        const scalars = items.every((item) => isScalar(item) && !String(item.value).includes('\n'));
        pair.value.flow = items.length > 0 && scalars && depth * INDENT + key.length + 2 + flowWidth <= LINE_WIDTH;
      }
    },
    Seq(_, seq) {
      for (const item of seq.items)
        if (isScalar(item) && typeof item.value === 'string' && readsAsOtherThanText(item.value)) item.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const body = doc.toString({
    lineWidth: LINE_WIDTH,
    indent: INDENT,
    indentSeq: true,
    defaultStringType: 'PLAIN',
    singleQuote: false,
    flowCollectionPadding: false,
  });
  const text = body.replace(/^( *(?:- )?)(\S+): (excerpt-placeholder-(\d+)-c4n0n)$/gm, (_, lead: string, key: string, _p, i: string) => {
    const excerpt = excerpts[Number(i)] as string;
    if (!ONE_LINE_BLOCK.test(excerpt)) return `${lead}${key}: ${JSON.stringify(excerpt)}`;
    return `${lead}${key}: >-\n${' '.repeat(lead.length + INDENT)}${excerpt}`;
  });
  return `${schemaModeline(collection)}\n${text}`;
}

/** Formats one record file's bytes; YAML problems come back instead of a text. */
export function formatRecordFile(collection: CollectionName, display: string, bytes: Uint8Array): FormatOutcome {
  const parsed = parseYamlFile(display, bytes);
  if (parsed.problems.length > 0 || parsed.value === undefined) return { problems: parsed.problems };
  return { text: canonicalText(collection, parsed.value), problems: [] };
}
