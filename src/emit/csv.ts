import { stringify } from 'csv-stringify/sync';
import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { citationFieldColumns, columnsOf, encodeRow, type Column } from './csv-format.js';
import { publishedRecord } from './published.js';
import { lazyChunks, type Emitter } from './types.js';
import type { FieldInfo } from '../schema/walk.js';
import { citationsOf } from '../model/citations.js';
import type { Dataset } from '../model/dataset.js';
import { CITATIONS_CSV, collectionCsv, linkTableCsv } from '../model/paths.js';
import { referencesOf } from '../model/references.js';

/**
 * UTF-8 without BOM (what Frictionless, Python's csv and csv-parse expect; spreadsheet users
 * take the workbook, see docs/csv.md), CRLF rows, RFC 4180 quoting.
 * csv-stringify quotes a field only for the record delimiter it writes (CRLF), so a bare LF or
 * CR inside a field would go out unquoted and split the row in every reader that also ends rows
 * on LF or CR (Python, spreadsheets): every field holding either is quoted explicitly.
 */
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_string: false, quoted_match: /[\r\n]/ } as const;

export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  stringify([header as string[], ...(rows as string[][])], CSV_OPTIONS);

// csv-stringify with CSV_OPTIONS quotes a field exactly when it holds a quote, the delimiter, CR or LF.
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (field: string): string => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
const csvLine = (row: readonly string[]): string => {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i ? `,${csvField(row[i]!)}` : csvField(row[i]!);
  return `${line}\r\n`;
};

/**
 * `toCsv` as chunks of a thousand rows, byte for byte (tests/emit-chunks.test.ts), with rows
 * produced as they are written: no whole-file string. Written here rather than by csv-stringify,
 * whose per-field options cost more than the rest of the CSV output together.
 */
export const toCsvChunks = (header: readonly string[], rows: () => Iterable<readonly string[]>): Iterable<string> =>
  lazyChunks(function* () {
    yield csvLine(header);
    let batch = '';
    let count = 0;
    for (const row of rows()) {
      batch += csvLine(row);
      if (++count === 1000) {
        yield batch;
        batch = '';
        count = 0;
      }
    }
    if (batch) yield batch;
  });

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

function* citationRows(dataset: Dataset): Generator<string[]> {
  const columns = citationFieldColumns();
  for (const collection of COLLECTION_NAMES)
    for (const record of dataset[collection]) {
      for (const [i, c] of citationsOf(record).entries()) yield [collection, record.id, String(i + 1), ...encodeRow(c, columns)];
    }
}

function* recordRows(dataset: Dataset, collection: CollectionName, columns: readonly Column[]): Generator<string[]> {
  for (const record of dataset[collection]) yield encodeRow(publishedRecord(collection, record), columns);
}

function* linkRows(dataset: Dataset, owner: CollectionName, field: FieldInfo): Generator<string[]> {
  for (const record of dataset[owner]) {
    let position = 0;
    for (const ref of referencesOf(record, field)) yield [record.id, ref.id, String(++position)];
  }
}

/** One CSV table: its path, header and rows (cells as the CSV holds them), produced afresh on each call of `rows`. */
export interface CsvTable {
  path: string;
  header: readonly string[];
  rows: () => Iterable<string[]>;
}

/** Every CSV table of a dataset: what the CSV files hold, and what the workbook's sheets show. */
export function csvTables(dataset: Dataset): CsvTable[] {
  const tables: CsvTable[] = COLLECTION_NAMES.map((collection) => {
    const columns = columnsOf(collection);
    return { path: collectionCsv(collection), header: columns.map((c) => c.name), rows: () => recordRows(dataset, collection, columns) };
  });
  for (const table of linkTables()) {
    const field = columnsOf(table.owner).find((c) => c.name === table.field)!.field;
    tables.push({ path: table.path, header: table.header, rows: () => linkRows(dataset, table.owner, field) });
  }
  tables.push({ path: CITATIONS_CSV, header: citationColumns(), rows: () => citationRows(dataset) });
  return tables;
}

export const csvEmitter: Emitter = {
  name: 'csv',
  emit: ({ dataset }) => csvTables(dataset).map((table) => ({ path: table.path, contents: toCsvChunks(table.header, table.rows) })),
};
