/**
 * The data rows of a workbook sheet as exceljs's streaming writer renders them, written
 * straight into its sheet stream: the XML of `sheet.addRow(values).commit()` (same row
 * element, `spans`, cell types and style ids, hyperlinks listed for the sheet) without one
 * Row, Cell or style object per cell, which made the workbook most of the build's time.
 * The header row, columns, sheet views and the zip stay with exceljs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null | { text: string; hyperlink: string };

/** A column as exceljs sees it: text columns carry the '@' (text) number format. */
export interface ColumnStyle {
  numFmt?: string;
}

/** Internal links (#'sheet'!A1) only; see `internalHyperlinks` in xlsx.ts. */
interface Hyperlinks {
  addHyperlink(link: { address: string; target: string }): void;
}

interface StylesXform {
  addStyleModel(model: object, cellType?: number): number;
}

// exceljs's Enums.ValueType.
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const HYPERLINK = 5;
const BOOLEAN = 9;

/** exceljs's utils.xmlEncode: the five entities, and characters XML 1.0 forbids dropped. */
const XML_SPECIAL = /[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const xmlText = (text: string): string => text.replace(XML_SPECIAL, (c) => ENTITIES[c] ?? '');

/** Column letters: 1 → A, 27 → AA. */
function columnLetters(n: number): string {
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const CHUNK_CHARS = 1 << 16;
/** Bytes of a sheet that may wait for the zip before rows stop coming (exceljs hands every chunk on at once). */
const MAX_WAITING = 4 << 20;

/**
 * exceljs's sheet stream (StreamBuf): the 64 KiB buffers it holds until the zip takes the entry,
 * then the zip's entry stream (a readable-stream 2 PassThrough, whose states count what it holds).
 */
interface SheetStream {
  write(text: string): unknown;
  buffers?: unknown[];
  bufSize?: number;
  pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[];
}

export class SheetRowWriter {
  private readonly letters: string[];
  private readonly styleIds = new Map<string, number>();
  private pending = '';
  private readonly stream: SheetStream;
  private readonly styles: StylesXform;
  private readonly hyperlinks: Hyperlinks;

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    sheet: ExcelJS.Worksheet,
    private readonly columns: readonly ColumnStyle[],
    private readonly linkFont: object,
  ) {
    const internals = { workbook: workbook as unknown as { styles?: StylesXform }, sheet: sheet as unknown as Record<string, unknown> };
    const styles = internals.workbook.styles;
    const stream = internals.sheet.stream as { write?: unknown } | undefined;
    const rels = internals.sheet._sheetRelsWriter as Hyperlinks | undefined;
    if (typeof styles?.addStyleModel !== 'function' || typeof stream?.write !== 'function' || typeof rels?.addHyperlink !== 'function')
      throw new Error(
        'exceljs changed: its WorkbookWriter has no styles.addStyleModel, or its WorksheetWriter no stream or _sheetRelsWriter',
      );
    this.styles = styles;
    this.stream = stream as SheetStream;
    this.hyperlinks = rels;
    this.letters = columns.map((_, i) => columnLetters(i + 1));
  }

  /** The style id exceljs gives a cell of this column and type (registered on first use, as exceljs does). */
  private styleId(column: number, type: number): number {
    const key = `${column}:${type}`;
    let id = this.styleIds.get(key);
    if (id === undefined) {
      const numFmt = this.columns[column]!.numFmt;
      const style: { numFmt?: string; font?: object } = numFmt ? { numFmt } : {};
      if (type === HYPERLINK) style.font = this.linkFont;
      id = this.styles.addStyleModel(style, type);
      this.styleIds.set(key, id);
    }
    return id;
  }

  /**
   * Writes row `number`; a row with no value is skipped, as exceljs skips it. True when a chunk
   * went to the stream: the caller then awaits `settle`, so the zip compresses it meanwhile.
   */
  addRow(number: number, values: readonly Cell[]): boolean {
    if (!values.some((v) => v !== null)) return false;
    // exceljs registers the row's own (empty) style first.
    if (this.styleIds.size === 0) this.styles.addStyleModel({});
    let xml = `<row r="${number}" spans="1:${values.length}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const address = `${this.letters[i]}${number}`;
      if (value === null) {
        const s = this.styleId(i, NULL);
        if (s) xml += `<c r="${address}" s="${s}"/>`;
        continue;
      }
      let type: number;
      let body: string;
      if (typeof value === 'number') {
        type = NUMBER;
        body = `><v>${xmlText(String(value))}</v>`;
      } else if (typeof value === 'boolean') {
        type = BOOLEAN;
        body = ` t="b"><v>${value ? 1 : 0}</v>`;
      } else if (typeof value === 'string') {
        type = STRING;
        body = ` t="str"><v>${xmlText(value)}</v>`;
      } else {
        type = HYPERLINK;
        body = ` t="str"><v>${xmlText(value.text)}</v>`;
        this.hyperlinks.addHyperlink({ address, target: value.hyperlink });
      }
      const s = this.styleId(i, type);
      xml += `<c r="${address}"${s ? ` s="${s}"` : ''}${body}</c>`;
    }
    this.pending += `${xml}</row>`;
    if (this.pending.length < CHUNK_CHARS) return false;
    this.flush();
    return true;
  }

  /**
   * Waits while more than MAX_WAITING bytes of the sheet wait for the zip: rows are made faster
   * than the zip compresses them (on libuv's threads), and without a bound a large sheet would
   * pile up in memory before the zip takes it.
   */
  async settle(): Promise<void> {
    const { buffers, bufSize, pipes } = this.stream;
    const waiting = () =>
      (buffers?.length ?? 0) * (bufSize ?? 0) +
      (pipes ?? []).reduce((n, p) => n + (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0), 0);
    while (waiting() > MAX_WAITING) await sleep(1);
  }

  flush(): void {
    if (this.pending) this.stream.write(this.pending);
    this.pending = '';
  }
}
