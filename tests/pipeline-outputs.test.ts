import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDataDir } from '../src/build.js';
import { columnsOf, decodeRow } from '../src/emit/csv-format.js';
import { citationColumns } from '../src/emit/csv.js';
import { COLLECTION_NAMES, collections } from '../src/schema/index.js';
import { citation } from '../src/schema/primitives.js';
import { listFields } from '../src/schema/walk.js';
import { snapshotDir, tempDir, VALID } from './helpers/run.js';

const pkg = { name: 'caucasus-corridors', version: '9.8.7' };
let out: string;
const readJson = (path: string) => JSON.parse(readFileSync(join(out, path), 'utf8'));

beforeAll(async () => {
  out = join(tempDir(), 'dist');
  const result = await buildDataDir(VALID, out, { pkg });
  expect(result.problems).toEqual([]);
});

describe('JSON', () => {
  it('one envelope per collection, records sorted by id, version from package.json', () => {
    for (const c of COLLECTION_NAMES) {
      const json = readJson(`json/${c}.json`);
      expect(Object.keys(json)).toEqual(['name', 'version', 'collection', 'count', 'records']);
      expect(json).toMatchObject({ name: 'caucasus-corridors', version: '9.8.7', collection: c });
      expect(json.count).toBe(json.records.length);
      const ids = json.records.map((r: { id: string }) => r.id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('keys follow schema order, not file order', () => {
    const [corridor] = readJson('json/corridors.json').records;
    expect(Object.keys(corridor)).toEqual([
      'id',
      'name',
      'aliases',
      'kind',
      'modes',
      'countries',
      'endpoints',
      'length',
      'status',
      'status_history',
      'proponents',
      'sources',
    ]);
  });

  it('all.json combines every collection', () => {
    const all = readJson('json/all.json');
    for (const c of COLLECTION_NAMES) expect(all.collections[c]).toEqual(readJson(`json/${c}.json`).records);
    expect(all.counts).toEqual({ sources: 1, actors: 3, corridors: 2, agreements: 1, events: 1, 'trade-figures': 1, quotes: 1 });
  });
});

describe('CSV', () => {
  const csv = (path: string) => readFileSync(join(out, path), 'utf8');

  it('is UTF-8 without BOM, CRLF rows and keeps diacritics', () => {
    const bytes = readFileSync(join(out, 'csv/actors.csv'));
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('id,');
    expect(csv('csv/actors.csv')).toContain('\r\nturkiye,country,Türkiye,Turkey,TR,');
    expect(csv('csv/actors.csv')).toContain('Recep Tayyip Erdoğan');
    expect(csv('csv/corridors.csv')).toContain('Naxçıvan corridor');
  });

  it('round trip: parsing every CSV back reproduces the JSON records exactly', () => {
    for (const c of COLLECTION_NAMES) {
      const rows: string[][] = parseCsv(readFileSync(join(out, `csv/${c}.csv`)), { bom: true, relax_column_count: false });
      const columns = columnsOf(c);
      expect(rows[0]).toEqual(columns.map((col) => col.name));
      const decoded = rows.slice(1).map((row) => decodeRow(row, columns));
      expect(decoded).toStrictEqual(readJson(`json/${c}.json`).records);
    }
  });

  it('lists are |-joined with \\ escapes, formula-like text is neutralized', () => {
    const rows: string[][] = parseCsv(readFileSync(join(out, 'csv/corridors.csv')), { bom: true, columns: false });
    const header = rows[0]!;
    const row = rows.find((r) => r[0] === 'example-corridor')!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('aliases')).toBe('Naxçıvan corridor|a\\|b \\\\ c');
    expect(cell('countries')).toBe('azerbaijan|turkiye');
    expect(cell('length.value')).toBe('40');
    expect(cell('status_history.note')).toBe('|Talks resumed.');
    const citations: string[][] = parseCsv(readFileSync(join(out, 'csv/citations.csv')), { bom: true });
    // Every field of the citation schema, after the link columns: a field missing from the CSV fails here.
    const citationFields = listFields(citation).map((f) => f.path.join('.'));
    expect(citations[0]).toEqual(['collection', 'record', 'position', ...citationFields]);
    expect(citations[0]).toEqual(citationColumns());
    expect(citations[0]).toEqual(['collection', 'record', 'position', 'source', 'piece', 'excerpt', 'supports', 'certainty', 'note']);
    const citationRow = (collection: string, record: string, position: string) =>
      Object.fromEntries(
        citations[0]!.map((name, i) => [name, citations.find((r) => r[0] === collection && r[1] === record && r[2] === position)![i]]),
      );
    expect(citationRow('corridors', 'example-corridor', '2')).toEqual({
      collection: 'corridors',
      record: 'example-corridor',
      position: '2',
      source: 'example-news',
      piece: '',
      excerpt: "'+40 km of road and rail",
      supports: 'modes|length',
      certainty: '',
      note: 'Length.',
    });
    expect(citationRow('agreements', 'example-declaration', '2')).toMatchObject({
      supports: 'date|place|corridors[example-corridor]',
      certainty: 'reported',
    });
  });

  it('link tables list every item of a list of references, in order', () => {
    const rows: string[][] = parseCsv(readFileSync(join(out, 'csv/agreement-parties.csv')), { bom: true });
    expect(rows).toEqual([
      ['agreement', 'actor', 'position'],
      ['example-declaration', 'azerbaijan', '1'],
      ['example-declaration', 'turkiye', '2'],
    ]);
    const partOf: string[][] = parseCsv(readFileSync(join(out, 'csv/corridor-part-of.csv')), { bom: true });
    expect(partOf).toEqual([
      ['corridor', 'related_corridor', 'position'],
      ['example-railway', 'example-corridor', '1'],
    ]);
  });
});

describe('JSON Schema (generated by z.toJSONSchema) agrees with Zod', () => {
  const compile = (c: string) => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(ajv);
    return ajv.compile(readJson(`schema/${c}.schema.json`));
  };

  it('is a non-empty 2020-12 schema that compiles in Ajv strict mode', () => {
    for (const c of COLLECTION_NAMES) {
      const schema = readJson(`schema/${c}.schema.json`);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(JSON.stringify(schema).length).toBeGreaterThan(1000);
      expect(() => compile(c)).not.toThrow();
    }
  });

  it('every built record validates', () => {
    for (const c of COLLECTION_NAMES) {
      const validate = compile(c);
      for (const record of readJson(`json/${c}.json`).records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  const bad: [string, (typeof COLLECTION_NAMES)[number], (r: any) => void][] = [
    ['unknown key', 'corridors', (r) => (r.extra = 1)],
    ['nested unknown key', 'corridors', (r) => (r.sources[0].page = 1)],
    ['bad enum', 'corridors', (r) => (r.status = 'operatonal')],
    ['missing required', 'agreements', (r) => delete r.status],
    ['empty list', 'agreements', (r) => (r.parties = [])],
    ['impossible date', 'agreements', (r) => (r.date = '2023-02-30')],
    ['29 Feb of a non-leap year', 'agreements', (r) => (r.date = '1900-02-29')],
    ['far-future date', 'agreements', (r) => (r.date = '2150-01-01')],
    ['uppercase id', 'actors', (r) => (r.id = 'Azerbaijan')],
    ['bad country code', 'actors', (r) => (r.country_code = 'XX')],
    ['unknown actor kind', 'actors', (r) => (r.kind = 'region')],
    ['country field on a person', 'actors', (r) => Object.assign(r, { kind: 'person' })],
    ['negative value', 'trade-figures', (r) => (r.value = -1)],
    ['value as text', 'trade-figures', (r) => (r.value = '1')],
    ['long excerpt', 'quotes', (r) => (r.sources[0].excerpt = 'x'.repeat(401))],
    ['blank text', 'quotes', (r) => (r.text = ' padded ')],
    ['bad hash', 'sources', (r) => (r.text_sha256 = 'ABC')],
  ];
  it.each(bad)('rejects (both Zod and Ajv): %s', (_name, c, mutate) => {
    const record = structuredClone(readJson(`json/${c}.json`).records[0]);
    mutate(record);
    expect(collections[c].schema.safeParse(record).success).toBe(false);
    expect(compile(c)(record)).toBe(false);
  });

  it('accepts (both) what is valid: leap day, qualifiers, optional fields absent', () => {
    const record = structuredClone(readJson('json/agreements.json').records[0]);
    for (const date of ['2024-02-29', '2000-02-29', '2021~', '2021-06?']) {
      record.date = date;
      expect(collections.agreements.published.safeParse(record).success).toBe(true);
      expect(compile('agreements')(record)).toBe(true);
    }
  });
});

describe('determinism and atomicity', () => {
  it('two builds of the same input are byte-identical', async () => {
    const second = join(tempDir(), 'dist');
    await buildDataDir(VALID, second, { pkg });
    const a = snapshotDir(out);
    const b = snapshotDir(second);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), path).toBe(true);
    expect(JSON.stringify([...a.values()].map(String))).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });
});

describe('the built package', () => {
  // The package global setup built from data/ (tests/global-setup.ts): built once per run, not again here.
  const pkgDir = inject('packageDist');

  const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: pkgDir, encoding: 'utf8' });

  it('ESM and CJS entries export the same records as the JSON', () => {
    const expected = JSON.stringify(COLLECTION_NAMES.map((c) => JSON.parse(readFileSync(join(pkgDir, `json/${c}.json`), 'utf8')).records));
    const names = COLLECTION_NAMES.map((c) => `m.${collections[c].exportName}`).join(',');
    const esm = node([
      '--input-type=module',
      '-e',
      `import * as m from ${JSON.stringify(join(pkgDir, 'index.js'))}; console.log(JSON.stringify([${names}]))`,
    ]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe(expected);
    const cjs = node(['-e', `const m = require(${JSON.stringify(join(pkgDir, 'index.cjs'))}); console.log(JSON.stringify([${names}]))`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe(expected);
  });

  it('per-collection entries load only their own JSON', () => {
    const r = node([
      '--input-type=module',
      '-e',
      `import { corridors, version } from ${JSON.stringify(join(pkgDir, 'corridors.js'))}; import { createRequire } from 'node:module'; const req = createRequire(import.meta.url); console.log(version, corridors.length, Object.keys(req.cache).filter(k => k.endsWith('.json')).map(k => k.split('/').pop()).join(','))`,
    ]);
    expect(r.stderr).toBe('');
    const count = JSON.parse(readFileSync(join(pkgDir, 'json/corridors.json'), 'utf8')).records.length;
    expect(count).toBeGreaterThan(0);
    expect(r.stdout.trim()).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version} ${count} corridors.json`);
  });

  it('data entries import no runtime dependency and embed no data', () => {
    for (const file of ['index.js', 'index.cjs', 'corridors.js', 'corridors.cjs']) {
      const code = readFileSync(join(pkgDir, file), 'utf8');
      const specifiers = [...code.matchAll(/(?:from |require\()'([^']+)'/g)].map((m) => m[1]!);
      expect(specifiers.length).toBeGreaterThan(0);
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\/(json\/[a-z-]+\.json|[a-z-]+\.cjs)$/);
      expect(code.length).toBeLessThan(2000);
    }
  });

  it('the schema entry validates records (ESM and CJS)', () => {
    const record = readFileSync(join(pkgDir, 'json/corridors.json'), 'utf8');
    const script = (load: string) =>
      `${load}; const rec = ${record}.records[0]; console.log(JSON.stringify([m.validateRecord('corridors', rec).success, m.validateRecord('corridors', { ...rec, status: 'x' })]))`;
    const esm = node(['--input-type=module', '-e', script(`import * as m from ${JSON.stringify(join(pkgDir, 'lib/schema.js'))}`)]);
    const cjs = node(['-e', script(`const m = require(${JSON.stringify(join(pkgDir, 'lib/schema.cjs'))})`)]);
    for (const r of [esm, cjs]) {
      expect(r.stderr).toBe('');
      const [ok, bad] = JSON.parse(r.stdout);
      expect(ok).toBe(true);
      expect(bad.success).toBe(false);
      expect(bad.problems[0].path).toBe('status');
    }
  });
});

it('YAML fixtures and JSON agree on every value of every record (nothing dropped by the build)', () => {
  let compared = 0;
  for (const c of COLLECTION_NAMES) {
    const records = new Map<string, Record<string, unknown>>(readJson(`json/${c}.json`).records.map((r: { id: string }) => [r.id, r]));
    const files = existsSync(join(VALID, c)) ? readdirSync(join(VALID, c)).filter((f) => f.endsWith('.yaml')) : [];
    expect(records.size, c).toBe(files.length);
    for (const file of files) {
      const yamlRecord = parseYaml(readFileSync(join(VALID, c, file), 'utf8'));
      // The build adds only the computed reported_fields; every value of the file is kept as written.
      const { reported_fields: reported, ...json } = records.get(yamlRecord.id) ?? {};
      expect(json, `${c}/${file}`).toStrictEqual(yamlRecord);
      if (reported !== undefined) expect(reported).toEqual(expect.arrayContaining([expect.any(String)]));
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(COLLECTION_NAMES.length);
});
