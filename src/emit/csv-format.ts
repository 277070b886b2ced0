/**
 * The CSV cell format, in one place (documented in docs/csv.md):
 *
 * - one column per leaf field, named by its dotted path (`length.value`, `endpoints.from`);
 * - a list becomes one cell, items joined by `|`; a `|` or `\` inside an item is escaped
 *   as `\|` / `\\`. A list of objects becomes one column per sub-field, each holding a
 *   `|`-list of the same length; an empty item means that sub-field is absent there;
 * - an empty cell means the field is absent (lists are never empty, text never blank);
 * - numbers are plain decimal (608000000), booleans `true` / `false`, dates ISO text;
 * - a text cell starting with = + - @ (or their full-width forms ＝ ＋ － ＠), also after
 *   leading whitespace, NBSP or zero-width characters, or starting with TAB, CR or ', gets a
 *   leading ' so spreadsheets never evaluate it as a formula; decoding removes exactly that
 *   one character.
 *
 * Encoding and decoding live together so the round trip is lossless by construction
 * and tested (tests/csv-roundtrip.test.ts).
 */
import { citation, collections, type CollectionName } from '../schema/index.js';
import { listFields, type FieldInfo } from '../schema/walk.js';

export const LIST_SEPARATOR = '|';
// Spreadsheets skip leading spaces and invisible characters before reading "=", and some
// fold the full-width forms to ASCII: both are formulas as far as a cell is concerned.
const FORMULA_START = /^(?:[\s\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r'])/;

export interface Column {
  name: string;
  field: FieldInfo;
}

const columnsOfSchema = (schema: Parameters<typeof listFields>[0]): Column[] =>
  listFields(schema).map((field) => ({ name: field.path.join('.'), field }));

export const columnsOf = (collection: CollectionName): Column[] => columnsOfSchema(collections[collection].published);

/** The columns of one citation (source, excerpt, supports, …), derived from the citation schema. */
export const citationFieldColumns = (): Column[] => columnsOfSchema(citation);

export const neutralizeFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);
export const restoreFormula = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell);

const escapeItem = (item: string) => item.replace(/[\\|]/g, (c) => `\\${c}`);

function splitItems(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === LIST_SEPARATOR) {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items;
}

const scalarToText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : String(value);

function textToScalar(text: string, field: FieldInfo): unknown {
  if (text === '') return undefined;
  if (field.innerList) return text.split(' ');
  if (field.type === 'number') return Number(text);
  if (field.type === 'boolean') return text === 'true';
  return text;
}

const get = (obj: unknown, keys: readonly string[]): unknown =>
  keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

function set(obj: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let target = obj;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys[keys.length - 1]!] = value;
}

export function encodeCell(record: unknown, field: FieldInfo): string {
  let cell: string;
  if (!field.listPath) cell = scalarToText(get(record, field.path));
  else {
    const list = get(record, field.listPath);
    if (!Array.isArray(list)) return '';
    const rest = field.path.slice(field.listPath.length);
    cell = list.map((item) => escapeItem(scalarToText(rest.length ? get(item, rest) : item))).join(LIST_SEPARATOR);
  }
  return field.type === 'number' || field.type === 'boolean' ? cell : neutralizeFormula(cell);
}

export const encodeRow = (record: unknown, columns: readonly Column[]): string[] => columns.map((c) => encodeCell(record, c.field));

/** Rebuilds a record from one CSV row (cells in column order). Inverse of `encodeRow`. */
export function decodeRow(cells: readonly string[], columns: readonly Column[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const lists = new Map<string, Record<string, unknown>[] | unknown[]>();
  // A list of objects: the longest sub-field column gives the item count.
  const lengths = new Map<string, number>();
  columns.forEach((column, i) => {
    const { field } = column;
    const raw = field.type === 'number' || field.type === 'boolean' ? cells[i]! : restoreFormula(cells[i] ?? '');
    if (!field.listPath) {
      const value = textToScalar(raw, field);
      if (value !== undefined) set(record, field.path, value);
      return;
    }
    if (raw === '') return;
    const key = field.listPath.join('.');
    const items = splitItems(raw);
    lengths.set(key, Math.max(lengths.get(key) ?? 0, items.length));
    const rest = field.path.slice(field.listPath.length);
    if (rest.length === 0) {
      lists.set(
        key,
        items.map((item) => textToScalar(item, field)),
      );
      return;
    }
    const objects = (lists.get(key) as Record<string, unknown>[] | undefined) ?? [];
    items.forEach((item, j) => {
      objects[j] ??= {};
      const value = textToScalar(item, field);
      if (value !== undefined) set(objects[j]!, rest, value);
    });
    lists.set(key, objects);
  });
  for (const [key, list] of lists) {
    const filled = Array.from({ length: lengths.get(key)! }, (_, j) => list[j] ?? {});
    set(record, key.split('.'), filled);
  }
  return orderLike(record, columns);
}

/** Puts keys back into schema order (the order of the columns). */
function orderLike(record: Record<string, unknown>, columns: readonly Column[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field } of columns) {
    const top = field.path[0]!;
    if (top in record && !(top in out)) out[top] = record[top];
  }
  return out;
}
