/**
 * The workbook: deterministic bytes (two writes two seconds apart are identical), typed
 * cells, no formula, frozen header, and hyperlinks that land on the row they name. The
 * LibreOffice cell-by-cell comparison is in `npm run test:spreadsheet`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvEmitter } from '../../src/emit/csv.js';
import { datapackageEmitter } from '../../src/emit/datapackage.js';
import { emitAll } from '../../src/emit/index.js';
import { xlsxEmitter, XLSX_PATH } from '../../src/emit/xlsx.js';
import type { FileWriter } from '../../src/emit/types.js';
import { toDataset } from '../../src/model/dataset.js';
import { validateDataDir } from '../../src/validate.js';
import { ROOT, scratchDirs } from '../helpers/run.js';

const scratch = scratchDirs('cc-xlsx-');
const pkg = { name: 'caucasus-corridors', version: '9.9.9', description: 'test build' };

let first: Buffer;
let second: Buffer;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const { records, problems } = validateDataDir(join(ROOT, 'data'));
  expect(problems).toEqual([]);
  const ctx = { dataset: toDataset(records), pkg };
  const write = async () => {
    const path = join(scratch('wb'), 'book.xlsx');
    // The workbook reads the CSV tables and the Data Package descriptor it is derived from.
    const file = emitAll([csvEmitter, datapackageEmitter, xlsxEmitter], ctx).find((f) => f.path === XLSX_PATH);
    await (file!.contents as FileWriter).writeTo(path);
    return readFileSync(path);
  };
  first = await write();
  await sleep(2100);
  second = await write();
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(first as unknown as ArrayBuffer);
});

describe('the workbook', () => {
  it('has the same bytes when written again two seconds later', () => {
    expect(first.length).toBeGreaterThan(1000);
    expect(second.equals(first)).toBe(true);
  });

  it('starts with a sheet giving the version, the licence and every column', () => {
    const about = workbook.worksheets[0]!;
    expect(about.name).toBe('about');
    expect(about.getCell('B2').value).toBe('9.9.9');
    expect(String(about.getCell('B3').value)).toMatch(/CC-BY-4\.0/);
    const columns = about.getColumn(2).values.filter(Boolean);
    expect(columns).toEqual(expect.arrayContaining(['excerpt', 'value', 'period.start']));
  });

  it('types cells on purpose: numbers, booleans, and text for ids and dates', () => {
    const figures = workbook.getWorksheet('trade-figures')!;
    const header = (figures.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(figures.rowCount).toBeGreaterThan(1);
    for (let r = 2; r <= figures.rowCount; r++) {
      const row = figures.getRow(r);
      expect(typeof row.getCell(col('value')).value).toBe('number');
      expect(typeof row.getCell(col('id')).value).toBe('string');
      const start = row.getCell(col('period.start')).value;
      if (start !== null) expect(typeof start).toBe('string');
      const approximate = row.getCell(col('approximate')).value;
      if (approximate !== null) expect(typeof approximate).toBe('boolean');
    }
    expect(figures.getColumn(col('period.start')).numFmt).toBe('@');
  });

  it('has no formula, a frozen header row, and links that land on the row they name', () => {
    const files = unzipSync(new Uint8Array(first));
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBe(workbook.worksheets.length);
    let links = 0;
    workbook.worksheets.forEach((ws, i) => {
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
      if (i === 0) return;
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      // Internal links are <hyperlink ref="B2" location="'actors'!A3"/> in the sheet's XML.
      const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!);
      for (const [, ref, location] of xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"\/>/g)) {
        links++;
        const [, sheet, address] = /^'(.+)'!([A-Z]+\d+)$/.exec(location!.replaceAll('&apos;', "'"))!;
        expect(workbook.getWorksheet(sheet!)!.getCell(address!).value, `${ws.name}!${ref} → ${location}`).toBe(ws.getCell(ref!).text);
      }
      expect(xml, ws.name).not.toMatch(/r:id="rId\d+"\/>/);
    });
    expect(links).toBeGreaterThan(100);
    for (const f of sheets) expect(strFromU8(files[f]!), f).not.toMatch(/<f[ >]/);
  });
});

describe('the zip', () => {
  // The workbook is written once and never read back as a stream: exceljs's entries have data
  // descriptors, and a streaming unzip (fflate's Unzip) crashed on a large workbook when it found
  // a header signature inside compressed bytes. Only the zip's own directory says where entries are.
  const DOS_DATE = ((1980 - 1980) << 9) | (1 << 5) | 1;
  const DOS_TIME = 12 << 11;

  it('dates every entry 1980-01-01 12:00, in its local header and in the central directory', () => {
    const buf = first;
    const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(end).toBeGreaterThan(0);
    const count = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let n = 0; n < count; n++) {
      expect(buf.readUInt32LE(at), `central entry ${n}`).toBe(0x02014b50);
      const name = buf.toString('utf8', at + 46, at + 46 + buf.readUInt16LE(at + 28));
      names.push(name);
      expect([buf.readUInt16LE(at + 12), buf.readUInt16LE(at + 14)], name).toEqual([DOS_TIME, DOS_DATE]);
      const local = buf.readUInt32LE(at + 42);
      expect(buf.readUInt32LE(local), name).toBe(0x04034b50);
      expect([buf.readUInt16LE(local + 10), buf.readUInt16LE(local + 12)], name).toEqual([DOS_TIME, DOS_DATE]);
      at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    }
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/theme/theme1.xml', 'docProps/core.xml']),
    );
    expect(names.filter((f) => f.startsWith('/'))).toEqual([]);
  });
});
