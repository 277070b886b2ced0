/** `reported_fields`: computed by the build, shown in JSON, CSV, Table Schema and JSON Schema, never written in data. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataDir } from '../src/build.js';
import { validateDataDir } from '../src/validate.js';
import { datasetWith } from './helpers/dataset.js';
import { scratchDirs, VALID } from './helpers/run.js';

const fresh = scratchDirs('cc-reported-');
let out: string;
const readJson = (path: string) => JSON.parse(readFileSync(join(out, path), 'utf8'));

beforeAll(async () => {
  out = join(fresh('build'), 'dist');
  const result = await buildDataDir(VALID, out, { pkg: { name: 'caucasus-corridors', version: '0.0.0-test' } });
  expect(result.problems).toEqual([]);
});

describe('reported_fields', () => {
  it("JSON: the fields backed only by reported citations, after the record's own keys; absent when none", () => {
    const [declaration] = readJson('json/agreements.json').records;
    expect(declaration.reported_fields).toEqual(['date', 'place', 'corridors']);
    expect(Object.keys(declaration).at(-1)).toBe('reported_fields');
    for (const corridor of readJson('json/corridors.json').records) expect(corridor).not.toHaveProperty('reported_fields');
    expect(readJson('json/all.json').collections.agreements[0].reported_fields).toEqual(['date', 'place', 'corridors']);
  });

  it('CSV: a reported_fields column, |-joined', () => {
    const rows: string[][] = parseCsv(readFileSync(join(out, 'csv/agreements.csv')), { bom: true });
    const at = rows[0]!.indexOf('reported_fields');
    expect(at).toBe(rows[0]!.length - 1);
    expect(rows[1]![at]).toBe('date|place|corridors');
    const corridors: string[][] = parseCsv(readFileSync(join(out, 'csv/corridors.csv')), { bom: true });
    expect(corridors.slice(1).map((r) => r[corridors[0]!.indexOf('reported_fields')])).toEqual(['', '']);
  });

  it('Table Schema and JSON Schema declare it, saying the build computes it', () => {
    const resource = readJson('datapackage.json').resources.find((r: { name: string }) => r.name === 'agreements');
    const field = resource.schema.fields.find((f: { name: string }) => f.name === 'reported_fields');
    expect(field.type).toBe('string');
    expect(field.description).toMatch(/^Computed by the build/);
    const schema = readJson('schema/agreements.schema.json');
    expect(schema.properties.reported_fields.description).toMatch(/^Computed by the build/);
    expect(schema.properties.reported_fields.items.pattern).toBeDefined();
    expect(schema.required).not.toContain('reported_fields');
    const actors = readJson('schema/actors.schema.json');
    for (const variant of actors.oneOf ?? actors.anyOf) expect(variant.properties).toHaveProperty('reported_fields');
  });

  it('a data file may not contain it', () => {
    const dir = datasetWith();
    const file = join(dir, 'corridors', 'example-railway.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}reported_fields: [kind]\n`);
    const problems = validateDataDir(dir).problems;
    expect(problems.map((p) => [p.rule, p.message])).toEqual([['schema', expect.stringMatching(/unknown key "reported_fields"/)]]);
  });
});
