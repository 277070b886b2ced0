/**
 * What is published, checked fast on the build of the global setup. Packing, installing
 * into empty projects, TypeScript under every resolution mode, publint, attw and other Node
 * versions run in `npm run test:consumers` (scripts/test-consumers.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { COUNTRY_CODES_MODULE, countryCodesModule } from '../scripts/gen-country-codes.js';
import { PACKAGE_JSON, syncedPackageJson } from '../scripts/package-exports.js';
import { COLLECTION_NAMES, collections } from '../src/schema/index.js';

const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));

describe('package.json', () => {
  it('has the exports and typesVersions the registry and emitters give (npm run sync:package)', () => {
    expect(readFileSync(PACKAGE_JSON, 'utf8')).toBe(syncedPackageJson(readFileSync(PACKAGE_JSON, 'utf8')));
    // A wildcard key in typesVersions would redirect the root import under node10 too.
    expect(Object.keys(pkg.typesVersions['*'])).not.toContain('*');
    expect(pkg.typesVersions['*'].corridors).toEqual(['./dist/corridors.d.cts']);
    expect(pkg.typesVersions['*']['json/corridors.json']).toEqual(['./dist/json/corridors.json']);
  });

  it('has no runtime dependency and no bin; zod ^4 is an optional peer', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toBeUndefined();
    expect(pkg.peerDependencies).toEqual({ zod: '^4' });
    expect(pkg.peerDependenciesMeta).toEqual({ zod: { optional: true } });
    expect(pkg.files).toContain('docs');
  });

  it('embeds the country codes generated from i18n-iso-countries (npm run gen:country-codes)', () => {
    expect(readFileSync(COUNTRY_CODES_MODULE, 'utf8')).toBe(countryCodesModule());
  });
});

describe('the built entries', () => {
  const dist = inject('packageDist');
  const read = (f: string) => readFileSync(join(dist, f), 'utf8');

  it('load every collection deep-frozen, ESM and CJS sharing one array', async () => {
    const require = createRequire(import.meta.url);
    const root = require(join(dist, 'index.cjs'));
    const esm = await import(join(dist, 'index.js'));
    for (const c of COLLECTION_NAMES) {
      const records = root[collections[c].exportName];
      expect(records.length, c).toBe(JSON.parse(read(`json/${c}.json`)).count);
      expect(esm[collections[c].exportName]).toBe(records);
      expect(require(join(dist, `${c}.cjs`))[collections[c].exportName]).toBe(records);
      expect(Object.isFrozen(records)).toBe(true);
      for (const r of records) expect(Object.isFrozen(r) && (!r.sources || Object.isFrozen(r.sources[0]))).toBe(true);
    }
    expect(() => root.corridors[0].sources.push({})).toThrow(TypeError);
  });

  it('declare the data with the generated interfaces, never with zod', () => {
    for (const f of ['index.d.ts', 'index.d.cts', 'corridors.d.ts', 'types.d.ts', 'types.d.cts']) expect(read(f), f).not.toMatch(/zod/);
    expect(read('corridors.d.ts')).toMatch(/export declare const corridors: readonly Corridor\[\];/);
  });

  it('compile /schema for browsers too: only zod is imported, no Node module', () => {
    for (const f of ['lib/schema.js', 'lib/schema.cjs']) {
      const code = read(f);
      const imports = [...code.matchAll(/(?:from\s*|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(imports, f).toEqual(['zod']);
      expect(code, f).not.toMatch(/\bprocess\b|i18n-iso-countries/);
      // Zod's public API only: no internals (`_zod`), so any zod 4 works.
      expect(code, f).not.toMatch(/_zod\b/);
    }
  });
});
