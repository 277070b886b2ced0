/**
 * Issue #13, JSON Schema parity: the emitted JSON Schema accepts exactly what Zod accepts.
 *
 * Every field of every collection (present in a fixture or not) is set to near-valid values:
 * the valid value with a twist (padding, control, bidi and invisible characters, line breaks,
 * lengths at the bounds in UTF-16 units and in code points, reserved ids, other URL schemes,
 * impossible dates, numbers at and past the bounds, other JSON types) and, through fast-check,
 * arbitrary strings and JSON values. Zod and Ajv (the emitted schema) must agree on each.
 * A disagreement is fixed in the schema, never here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaOf } from '../src/emit/json-schema.js';
import { COLLECTION_NAMES, collections, type CollectionName } from '../src/schema/index.js';
import { listFields } from '../src/schema/walk.js';
import { VALID } from './helpers/run.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const ajv = new Ajv2020({ allErrors: false, strict: false });
addFormats.default(ajv);
const validators = new Map(COLLECTION_NAMES.map((c) => [c, ajv.compile(jsonSchemaOf(c))]));

const fixtures = (collection: CollectionName): Json[] =>
  readdirSync(join(VALID, collection))
    .sort()
    .map((f) => parse(readFileSync(join(VALID, collection, f), 'utf8')) as Json);

/** Where a value can be put: every leaf of the fixture, and every schema field (first list item). */
function targets(collection: CollectionName, record: Json): Path[] {
  const leaves: Path[] = [];
  const walk = (v: Json, path: Path) => {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
    else leaves.push(path);
  };
  walk(record, []);
  const fields = listFields(collections[collection].schema).map((f) =>
    f.listPath ? [...f.listPath, 0, ...f.path.slice(f.listPath.length)] : f.path,
  );
  const seen = new Set<string>();
  return [...leaves, ...fields].filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
}

function setAt(record: Json, path: Path, value: Json | undefined): Json {
  const root = structuredClone(record) as Record<string | number, Json>;
  let node = root as Record<string | number, Json>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, Json>;
  }
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

const valueAt = (record: Json, path: Path): Json | undefined =>
  path.reduce<Json | undefined>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, Json>)[k] : undefined),
    record,
  );

/** Near-valid variants of a value. */
function variants(value: Json | undefined): (Json | undefined)[] {
  const s = typeof value === 'string' ? value : 'Azerbaijan';
  const strings = [
    s,
    ` ${s}`,
    `${s} `,
    `${s}\n`,
    `${s}\n${s}`,
    `${s}\t${s}`,
    `${s}\r\n${s}`,
    `${s}\u001b[2J`,
    `\u0007${s}`,
    `${s}\u0000`,
    `${s}\u0085`,
    `${s}\u007f`,
    `\u202e${s}`,
    `${s}\u2066`,
    `\u200b${s}`,
    `${s}\u200b`,
    '\u200b',
    '\u3164',
    '\u00a0',
    '\ufeff',
    '\u2028',
    `${s}\u2028${s}`,
    `\u00a0${s}`,
    `${s}\u3000`,
    '',
    ' ',
    '.',
    'the',
    s.toUpperCase(),
    `${s}-`,
    `-${s}`,
    `${s}--x`,
    `${s}\ud800`,
    '\udc00',
    'Türkiye',
    'аzerbaijan',
    '😀'.repeat(3),
    'x'.repeat(400),
    'x'.repeat(401),
    '😀'.repeat(200),
    '😀'.repeat(201),
    `${'x'.repeat(399)}😀`,
    'con',
    'nul',
    'com1',
    'lpt9',
    'aux',
    'prn',
    'console',
    'con-1',
    'CON',
    'https://example.org/a?b=c#d',
    'http://example.org',
    'javascript:alert(1)',
    'ftp://example.org/x',
    'https://exa mple.org',
    'https://example.org/\n',
    'mailto:a@b.c',
    'https://',
    'https://-x.org',
    'HTTPS://EXAMPLE.ORG',
    'https://example.org:8080/p%20q',
    'https://example.org/%zz',
    'https://例え.jp',
    '2023',
    '١٠٠٠',
    '2023-02-29',
    '2024-02-29',
    '2023-13',
    '2023~',
    '2023?%',
    '2023-09-25%',
    '1000',
    '0999',
    '2100',
    '2101',
    '2023\n',
    'USD',
    'usd',
    'AZ',
    'XX',
    'en',
    'en-GB',
    'english',
    '0'.repeat(64),
    'a'.repeat(64),
    'A'.repeat(64),
    `${'0'.repeat(64)}\n`,
  ];
  const n = typeof value === 'number' ? value : 1;
  const numbers = [n, 0, -0, -1, 0.5, 1e9, 1e9 + 1, 1e300, -1e-300, n + 0.1, 2 ** 53, 1900, 2100];
  return [...strings, ...numbers, true, false, null, [], [s], [s, s], {}, { value: s }, undefined];
}

function agree(collection: CollectionName, record: Json): { zod: boolean; ajv: boolean } {
  const zod = collections[collection].schema.safeParse(record).success;
  const ajvOk = validators.get(collection)!(record) as boolean;
  return { zod, ajv: ajvOk };
}

describe('Zod and the emitted JSON Schema agree on near-valid values of every field', () => {
  for (const collection of COLLECTION_NAMES) {
    it(`${collection}: every field × every near-valid variant`, () => {
      const disagreements: string[] = [];
      let checked = 0;
      for (const record of fixtures(collection)) {
        expect(agree(collection, record)).toEqual({ zod: true, ajv: true });
        for (const path of targets(collection, record))
          for (const value of variants(valueAt(record, path))) {
            const mutated = setAt(record, path, value);
            const { zod, ajv } = agree(collection, mutated);
            checked++;
            if (zod !== ajv)
              disagreements.push(
                `${path.join('.')} = ${JSON.stringify(value)}: Zod ${zod ? 'accepts' : 'rejects'}, JSON Schema ${ajv ? 'accepts' : 'rejects'}`,
              );
          }
      }
      expect(checked).toBeGreaterThan(500);
      expect(disagreements).toEqual([]);
    });

    it(`${collection}: arbitrary strings and JSON values (fast-check)`, () => {
      const records = fixtures(collection);
      const paths = records.map((r) => targets(collection, r));
      fc.assert(
        fc.property(
          fc.nat(),
          fc.nat(),
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.string({
              unit: fc.constantFrom(
                'a',
                '-',
                ' ',
                '\n',
                '\t',
                '\u200b',
                '\u00a0',
                '\u202e',
                '\u0085',
                '\u001b',
                '😀',
                ':',
                '/',
                '.',
                '%',
                '0',
                'é',
              ),
              maxLength: 20,
            }),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          (ri, pi, value) => {
            const record = records[ri % records.length]!;
            const ps = paths[ri % records.length]!;
            const mutated = setAt(record, ps[pi % ps.length]!, value as Json);
            const { zod, ajv } = agree(collection, mutated);
            expect(ajv, `${JSON.stringify(ps[pi % ps.length])} = ${JSON.stringify(value)}`).toBe(zod);
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});

describe('emitted patterns compile everywhere', () => {
  const patterns = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) k === 'pattern' && typeof v === 'string' ? patterns.add(v) : collect(v);
  };
  for (const c of COLLECTION_NAMES) collect(jsonSchemaOf(c));
  const samples = [
    'Azerbaijan',
    ' a',
    'a ',
    'a\nb',
    'a\n',
    '\u200b',
    '\u3164',
    'a\u001bb',
    'a\u202eb',
    'a\u0085b',
    'Türkiye',
    'x\u00a0y',
    '',
    'con',
    'baku-x',
    '2023-02-29',
    'https://example.org/a',
    '😀x',
    'baku\n',
    '2023\n',
    '١٠٠٠',
    'en-١٢٣',
    `${'0'.repeat(64)}\n`,
    'USD\n',
  ];

  it('no \\p{…} classes, and every pattern compiles as a Unicode regular expression', () => {
    expect(patterns.size).toBeGreaterThan(3);
    for (const p of patterns) {
      expect(p).not.toMatch(/\\[pP]\{/);
      expect(() => new RegExp(p, 'u')).not.toThrow();
    }
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)("Python's re compiles every pattern and matches like JavaScript (python3 present)", () => {
    const script = `
import json, re, sys
data = json.load(sys.stdin)
print(json.dumps([[bool(re.search(p, s)) for s in data['samples']] for p in data['patterns']]))`;
    const list = [...patterns];
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify({ patterns: list, samples }), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const py = JSON.parse(run.stdout) as boolean[][];
    list.forEach((p, i) => {
      expect(py[i], p).toEqual(samples.map((s) => new RegExp(p, 'u').test(s)));
    });
  });
});
