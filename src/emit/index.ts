/** Every output format of the build. Order does not matter: emitters are independent. */
import { csvEmitter } from './csv.js';
import { datapackageEmitter } from './datapackage.js';
import { declarationsEmitter } from './declarations.js';
import { entriesEmitter } from './entries.js';
import { jsonSchemaEmitter } from './json-schema.js';
import { jsonEmitter } from './json.js';
import type { EmitContext, Emitter, OutputFile } from './types.js';
import { xlsxEmitter } from './xlsx.js';

/** Data outputs: what `caucasus-corridors build` writes for any data directory. */
export const dataEmitters: readonly Emitter[] = [jsonEmitter, csvEmitter, jsonSchemaEmitter, datapackageEmitter, xlsxEmitter];
/** The package's JS/TS entries, written only by the package build (npm run build). */
export const packageEmitters: readonly Emitter[] = [entriesEmitter, declarationsEmitter];

export const emitAll = (emitters: readonly Emitter[], ctx: EmitContext): OutputFile[] =>
  emitters.flatMap((e) => e.emit(ctx)).sort((a, b) => (a.path < b.path ? -1 : 1));

export type { EmitContext, Emitter, OutputFile } from './types.js';
