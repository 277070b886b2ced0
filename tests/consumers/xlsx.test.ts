/**
 * The workbook: deterministic bytes (two writes two seconds apart are identical), typed
 * cells, no formula, frozen header, and hyperlinks that land on the row they name. The
 * LibreOffice cell-by-cell comparison is in `npm run test:spreadsheet`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { rezipWithFixedDates, xlsxEmitter, XLSX_PATH } from '../../src/emit/xlsx.js';
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
    const [file] = xlsxEmitter.emit(ctx);
    expect(file!.path).toBe(XLSX_PATH);
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

describe('the re-zip', () => {
  it('gives the same bytes however the input zip was chunked and dated', () => {
    const text = new TextEncoder().encode('<row>caucasus</row>'.repeat(20_000));
    const whole = join(scratch('rezip'), 'whole.zip');
    writeFileSync(whole, zipSync({ 'a.xml': text, 'b.xml': text.subarray(0, 1000) }, { mtime: new Date(2001, 1, 1) }));
    // The same entries deflated from uneven pieces, with another date.
    const pieces: Uint8Array[] = [];
    const zip = new Zip((_, chunk) => pieces.push(chunk));
    for (const [name, data] of [['a.xml', text], ['b.xml', text.subarray(0, 1000)]] as const) {
      const entry = new ZipDeflate(name, { level: 9 });
      entry.mtime = new Date(2020, 5, 5);
      zip.add(entry);
      for (let at = 0, step = 777; at < data.length; at += step, step = (step * 7) % 5000 + 1) entry.push(data.subarray(at, at + step), at + step >= data.length);
    }
    zip.end();
    const chunked = join(scratch('rezip'), 'chunked.zip');
    writeFileSync(chunked, Buffer.concat(pieces));
    expect(readFileSync(chunked).equals(readFileSync(whole))).toBe(false);
    rezipWithFixedDates(whole);
    rezipWithFixedDates(chunked);
    expect(readFileSync(chunked).equals(readFileSync(whole))).toBe(true);
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(whole)))['a.xml']!)).toBe(strFromU8(text));
  });
});
