/**
 * dist/datapackage.json against the Data Package / Tabular Data Package profiles, and every
 * CSV against its Table Schema (types, required, enum, pattern, unique, primary and foreign
 * keys), using the Frictionless JavaScript libraries (`datapackage`, which bundles the
 * published profiles, so nothing is fetched). The CSVs are read exactly as built: UTF-8
 * without BOM, so no workaround is needed.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Package } from 'datapackage';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, scratchDirs } from './helpers/run.js';

const scratch = scratchDirs('cc-dp-');

async function readAll(dir: string) {
  const pkg = await Package.load(join(dir, 'datapackage.json'), { strict: false });
  const results: Record<string, number | string> = {};
  for (const resource of pkg.resources) {
    try {
      results[resource.name] = (await resource.read({ relations: true, keyed: true })).length;
    } catch (error) {
      const e = error as { message: string; errors?: { message: string }[] };
      results[resource.name] = [e.message, ...(e.errors ?? []).map((x) => x.message)].join(' | ');
    }
  }
  return { pkg, results };
}

let dist: string;
beforeAll(() => {
  dist = inject('packageDist');
});

describe('datapackage.json', () => {
  it('is a valid Tabular Data Package', async () => {
    const pkg = await Package.load(join(dist, 'datapackage.json'), { strict: false });
    expect(pkg.errors.map((e: Error) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.descriptor.profile).toBe('tabular-data-package');
    expect(pkg.profile.jsonschema.title).toMatch(/tabular data package/i);
    const d = pkg.descriptor;
    expect(d.name).toBe('caucasus-corridors');
    expect(d.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(d.licenses[0].name).toBe('CC-BY-4.0');
    expect(d.sources.length).toBe(readdirSync(join(ROOT, 'data', 'sources')).filter((f) => f.endsWith('.yaml')).length);
    expect(d.contributors.length).toBeGreaterThan(0);
  });

  it('describes every CSV with primary and foreign keys', () => {
    const d = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8'));
    const csvs = readdirSync(join(dist, 'csv'))
      .map((f) => `csv/${f}`)
      .sort();
    expect(d.resources.map((r: { path: string }) => r.path).sort()).toEqual(csvs);
    for (const r of d.resources) {
      expect(r.schema.primaryKey, r.name).toBeDefined();
      expect(r.schema.missingValues).toEqual(['']);
    }
    const figures = d.resources.find((r: { name: string }) => r.name === 'trade-figures');
    expect(figures.schema.foreignKeys).toContainEqual({ fields: 'reporter', reference: { resource: 'actors', fields: 'id' } });
    expect(figures.schema.fields.find((f: { name: string }) => f.name === 'value')).toMatchObject({
      type: 'number',
      constraints: { required: true },
    });
  });

  it('citations: one Table Schema field per column of citations.csv, typed from the citation schema', () => {
    const d = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8'));
    const fields: { name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }[] = d.resources.find(
      (r: { name: string }) => r.name === 'citations',
    ).schema.fields;
    const header = readFileSync(join(dist, 'csv/citations.csv'), 'utf8').split('\r\n', 1)[0]!.split(',');
    expect(fields.map((f) => f.name)).toEqual(header);
    expect(header).toEqual(['collection', 'record', 'position', 'source', 'piece', 'excerpt', 'supports', 'certainty', 'note']);
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(field('certainty').constraints?.enum).toEqual(['stated', 'reported']);
    expect(field('certainty').constraints?.required).toBeUndefined();
    for (const name of ['collection', 'record', 'position', 'source', 'excerpt', 'supports'])
      expect(field(name).constraints?.required, name).toBe(true);
    for (const name of ['piece', 'note']) expect(field(name).constraints?.required, name).toBeUndefined();
    expect(field('position').type).toBe('integer');
  });

  it('every CSV conforms to its Table Schema, foreign keys included', async () => {
    const { results } = await readAll(dist);
    const counts = JSON.parse(readFileSync(join(dist, 'json/all.json'), 'utf8')).counts;
    for (const [name, count] of Object.entries(counts)) expect(results[name], name).toBe(count);
    for (const [name, value] of Object.entries(results)) expect(typeof value, `${name}: ${value}`).toBe('number');
  });

  it('the Table Schema check can fail: a dangling foreign key and a bad enum are caught', async () => {
    const broken = join(scratch('broken'), 'dist');
    cpSync(dist, broken, { recursive: true });
    const parties = join(broken, 'csv/agreement-parties.csv');
    writeFileSync(parties, readFileSync(parties, 'utf8').replace(/\r\n([a-z0-9-]+),([a-z0-9-]+),1\r\n/, '\r\n$1,no-such-actor,1\r\n'));
    const corridors = join(broken, 'csv/corridors.csv');
    writeFileSync(corridors, readFileSync(corridors, 'utf8').replace(',proposed,', ',planned-ish,'));
    const { results } = await readAll(broken);
    expect(String(results['agreement-parties'])).toMatch(/foreign key/i);
    expect(String(results.corridors)).toMatch(/constraint|enum/i);
  });
});
