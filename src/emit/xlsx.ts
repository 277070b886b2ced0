/**
 * dist/xlsx/caucasus-corridors.xlsx: the dataset for spreadsheet users. A first sheet explains
 * the sheets and columns, the version and the licence; then one sheet per CSV table
 * (collections, link tables, citations), with the same columns.
 *
 * Derived from the other outputs, so it follows every schema change with no edit here:
 * the rows are the CSV files' rows, read back once they are written, and the Table
 * Schemas of datapackage.json say how to type
 * each cell (numbers as numbers, booleans as booleans, everything else — ids, dates,
 * lists — as text, formatted as text so nothing is reinterpreted) and which columns are
 * foreign keys (a cell hyperlink to the referenced row; never a formula).
 *
 * Written with exceljs's streaming writer (rows go to the file as they are produced, so
 * 100,000 records stay within the build's memory budget); the data rows are rendered by
 * xlsx-rows.ts into its sheet streams, in exactly exceljs's XML. exceljs stamps the document and
 * every zip entry with the current time: both are fixed here, so builds are byte-identical.
 */
import { rmSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { DATAPACKAGE_JSON } from '../model/paths.js';
import { csvRows, csvTables } from './csv.js';
import { restoreFormula } from './csv-format.js';
import { DATA_LICENSE } from './datapackage.js';
import type { EmitContext, Emitter } from './types.js';
import { SheetRowWriter, type Cell } from './xlsx-rows.js';

export const XLSX_PATH = 'xlsx/caucasus-corridors.xlsx';
/** The document's dates: fixed, so the bytes depend only on the data. */
export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));
/** Zip entry dates hold local date and time fields: the same fields in every time zone. */
const ZIP_ENTRY_DATE = new Date(1980, 0, 1, 12, 0, 0);
export const ABOUT_SHEET = 'about';

interface TableField {
  name: string;
  type?: string;
  description?: string;
}
interface ForeignKey {
  fields: string | string[];
  reference: { resource: string; fields: string | string[] };
}
export interface TableResource {
  name: string;
  path: string;
  description?: string;
  schema: { fields: TableField[]; primaryKey?: string | string[]; foreignKeys?: ForeignKey[] };
}

/** Sheet names: at most 31 characters, unique, none of []:*?/\ (the resource names never have those). */
export function sheetNames(resources: readonly { name: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>([ABOUT_SHEET]);
  for (const { name } of resources) {
    let candidate = name.slice(0, 31);
    for (let n = 2; used.has(candidate); n++) candidate = `${name.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(candidate);
    names.set(name, candidate);
  }
  return names;
}

/** The typed value of one CSV cell, following its Table Schema field (an empty cell is an absent value). */
export function typedCell(text: string, field: TableField): string | number | boolean | null {
  if (text === '') return null;
  if (field.type === 'number' || field.type === 'integer') return Number(text);
  if (field.type === 'boolean') return text === 'true';
  return restoreFormula(text);
}

const LINK_FONT = { color: { argb: 'FF0563C1' }, underline: true } as const;

const quoteSheet = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** The widest line of a cell's shown text (no line break in most cells: no split). */
function textWidth(value: string | number | boolean | null): number {
  const text = value === null ? '' : typeof value === 'string' ? value : String(value);
  if (!text.includes('\n')) return text.length;
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return longest;
}

async function writeWorkbook(path: string, ctx: EmitContext): Promise<void> {
  const descriptor = JSON.parse([...ctx.outputs.chunks(DATAPACKAGE_JSON)].join('')) as { resources: TableResource[] };
  // The rows of each table, read back from its CSV file (the header row skipped).
  const rowsOf = function* (path: string) {
    let header = true;
    for (const cells of csvRows(ctx.outputs.chunks(path))) {
      if (header) header = false;
      else yield cells;
    }
  };
  const tables = new Map(csvTables().map((t) => [t.path, { header: t.header, rows: () => rowsOf(t.path) }]));
  const resources = descriptor.resources;
  const names = sheetNames(resources);

  // Pass 1: the row of every id in the tables that foreign keys point to, and column widths.
  const referenced = new Set(resources.flatMap((r) => (r.schema.foreignKeys ?? []).map((k) => k.reference.resource)));
  const rowOf = new Map<string, Map<string, number>>();
  const widths = new Map<string, number[]>();
  for (const resource of resources) {
    const fields = resource.schema.fields;
    const keyColumn = referenced.has(resource.name) ? fields.findIndex((f) => f.name === resource.schema.primaryKey) : -1;
    const index = new Map<string, number>();
    const width = fields.map((f) => f.name.length);
    let row = 1;
    for (const cells of tables.get(resource.path)!.rows()) {
      row++;
      // A copy of the id: the cell is a slice of the CSV text read, which it would keep in memory.
      if (keyColumn >= 0) index.set(JSON.parse(JSON.stringify(cells[keyColumn]!)) as string, row);
      cells.forEach((text, i) => {
        width[i] = Math.max(width[i] ?? 0, textWidth(typedCell(text, fields[i] ?? { name: '' })));
      });
    }
    rowOf.set(resource.name, index);
    widths.set(resource.name, width);
  }

  const WorkbookWriter = await loadWorkbookWriter();
  const workbook = new WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  fixedEntryDates(workbook);
  workbook.creator = ctx.pkg.name;
  workbook.lastModifiedBy = ctx.pkg.name;
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = ctx.pkg.name;

  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 28 }, { width: 28 }, { width: 12 }, { width: 100 }];
  const aboutRows: Cell[][] = [
    [ctx.pkg.name, ctx.pkg.description ?? null],
    ['version', ctx.pkg.version],
    [
      'licence',
      `Data: ${DATA_LICENSE.title} (${DATA_LICENSE.name}, ${DATA_LICENSE.path}). Credit the publishers of the sources you rely on (sheet "sources").`,
    ],
    [
      'how to read',
      'One sheet per table. Ids and dates are text (dates are ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD, with ~ approximate, ? uncertain); lists are one cell with items separated by |; an empty cell means the value is absent. A blue id links to the row it refers to.',
    ],
    [],
    ['sheet', 'column', 'type', 'description'],
  ];
  for (const resource of resources) {
    aboutRows.push([names.get(resource.name)!, null, null, resource.description ?? null]);
    for (const field of resource.schema.fields) aboutRows.push([null, field.name, field.type ?? 'string', field.description ?? null]);
  }
  for (const cells of aboutRows) {
    const row = about.addRow(cells);
    if (cells[0] === 'sheet' && cells[1] === 'column') row.font = { bold: true };
    row.commit();
  }
  about.commit();

  for (const resource of resources) {
    const fields = resource.schema.fields;
    const links = fields.map((f) => {
      const key = (resource.schema.foreignKeys ?? []).find(
        (k) => k.fields === f.name || (Array.isArray(k.fields) && k.fields.length === 1 && k.fields[0] === f.name),
      );
      return key ? { sheet: names.get(key.reference.resource)!, rows: rowOf.get(key.reference.resource)! } : undefined;
    });
    const sheet = workbook.addWorksheet(names.get(resource.name)!, { views: [{ state: 'frozen', ySplit: 1 }] });
    internalHyperlinks(sheet);
    const columns = fields.map((f) => (f.type === 'number' || f.type === 'integer' || f.type === 'boolean' ? {} : { numFmt: '@' }));
    sheet.columns = fields.map((_, i) => ({ width: Math.min(60, Math.max(8, widths.get(resource.name)![i]! + 2)), style: columns[i]! }));
    const table = tables.get(resource.path)!;
    const header = sheet.addRow([...table.header]);
    header.font = { bold: true };
    header.commit();
    const rows = new SheetRowWriter(workbook, sheet, columns, LINK_FONT);
    let number = 1;
    for (const cells of table.rows()) {
      const values: Cell[] = cells.map((text, i) => {
        const value = typedCell(text, fields[i]!);
        const link = links[i];
        const target = typeof value === 'string' ? link?.rows.get(value) : undefined;
        return target ? { text: value as string, hyperlink: `#${quoteSheet(link!.sheet)}!A${target}` } : value;
      });
      // Let the zip compress (on libuv's threads) what is written while the next rows are made,
      // so no sheet piles up in memory and compression is not left for the end.
      if (rows.addRow(++number, values)) await rows.settle();
    }
    rows.flush();
    sheet.commit();
  }
  try {
    await workbook.commit();
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/**
 * exceljs's streaming writer, and only it: the package's main module loads the readers too
 * (unzipper, sax and more), which took 250–300 ms against 100–130 ms for the writer alone.
 * Loaded on demand: the build's worker threads load this module for its neighbours, never to
 * write a workbook. (exceljs 4 has no `exports` map, so the path is reachable; a test checks it
 * is the class exceljs exports as `stream.xlsx.WorkbookWriter`.)
 */
const WORKBOOK_WRITER_MODULE = 'exceljs/lib/stream/xlsx/workbook-writer.js';
let workbookWriter: Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> | undefined;
export function loadWorkbookWriter(): Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> {
  workbookWriter ??= import(WORKBOOK_WRITER_MODULE).then(
    (module: { default: typeof ExcelJS.stream.xlsx.WorkbookWriter }) => module.default,
  );
  return workbookWriter;
}

/**
 * exceljs's zip (archiver) dates every entry with the current time unless the entry says
 * otherwise: give each entry ZIP_ENTRY_DATE as it is added. Node's zlib deflate gives the same
 * bytes however its input is chunked, so the zip is then deterministic as written.
 *
 * The workbook is not re-zipped afterwards: exceljs writes its entries with data descriptors
 * (sizes after the data), and reading such a zip as a stream means scanning compressed bytes
 * for header signatures, which a large sheet eventually contains by chance (fflate's Unzip
 * then crashed at 100,000 records with "ctr is not a constructor").
 */
function fixedEntryDates(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // Patched on archiver's zip module, where queued entries are handed to the zip: exceljs
  // queues its first entries inside its constructor, before any option could date them.
  type ZipModule = { append: (source: unknown, data: { date?: Date }, callback: unknown) => unknown };
  const module = (workbook as unknown as { zip?: { _module?: ZipModule } }).zip?._module;
  if (!module || typeof module.append !== 'function')
    throw new Error('exceljs changed: its WorkbookWriter has no zip._module.append (archiver) to date the zip entries');
  const append = module.append.bind(module);
  module.append = (source, data, callback) => append(source, { ...data, date: ZIP_ENTRY_DATE }, callback);
}

/**
 * exceljs's streaming writer stores every hyperlink as an external relationship; a link to
 * a cell of the workbook must be a `location` instead, which its hyperlink writer emits
 * when the target is `Sheet!A1`.
 */
function internalHyperlinks(sheet: ExcelJS.Worksheet): void {
  const rels = (sheet as unknown as { _sheetRelsWriter?: { _hyperlinks: unknown[]; addHyperlink: unknown } })._sheetRelsWriter;
  if (!rels || !Array.isArray(rels._hyperlinks))
    throw new Error('exceljs changed: its WorksheetWriter has no _sheetRelsWriter._hyperlinks for internal links');
  rels.addHyperlink = (link: { address: string; target: string }) => {
    if (!link.target.startsWith('#')) throw new Error(`only links inside the workbook are written, got ${link.target}`);
    rels._hyperlinks.push({ address: link.address, target: link.target.slice(1) });
  };
}

export const xlsxEmitter: Emitter = {
  name: 'xlsx',
  emit: (ctx) => [
    {
      path: XLSX_PATH,
      contents: {
        prepare: async () => {
          await loadWorkbookWriter();
        },
        writeTo: (path: string) => writeWorkbook(path, ctx),
      },
    },
  ],
};
