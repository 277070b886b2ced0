/**
 * package.json `exports` and `typesVersions`, derived from the collection registry and
 * from the files the emitters write, never listed by hand: `npm run sync:package` writes
 * them, `npm run sync:package -- --check` fails when package.json has drifted.
 *
 * Every raw file gets an explicit key (no wildcard), so TypeScript's node10 resolution
 * finds each subpath through `typesVersions` (a `*` key there would break the root import),
 * and are-the-types-wrong checks each one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRIES } from '../src/emit/entries.js';
import { dataEmitters, emitAll } from '../src/emit/index.js';
import { COLLECTION_NAMES, type AnyRecord, type CollectionName } from '../src/schema/index.js';
import { SCHEMA_ENTRY } from './schema-entry.js';

const ROOT = join(import.meta.dirname, '..');
export const PACKAGE_JSON = join(ROOT, 'package.json');

type Conditions = Record<string, string | Record<string, string>>;

/** Paths (relative to dist/) of the data files every build writes, whatever the data. */
export function dataFilePaths(): string[] {
  const dataset = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, [] as AnyRecord[]])) as unknown as Record<CollectionName, AnyRecord[]>;
  return emitAll(dataEmitters, { dataset: dataset as never, pkg: { name: 'caucasus-corridors', version: '0.0.0' } })
    .map((f) => f.path)
    .sort();
}

/** Data files TypeScript can import (JSON); the others (CSV, XLSX) are assets. */
export const isTyped = (path: string): boolean => path.endsWith('.json');

export function packageExports(): { exports: Record<string, string | Conditions>; typesVersions: Record<string, Record<string, string[]>> } {
  const exports: Record<string, string | Conditions> = {};
  const types: Record<string, string[]> = {};
  for (const { entry } of ENTRIES) {
    const key = entry === 'index' ? '.' : `./${entry}`;
    exports[key] = {
      import: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
      require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
    };
    if (entry !== 'index') types[entry] = [`./dist/${entry}.d.cts`];
  }
  exports['./schema'] = {
    import: { types: `./dist/${SCHEMA_ENTRY.esmTypes}`, node: `./dist/${SCHEMA_ENTRY.nodeEsm}`, default: `./dist/${SCHEMA_ENTRY.esm}` },
    require: { types: `./dist/${SCHEMA_ENTRY.cjsTypes}`, node: `./dist/${SCHEMA_ENTRY.nodeCjs}`, default: `./dist/${SCHEMA_ENTRY.cjs}` },
  };
  types.schema = [`./dist/${SCHEMA_ENTRY.cjsTypes}`];
  for (const path of dataFilePaths()) {
    exports[`./${path}`] = `./dist/${path}`;
    // TypeScript resolves code and JSON only; CSV and the workbook are plain assets.
    if (isTyped(path)) types[path] = [`./dist/${path}`];
  }
  exports['./package.json'] = './package.json';
  return { exports, typesVersions: { '*': types } };
}

/** package.json with the derived fields in place (other fields and their order kept). */
export function syncedPackageJson(text: string): string {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  const { exports, typesVersions } = packageExports();
  pkg.exports = exports;
  pkg.typesVersions = typesVersions;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const current = readFileSync(PACKAGE_JSON, 'utf8');
  const expected = syncedPackageJson(current);
  if (values.check) {
    if (current !== expected) {
      const line = current.split('\n').findIndex((l, i) => l !== expected.split('\n')[i]) + 1;
      process.stderr.write(`package.json:${line}:1: error: "exports" / "typesVersions" differ from what the registry and emitters give; run \`npm run sync:package\` and commit package.json\n`);
      process.exit(1);
    }
    process.stdout.write('package.json exports and typesVersions up to date\n');
  } else if (current !== expected) {
    writeFileSync(PACKAGE_JSON, expected);
    process.stdout.write('updated package.json exports and typesVersions\n');
  }
}
