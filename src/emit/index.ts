/** Every output format of the build. Order does not matter: emitters are independent. */
import { COLLECTION_NAMES, type AnyRecord, type CollectionName } from '../schema/index.js';
import type { Dataset } from '../model/dataset.js';
import type { PackageInfo } from '../model/package-info.js';
import { csvEmitter } from './csv.js';
import { datapackageEmitter } from './datapackage.js';
import { declarationsEmitter } from './declarations.js';
import { entriesEmitter } from './entries.js';
import { jsonSchemaEmitter } from './json-schema.js';
import { jsonEmitter } from './json.js';
import { OutputSet, recordPieces } from './outputs.js';
import type { Emitter, OutputFile } from './types.js';
import { xlsxEmitter } from './xlsx.js';

/** Data outputs: what `caucasus-corridors build` writes for any data directory. */
export const dataEmitters: readonly Emitter[] = [jsonEmitter, csvEmitter, jsonSchemaEmitter, datapackageEmitter, xlsxEmitter];
/** The package's JS/TS entries, written only by the package build (npm run build). */
export const packageEmitters: readonly Emitter[] = [entriesEmitter, declarationsEmitter];

/** The emitters of the build called `name`: how a build's worker threads find the emitters they run. */
export const emittersNamed = (names: readonly string[]): Emitter[] =>
  names.map((name) => {
    const emitter = [...dataEmitters, ...packageEmitters].find((e) => e.name === name);
    if (!emitter) throw new Error(`no emitter is called ${name}`);
    return emitter;
  });

/**
 * Every output of `emitters` for a dataset held in memory (tests, scripts), sorted by path: text
 * files as strings, binary files as FileWriters. The build writes the same files without ever
 * holding the dataset (src/build.ts).
 */
export function emitAll(emitters: readonly Emitter[], { dataset, pkg }: { dataset: Dataset; pkg: PackageInfo }): OutputFile[] {
  const texts = new Map<string, string[]>();
  const outputs = new OutputSet(
    emitters,
    {
      pkg,
      counts: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, dataset[c].length])) as Record<CollectionName, number>,
      outputs: { chunks: (path) => texts.get(path) ?? [] },
    },
    (path) => {
      const chunks: string[] = [];
      texts.set(path, chunks);
      return { write: (text) => chunks.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')), end: () => {} };
    },
  );
  for (const collection of COLLECTION_NAMES)
    for (const record of dataset[collection]) outputs.add(recordPieces(emitters, collection, record as AnyRecord));
  outputs.end();
  const files: OutputFile[] = [...texts].map(([path, chunks]) => ({ path, contents: chunks.join('') }));
  return [...files, ...outputs.writers].sort((a, b) => (a.path < b.path ? -1 : 1));
}

export type { Emitter, OutputFile } from './types.js';
