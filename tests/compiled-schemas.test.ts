/**
 * The loader parses records with Zod's runtime schemas interpreted (`jitless`) until a thread has
 * parsed enough of a collection, then with Zod's compiled schemas (src/load/record.ts, issue 12).
 * Compiled, interpreted and runtime schemas with Zod's own generated code must give the same
 * result, to the key order of the data and every issue of a refused value: checked on every
 * record of data/ and of the fixtures, and on variants of each that the schema refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { COMPILE_AFTER } from '../src/load/record.js';
import { COLLECTION_NAMES, collections, isCollectionName, type CollectionName } from '../src/schema/index.js';
import { ROOT } from './helpers/run.js';
import { yamlFiles } from './helpers/yaml-documents.js';

/** Each record file's collection (its folder) and value, for the files the fast path reads. */
function records(): [CollectionName, Record<string, unknown>][] {
  const files = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'tests', 'fixtures'))];
  return files.flatMap((file) => {
    const collection = file.split('/').at(-2)!;
    const value = isCollectionName(collection) ? fastParseYaml(readFileSync(file, 'utf8')) : undefined;
    return value && isCollectionName(collection) ? [[collection, value] as [CollectionName, Record<string, unknown>]] : [];
  });
}

/** Values near `value`: each key removed, given another type, an unknown key added, each list given a bad item. */
function variants(value: Record<string, unknown>): unknown[] {
  const out: unknown[] = [{ ...value, unknown_key: 'x' }];
  for (const [key, item] of Object.entries(value)) {
    const { [key]: _, ...without } = value;
    out.push(without);
    for (const other of [1, null, 'x', true, [], {}]) out.push({ ...value, [key]: other });
    if (Array.isArray(item)) out.push({ ...value, [key]: [...item, 42] }, { ...value, [key]: [...item, { ...item[0], extra: 1 }] });
  }
  return out;
}

const sameResult = (compiled: z.ZodType, runtime: z.ZodType, value: unknown, label: string) => {
  const b = runtime.safeParse(value);
  for (const a of [compiled.safeParse(value), runtime.safeParse(value, { jitless: true })]) {
    expect(a.success, label).toBe(b.success);
    // JSON text: the key order of the data counts (it is the order of every output).
    expect(JSON.stringify(a.data), label).toBe(JSON.stringify(b.data));
    expect(a.error?.issues, label).toEqual(b.error?.issues);
  }
  return b.success;
};

describe('compiled schemas', () => {
  const compiled = new Map(COLLECTION_NAMES.map((c) => [c, z.compile(collections[c].schema)]));

  it('accept every record as the runtime schemas do, with the same data in the same key order', () => {
    const all = records();
    expect(all.length).toBeGreaterThan(150);
    let valid = 0;
    for (const [collection, value] of all)
      if (sameResult(compiled.get(collection)!, collections[collection].schema, value, `${collection}: ${JSON.stringify(value)}`)) valid++;
    expect(valid).toBeGreaterThan(150);
  });

  it('refuse the variants the runtime schemas refuse, with the same issues', () => {
    let refused = 0;
    for (const [collection, value] of records())
      for (const variant of variants(value))
        if (!sameResult(compiled.get(collection)!, collections[collection].schema, variant, `${collection}: ${JSON.stringify(variant)}`))
          refused++;
    expect(refused).toBeGreaterThan(5000);
  });

  it('are what the loader switches to after COMPILE_AFTER records of a collection, interpreted until then', async () => {
    // The loader counts the records each thread parses: loaded afresh, its count starts at 0
    // whatever other test files of this fork parsed before (vitest.config.ts, isolate: false).
    vi.resetModules();
    const { parserFor } = await import('../src/load/record.js');
    const runtime = (await import('../src/schema/index.js')).collections.quotes.schema;
    const seen = Array.from({ length: COMPILE_AFTER + 1 }, () => {
      const { schema, params } = parserFor('quotes');
      return { schema, params };
    });
    expect(seen[0]).toEqual({ schema: runtime, params: { jitless: true } });
    // The COMPILE_AFTER-th record is the first one parsed compiled.
    expect(seen[COMPILE_AFTER - 2]).toEqual({ schema: runtime, params: { jitless: true } });
    expect(seen[COMPILE_AFTER - 1]!.schema).not.toBe(runtime);
    expect(seen[COMPILE_AFTER - 1]!.params).toBeUndefined();
    expect(seen.at(-1)).toEqual(seen[COMPILE_AFTER - 1]);
    expect(new Set(seen.map((s) => s.schema)).size).toBe(2);
  });
});
