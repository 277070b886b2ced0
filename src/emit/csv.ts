import { type AnyRecord, COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { citationFieldColumns, columnsOf, encodeRow, type Column } from './csv-format.js';
import { publishedRecord } from './published.js';
import { type Emitter, lineSlot } from './types.js';
import type { FieldInfo } from '../schema/walk.js';
import { citationsOf } from '../model/citations.js';
import { CITATIONS_CSV, collectionCsv, linkTableCsv } from '../model/paths.js';
import { referencesOf } from '../model/references.js';

/**
 * UTF-8 without BOM (what Frictionless, Python's csv and csv-parse expect; spreadsheet users
 * take the workbook, see docs/csv.md), CRLF rows, RFC 4180 quoting. A field is quoted exactly
 * when it holds a quote, a comma, a CR or an LF: a bare LF or CR left unquoted would split the
 * row in every reader that also ends rows on LF or CR (Python, spreadsheets). The bytes are
 * csv-stringify's with those options (tests/emit-pieces.test.ts), written here because its
 * per-field options cost more than the rest of the CSV output together.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (field: string): string => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
export const csvLine = (row: readonly string[]): string => {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i ? `,${csvField(row[i]!)}` : csvField(row[i]!);
  return `${line}\r\n`;
};

export interface LinkTable {
  path: string;
  /** Collection whose records own the rows, and the field that links them. */
  owner: CollectionName;
  field: string;
  target: CollectionName;
  header: [string, string, string];
}

/** One link table per list-of-references field (e.g. agreement-parties.csv). */
export const linkTables = (): LinkTable[] =>
  COLLECTION_NAMES.flatMap((owner) =>
    columnsOf(owner)
      .flatMap(({ name, field }) => (field.ref && field.listOfScalars && field.listPath ? [{ name, target: field.ref.collection }] : []))
      .map(({ name, target }) => {
        const ownerName = collections[owner].singular;
        const targetName =
          collections[target].singular === ownerName ? `related_${collections[target].singular}` : collections[target].singular;
        return {
          path: linkTableCsv(ownerName, name),
          owner,
          field: name,
          target,
          header: [ownerName, targetName, 'position'] as [string, string, string],
        };
      }),
  );

/** citations.csv: which record (collection, id, position in its list), then every field of the citation. */
export const CITATION_KEY_COLUMNS = ['collection', 'record', 'position'] as const;
export const citationColumns = (): string[] => [...CITATION_KEY_COLUMNS, ...citationFieldColumns().map((c) => c.name)];

export interface CsvTable {
  path: string;
  header: readonly string[];
}

/** Every CSV table: what the CSV files hold, and what the workbook's sheets show. */
export const csvTables = (): CsvTable[] => [
  ...COLLECTION_NAMES.map((collection) => ({ path: collectionCsv(collection), header: columnsOf(collection).map((c) => c.name) })),
  ...linkTables().map(({ path, header }) => ({ path, header })),
  { path: CITATIONS_CSV, header: citationColumns() },
];

/** What one record writes into the CSV tables: its columns, its link tables (field and path), the citation columns. */
interface RecordTables {
  columns: Column[];
  links: { path: string; field: FieldInfo }[];
  citationColumns: Column[];
}
const recordTables = new Map<CollectionName, RecordTables>();
function tablesOf(collection: CollectionName): RecordTables {
  let tables = recordTables.get(collection);
  if (!tables) {
    const columns = columnsOf(collection);
    const links = linkTables()
      .filter((t) => t.owner === collection)
      .map((t) => ({ path: t.path, field: columns.find((c) => c.name === t.field)!.field }));
    recordTables.set(collection, (tables = { columns, links, citationColumns: citationFieldColumns() }));
  }
  return tables;
}

/** The rows one record adds: to its collection's table, to each link table of its fields, to citations.csv. */
function* recordLines(collection: CollectionName, record: AnyRecord): Generator<[string, string]> {
  const { columns, links, citationColumns } = tablesOf(collection);
  yield [collectionCsv(collection), csvLine(encodeRow(publishedRecord(collection, record), columns))];
  for (const { path, field } of links) {
    let lines = '';
    let position = 0;
    for (const ref of referencesOf(record, field)) lines += csvLine([record.id, ref.id, String(++position)]);
    if (lines) yield [path, lines];
  }
  let lines = '';
  for (const [i, c] of citationsOf(record).entries())
    lines += csvLine([collection, record.id, String(i + 1), ...encodeRow(c, citationColumns)]);
  if (lines) yield [CITATIONS_CSV, lines];
}

/** One CSV file per table: the header, then the records' rows (in id order, collections in COLLECTION_NAMES order). */
export const csvEmitter: Emitter = {
  name: 'csv',
  emit: () => csvTables().map(({ path, header }) => ({ path, contents: [csvLine(header), lineSlot(path)] })),
  record: recordLines,
};

// A field as csvLine writes it: quoted (quotes doubled inside), or bare.
const FIELD = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;

/** The cells of the row at `from` and where the next row starts; undefined when the text ends first or the row is not as csvLine writes it. */
function rowAt(text: string, from: number): { cells: string[]; next: number } | undefined {
  const cells: string[] = [];
  let p = from;
  for (;;) {
    FIELD.lastIndex = p;
    const match = FIELD.exec(text)!;
    p = FIELD.lastIndex;
    cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!);
    if (text[p] === ',') p++;
    else return text[p] === '\r' && text[p + 1] === '\n' ? { cells, next: p + 2 } : undefined;
  }
}

/**
 * The rows of CSV text as this module writes it (csvLine), read from chunks cut anywhere: what
 * the workbook reads back. csv-parse reads the same rows (tests/emit-pieces.test.ts) 8 times slower.
 */
export function* csvRows(chunks: Iterable<string>): Generator<string[]> {
  let text = '';
  for (const chunk of chunks) {
    text += chunk;
    let p = 0;
    // A row cut by the chunk's end is read again with the next chunk.
    for (let row = rowAt(text, p); row; row = rowAt(text, p)) {
      yield row.cells;
      p = row.next;
    }
    text = text.slice(p);
  }
  if (text) throw new Error(`not CSV as csvLine writes it: ${JSON.stringify(text.slice(0, 80))}`);
}
