/**
 * Outputs are written piece by piece (issues #7 and #12: a 100,000-record build holds neither
 * every output nor the dataset): a frame with slots, then each record's piece. The pieces must
 * give exactly the bytes of the one-string writers, and the workbook's CSV reader must read
 * back exactly what the CSV writer wrote, wherever the file is cut into chunks.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Assembler, slotId } from '../src/emit/assemble.js';
import { csvLine, csvRows } from '../src/emit/csv.js';
import { toCsv } from './helpers/csv-reference.js';
import { indentJson, JsonArraySlot, jsonFrame, jsonItem } from '../src/emit/json-frame.js';
import { lineSlot, type Slot, stableJson } from '../src/emit/types.js';

/** Assembles files from frames and pieces (each piece: file index, slot name, text), into strings. */
function assemble(frames: (readonly (string | Slot)[])[], pieces: readonly [number, string, string][]): string[] {
  const texts = frames.map(() => [] as string[]);
  const assembler = new Assembler(
    frames.map((parts, i) => ({ path: `f${i}`, emitter: `e${i}`, parts })),
    (path) => ({
      write: (text) => texts[Number(path.slice(1))]!.push(typeof text === 'string' ? text : new TextDecoder().decode(text)),
      end: () => {},
    }),
  );
  for (const [file, slot, text] of pieces) assembler.add(slotId(`e${file}`, slot), text);
  assembler.end();
  return texts.map((t) => t.join(''));
}

/** A JSON value whose arrays of objects at depth 1 or 2 under object keys are slots, and the whole value. */
const framedValue = fc
  .dictionary(
    fc.string({ maxLength: 6 }),
    fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }).map((items) => ({ slot: items })),
      fc
        .dictionary(fc.string({ maxLength: 4 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }), { maxKeys: 3 })
        .map((slots) => ({ nested: slots })),
    ),
    { maxKeys: 5 },
  )
  .map((entries) => {
    const framed: Record<string, unknown> = {};
    const whole: Record<string, unknown> = {};
    const pieces: [string, unknown[], number][] = [];
    Object.entries(entries).forEach(([key, value], i) => {
      if (value && typeof value === 'object' && 'slot' in value && Array.isArray(value.slot)) {
        framed[key] = new JsonArraySlot(`s${i}`, 1);
        whole[key] = value.slot;
        pieces.push([`s${i}`, value.slot, 1]);
      } else if (value && typeof value === 'object' && 'nested' in value && value.nested && typeof value.nested === 'object') {
        const inner = Object.entries(value.nested as Record<string, unknown[]>);
        framed[key] = Object.fromEntries(inner.map(([k], j) => [k, new JsonArraySlot(`s${i}.${j}`, 2)]));
        whole[key] = Object.fromEntries(inner);
        inner.forEach(([, items], j) => {
          pieces.push([`s${i}.${j}`, items, 2]);
        });
      } else {
        framed[key] = value;
        whole[key] = value;
      }
    });
    return { framed, whole, pieces };
  });

describe('JSON frames and pieces', () => {
  it('give the bytes of stableJson for any value whose arrays are slots, empty ones included', () => {
    fc.assert(
      fc.property(framedValue, ({ framed, whole, pieces }) => {
        const parts = pieces.flatMap(([slot, items, depth]) =>
          items.map((item) => [0, slot, jsonItem(item, depth)] as [number, string, string]),
        );
        expect(assemble([jsonFrame(framed)], parts)).toEqual([stableJson(whole)]);
      }),
      { numRuns: 500 },
    );
  });

  it('give the bytes of stableJson for record envelopes, Unicode, line breaks, undefined keys', () => {
    const records = [
      { id: 'a', name: 'Naxçıvan “corridor”\nline two', length: { value: 40, unit: 'km' }, skipped: undefined, list: [], empty: {} },
      { id: 'b', aliases: ['x|y', 'ə'], nested: [[1, 2], [], [{ k: null }]] },
    ];
    const frame = jsonFrame({
      name: 'x',
      collections: { corridors: new JsonArraySlot('c', 2), quotes: new JsonArraySlot('q', 2) },
      dropped: undefined,
    });
    const text = assemble(
      [frame],
      records.map((r) => [0, 'c', jsonItem(r, 2)] as [number, string, string]),
    );
    expect(text).toEqual([stableJson({ name: 'x', collections: { corridors: records, quotes: [] } })]);
  });

  it('refuses a slot declared at another depth than where it stands', () => {
    expect(() => jsonFrame({ records: new JsonArraySlot('r', 2) })).toThrow(/depth 1, not 2/);
  });
});

describe('the assembler', () => {
  it('refuses a piece for a slot already closed, and a slot nobody declared', () => {
    const frame = ['head\n', lineSlot('a'), 'middle\n', lineSlot('b'), 'tail\n'];
    expect(
      assemble(
        [frame],
        [
          [0, 'a', 'a1\n'],
          [0, 'b', 'b1\n'],
        ],
      ),
    ).toEqual(['head\na1\nmiddle\nb1\ntail\n']);
    expect(() =>
      assemble(
        [frame],
        [
          [0, 'b', 'b1\n'],
          [0, 'a', 'a1\n'],
        ],
      ),
    ).toThrow(/after that slot was closed/);
    expect(() => assemble([frame], [[0, 'c', 'c1\n']])).toThrow(/no file has the slot/);
  });

  it('writes files of text only, and several files at once', () => {
    expect(
      assemble(
        [['only text'], [lineSlot('x')], []],
        [
          [1, 'x', '1'],
          [1, 'x', '2'],
        ],
      ),
    ).toEqual(['only text', '12', '']);
  });
});

const cell = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'a,b', 'say "hi"', '""', 'line\r\nbreak', '\r', '\n', ' padded ', '=SUM(A1)', 'Türkiye'),
);
const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 300 });

describe('CSV lines', () => {
  it('give the bytes of csv-stringify (with the build options)', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        expect(['a,b,c\r\n', ...rs.map(csvLine)].join('')).toBe(toCsv(['a', 'b', 'c'], rs));
      }),
      { numRuns: 100 },
    );
  });

  it('are read back by csvRows as written, wherever the text is cut into chunks, as csv-parse reads them', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.nat(), { maxLength: 8 }), (rs, cuts) => {
        const text = rs.map(csvLine).join('');
        const at = [...new Set(cuts.map((c) => (text.length ? c % text.length : 0)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
        expect([...csvRows(chunks)]).toEqual(rs);
        if (text) expect(parse(text, { record_delimiter: '\r\n', relax_quotes: false })).toEqual(rs);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses text that is not as csvLine writes it', () => {
    expect(() => [...csvRows(['a,"b\r\n'])]).toThrow(/not CSV as csvLine writes it/);
    expect(() => [...csvRows(['a,b'])]).toThrow(/not CSV as csvLine writes it/);
  });
});

describe('indentJson', () => {
  it('gives the item as jsonItem writes it deeper, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), (value, depth, levels) => {
        expect(indentJson(jsonItem(value, depth), levels)).toBe(jsonItem(value, depth + levels));
      }),
      { numRuns: 500 },
    );
  });
});
