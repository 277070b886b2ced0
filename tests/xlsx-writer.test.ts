/**
 * The workbook is written by exceljs's streaming writer, loaded alone (src/emit/xlsx.ts): the
 * package's main module loads its readers too. The path reaches into exceljs, which has no
 * `exports` map to promise it: this checks it still is the class exceljs exports.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbookWriter } from '../src/emit/xlsx.js';

describe('the workbook writer', () => {
  it("is exceljs's own stream.xlsx.WorkbookWriter, loaded once", async () => {
    const writer = await loadWorkbookWriter();
    expect(writer).toBe(ExcelJS.stream.xlsx.WorkbookWriter);
    expect(await loadWorkbookWriter()).toBe(writer);
  });
});
