/**
 * Large outputs are written in chunks (issue #7: a 100,000-record build must not hold every
 * output in memory). The chunked writers must produce exactly the bytes of the one-string ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toCsvChunks } from '../src/emit/csv.js';
import { contentsOf, stableJson, stableJsonChunks } from '../src/emit/types.js';

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('stableJsonChunks', () => {
  it('gives the bytes of stableJson for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(joined(stableJsonChunks(value))).toBe(stableJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the bytes of stableJson for record envelopes, empty collections, undefined keys and Unicode', () => {
    const value = {
      name: 'caucasus-corridors',
      counts: { corridors: 2, quotes: 0 },
      collections: {
        corridors: [
          { id: 'a', name: 'Naxçıvan “corridor”\nline two', length: { value: 40, unit: 'km' }, skipped: undefined, list: [], empty: {} },
          { id: 'b', aliases: ['x|y', 'ə'], nested: [[1, 2], [], [{ k: null }]] },
        ],
        quotes: [],
      },
      dropped: undefined,
    };
    expect(joined(stableJsonChunks(value))).toBe(stableJson(value));
  });

  it('gives the bytes of stableJson across the batches long arrays are stringified in, at any depth', () => {
    const records = Array.from({ length: 601 }, (_, i) => ({
      id: `r${i}`,
      tags: i % 3 ? ['a', `b${i}`] : [],
      nested: { n: i, s: 'x\ny' },
    }));
    for (const value of [records, { records }, { collections: { a: records, b: records.slice(0, 256), c: records.slice(0, 257) } }])
      expect(joined(stableJsonChunks(value))).toBe(stableJson(value));
  });

  it('can be iterated again (written twice, or read back by a test)', () => {
    const chunks = stableJsonChunks({ records: [{ id: 'a' }, { id: 'b' }] });
    expect(joined(chunks)).toBe(joined(chunks));
    expect(contentsOf({ path: 'x.json', contents: chunks })).toBe(stableJson({ records: [{ id: 'a' }, { id: 'b' }] }));
  });
});

describe('toCsvChunks', () => {
  const cell = fc.oneof(fc.string(), fc.constantFrom('', 'a,b', 'say "hi"', 'line\r\nbreak', ' padded ', '=SUM(A1)', 'Türkiye'));
  it('gives the bytes of toCsv, across batch boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 2500 }), (rows) => {
        expect(joined(toCsvChunks(['a', 'b', 'c'], () => rows))).toBe(toCsv(['a', 'b', 'c'], rows));
      }),
      { numRuns: 30 },
    );
  });
});
