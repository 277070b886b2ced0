import { stringify } from 'csv-stringify/sync';
import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { referencesOf } from '../checks/references.js';
import { columnsOf, encodeRow, neutralizeFormula } from './csv-format.js';
import type { Emitter, OutputFile } from './types.js';
import type { Dataset } from '../validate.js';

/** UTF-8 with BOM (Excel then reads Türkiye, Naxçıvan correctly), CRLF rows, RFC 4180 quoting. */
export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  stringify([header as string[], ...(rows as string[][])], { bom: true, record_delimiter: '\r\n', quoted_string: false });

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
      .filter(({ field }) => field.ref && field.listOfScalars && field.listPath)
      .map(({ name, field }) => {
        const target = field.ref!.collection as CollectionName;
        const ownerName = collections[owner].singular;
        const targetName = collections[target].singular === ownerName ? `related_${collections[target].singular}` : collections[target].singular;
        return {
          path: `csv/${ownerName}-${name.replace(/_/g, '-')}.csv`,
          owner,
          field: name,
          target,
          header: [ownerName, targetName, 'position'] as [string, string, string],
        };
      }),
  );

export const CITATIONS_CSV = 'csv/citations.csv';
export const CITATION_COLUMNS = ['collection', 'record', 'position', 'source', 'excerpt', 'note'] as const;

function citationRows(dataset: Dataset): string[][] {
  const rows: string[][] = [];
  for (const collection of COLLECTION_NAMES)
    for (const record of dataset[collection]) {
      if (!('sources' in record) || !Array.isArray(record.sources)) continue;
      record.sources.forEach((c: { source: string; excerpt: string; note?: string }, i: number) =>
        rows.push([collection, record.id, String(i + 1), c.source, neutralizeFormula(c.excerpt), neutralizeFormula(c.note ?? '')]),
      );
    }
  return rows;
}

export const csvEmitter: Emitter = {
  name: 'csv',
  emit({ dataset }) {
    const files: OutputFile[] = COLLECTION_NAMES.map((collection) => {
      const columns = columnsOf(collection);
      return {
        path: `csv/${collection}.csv`,
        contents: toCsv(
          columns.map((c) => c.name),
          dataset[collection].map((r) => encodeRow(r, columns)),
        ),
      };
    });
    for (const table of linkTables()) {
      const field = columnsOf(table.owner).find((c) => c.name === table.field)!.field;
      const rows = dataset[table.owner].flatMap((record) =>
        [...referencesOf(record, field)].map((ref, i) => [record.id, ref.id, String(i + 1)]),
      );
      files.push({ path: table.path, contents: toCsv(table.header, rows) });
    }
    files.push({ path: CITATIONS_CSV, contents: toCsv(CITATION_COLUMNS, citationRows(dataset)) });
    return files;
  },
};
