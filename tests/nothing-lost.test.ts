/**
 * Issue #6 — nothing is lost: every record file becomes exactly one JSON record and one CSV
 * row, builds are reproducible to the byte, a failed build leaves the previous output as it
 * was, and neither validation nor the build ever touches the network.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildDataDir } from '../src/build.js';
import { columnsOf, decodeRow } from '../src/emit/csv-format.js';
import { linkTables } from '../src/emit/csv.js';
import { CITATIONS_CSV } from '../src/model/paths.js';
import type { PackageInfo } from '../src/model/package-info.js';
import { COLLECTION_NAMES, type CollectionName } from '../src/schema/index.js';
import { validateDataDir } from '../src/validate.js';
import { guardNetwork } from './helpers/network-guard.js';
import { ROOT, scratchDirs, snapshotDir as snapshot, VALID } from './helpers/run.js';

const DATA = join(ROOT, 'data');
const HOSTILE_MULTI = join(ROOT, 'tests', 'fixtures', 'hostile', 'multi-file', 'data');
const PKG: PackageInfo = { name: 'caucasus-corridors', version: '0.0.0-test' };

const freshDir = scratchDirs('cc-nothing-lost-');

function expectSameBytes(a: Map<string, Buffer>, b: Map<string, Buffer>) {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [path, bytes] of a) expect(b.get(path)!.equals(bytes), `${path} differs`).toBe(true);
}

const readCsv = (path: string) => parseCsv(readFileSync(path), { bom: true }) as string[][];
const stemsOf = (dataDir: string, c: CollectionName) =>
  readdirSync(join(dataDir, c))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => name.slice(0, -'.yaml'.length))
    .sort();

/** Builds dataDir and checks that every record file made it, whole, into every output. */
async function expectNothingLost(dataDir: string) {
  const out = join(freshDir('out'), 'dist');
  const result = await buildDataDir(dataDir, out, { pkg: PKG });
  expect(result.problems).toEqual([]);
  const all = JSON.parse(readFileSync(join(out, 'json', 'all.json'), 'utf8')) as {
    counts: Record<string, number>;
    collections: Record<string, unknown[]>;
  };
  let citations = 0;
  for (const c of COLLECTION_NAMES) {
    const stems = stemsOf(dataDir, c);
    expect(stems.length, `${c}: record files`).toBeGreaterThan(0);

    // JSON: one record per file, equal to what the YAML file says.
    const json = JSON.parse(readFileSync(join(out, 'json', `${c}.json`), 'utf8')) as { count: number; records: Record<string, unknown>[] };
    expect(json.count, `${c}: json count`).toBe(stems.length);
    expect(json.records.map((r) => r.id as string)).toEqual(stems);
    for (const { reported_fields: _computedByTheBuild, ...record } of json.records)
      expect(record, `${c}/${record.id as string}`).toEqual(
        YAML.parse(readFileSync(join(dataDir, c, `${record.id as string}.yaml`), 'utf8')),
      );
    expect(all.counts[c]).toBe(stems.length);
    expect(all.collections[c]).toEqual(json.records);

    // CSV: one row per file, decoding back to the JSON record.
    const columns = columnsOf(c);
    const [header, ...rows] = readCsv(join(out, 'csv', `${c}.csv`));
    expect(header).toEqual(columns.map((col) => col.name));
    expect(rows, `${c}: csv rows`).toHaveLength(stems.length);
    expect(rows.map((row) => decodeRow(row, columns))).toEqual(json.records);
    citations += json.records.reduce((sum, r) => sum + ((r.sources as unknown[] | undefined)?.length ?? 0), 0);
  }
  // Long tables: one row per citation and per list item.
  expect(readCsv(join(out, CITATIONS_CSV)).length - 1).toBe(citations);
  for (const table of linkTables()) {
    const records = all.collections[table.owner] as Record<string, unknown>[];
    const items = records.reduce((sum, r) => sum + ((r[table.field] as unknown[] | undefined)?.length ?? 0), 0);
    expect(readCsv(join(out, table.path)).length - 1, table.path).toBe(items);
  }
  return out;
}

describe('record counts: YAML files = JSON records = CSV rows', () => {
  it('tests/fixtures/valid', async () => {
    await expectNothingLost(VALID);
  });

  // data/ is being curated while this suite runs: it is checked whenever it validates.
  const dataProblems = existsSync(DATA) ? validateDataDir(DATA).problems : [];
  const dataReady = existsSync(DATA) && dataProblems.length === 0;
  const reason = !existsSync(DATA)
    ? 'data/ does not exist'
    : `data/ does not validate yet (${dataProblems.length} problem(s); first: ${dataProblems[0]?.file}:${dataProblems[0]?.line}: ${dataProblems[0]?.message})`;
  it.skipIf(!dataReady)(dataReady ? 'data/ (the real dataset)' : `data/ — SKIPPED: ${reason}`, async () => {
    await expectNothingLost(DATA);
  });
});

describe('reproducible builds', () => {
  it('two builds of the same input are byte-identical, also from a copy written in another order', async () => {
    const first = join(freshDir('a'), 'dist');
    const second = join(freshDir('b'), 'dist');
    const third = join(freshDir('c'), 'dist');
    await buildDataDir(VALID, first, { pkg: PKG });
    await buildDataDir(VALID, second, { pkg: PKG });
    // The same records, files created in reverse order (directory order must not matter).
    const copy = join(freshDir('reversed'), 'data');
    for (const c of [...COLLECTION_NAMES].reverse()) {
      mkdirSync(join(copy, c), { recursive: true });
      for (const stem of stemsOf(VALID, c).reverse()) cpSync(join(VALID, c, `${stem}.yaml`), join(copy, c, `${stem}.yaml`));
    }
    await buildDataDir(copy, third, { pkg: PKG });
    const a = snapshot(first);
    expect(a.size).toBeGreaterThan(10);
    expectSameBytes(a, snapshot(second));
    expectSameBytes(a, snapshot(third));
  });
});

describe('a failed build loses nothing', () => {
  const leftovers = (parent: string) => readdirSync(parent).filter((name) => name !== 'dist');

  async function previousBuild() {
    const parent = freshDir('atomic');
    const out = join(parent, 'dist');
    await buildDataDir(VALID, out, { pkg: PKG });
    return { parent, out, before: snapshot(out) };
  }

  it('invalid input: the previous output stays byte for byte, no staging folder is left', async () => {
    const { parent, out, before } = await previousBuild();
    const broken = join(freshDir('broken'), 'data');
    cpSync(VALID, broken, { recursive: true });
    cpSync(HOSTILE_MULTI, broken, { recursive: true });
    const result = await buildDataDir(broken, out, { pkg: PKG });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.files).toEqual([]);
    expectSameBytes(before, snapshot(out));
    expect(leftovers(parent)).toEqual([]);
  });

  it('invalid input and no previous output: nothing is created', async () => {
    const parent = freshDir('fresh');
    const broken = join(freshDir('broken'), 'data');
    cpSync(VALID, broken, { recursive: true });
    cpSync(HOSTILE_MULTI, broken, { recursive: true });
    const result = await buildDataDir(broken, join(parent, 'dist'), { pkg: PKG });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a failure after writing (afterEmit throws): the previous output stays, the staging folder is removed', async () => {
    const { parent, out, before } = await previousBuild();
    await expect(
      buildDataDir(VALID, out, {
        pkg: PKG,
        afterEmit() {
          throw new Error('compiler crashed');
        },
      }),
    ).rejects.toThrow('compiler crashed');
    expectSameBytes(before, snapshot(out));
    expect(leftovers(parent)).toEqual([]);
  });

  it('a failing emitter: the previous output stays, nothing is left behind', async () => {
    const { parent, out, before } = await previousBuild();
    const boom = {
      name: 'boom',
      emit: () => {
        throw new Error('emitter failed');
      },
    };
    await expect(buildDataDir(VALID, out, { pkg: PKG, emitters: [boom] })).rejects.toThrow('emitter failed');
    expectSameBytes(before, snapshot(out));
    expect(leftovers(parent)).toEqual([]);
  });
});

describe('no network', () => {
  it('the guard catches every way out: named imports, http, fetch, dns lookup and resolve', async () => {
    const guard = guardNetwork();
    try {
      const { connect } = await import('node:net');
      const { lookup, resolve4 } = await import('node:dns');
      const { get } = await import('node:http');
      await new Promise((done) => connect(65001, '127.0.0.1').on('error', done));
      await new Promise((done) => get('http://127.0.0.1:65002/').on('error', done));
      await fetch('http://127.0.0.1:65003/').catch(() => undefined);
      // A blocked call fails the way a refused one does: through the callback or by throwing.
      const settle = (start: (done: () => void) => void) =>
        new Promise<void>((done) => {
          try {
            start(done);
          } catch {
            done();
          }
        });
      await settle((done) => lookup('example.org', done));
      await settle((done) => resolve4('example.org', done));
      expect(guard.attempts).toEqual([
        'tcp connect 127.0.0.1:65001',
        'tcp connect 127.0.0.1:65002',
        'tcp connect 127.0.0.1:65003',
        'dns lookup example.org',
        'dns queryA example.org',
      ]);
    } finally {
      guard.restore();
    }
  });

  it('validate and build never open a connection or resolve a name', async () => {
    const guard = guardNetwork();
    try {
      const broken = join(freshDir('offline'), 'data');
      cpSync(VALID, broken, { recursive: true });
      cpSync(HOSTILE_MULTI, broken, { recursive: true });
      expect(validateDataDir(VALID).problems).toEqual([]);
      expect(validateDataDir(broken).problems.length).toBeGreaterThan(0);
      expect((await buildDataDir(VALID, join(freshDir('offline-out'), 'dist'), { pkg: PKG })).problems).toEqual([]);
      expect((await buildDataDir(broken, join(freshDir('offline-out'), 'dist'), { pkg: PKG })).problems.length).toBeGreaterThan(0);
      if (existsSync(DATA)) validateDataDir(DATA);
      expect(guard.attempts).toEqual([]);
    } finally {
      guard.restore();
    }
  });
});
