/**
 * What changed between two builds: records added, removed and changed (field by field),
 * JSON Schema files changed, and the semver bump the release rule asks for: removed
 * records or a schema change → major, new records → minor, corrections → patch.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMBINED_JSON_NAME } from '../model/paths.js';
import { COLLECTION_NAMES } from '../schema/index.js';
import { readRegularFile } from '../util/read-regular-file.js';
import { isObject, type Json } from './json.js';
import { diffValues, ValueIds, type DiffStats, type FieldChange } from './values.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

type JsonRecord = { id: string } & { [key: string]: Json };

export interface RecordRef {
  id: string;
  /** The record's name or title, when it has one. */
  label?: string;
}

export interface CollectionDiff {
  collection: string;
  added: RecordRef[];
  removed: RecordRef[];
  changed: (RecordRef & { changes: FieldChange[] })[];
}

export interface SchemaDiff {
  file: string;
  status: 'added' | 'removed' | 'changed';
  changes: FieldChange[];
}

export interface BuildDiff {
  old: { dir: string; version?: string };
  new: { dir: string; version?: string };
  collections: CollectionDiff[];
  schemas: SchemaDiff[];
  bump: Bump;
  reasons: string[];
}

/** Largest build file diff reads (a collection at 100,000 records is far below it). */
export const DIFF_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A build folder that cannot be read as one: the message says what and how to fix it. */
export class BuildReadError extends Error {}

export interface DiffBuildsOptions {
  maxFileBytes?: number;
  stats?: DiffStats;
}

// --- Reading builds -------------------------------------------------------------

interface Build {
  dir: string;
  version?: string;
  collections: Map<string, JsonRecord[]>;
  schemas: Map<string, Json>;
}

function readJson(path: string, maxBytes: number): Json {
  const read = readRegularFile(path, maxBytes);
  if (!read.ok) throw new BuildReadError(`cannot read ${path}: ${read.message}`);
  try {
    return JSON.parse(read.bytes.toString('utf8')) as Json;
  } catch (error) {
    throw new BuildReadError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function readBuild(dir: string, maxBytes: number): Build {
  const jsonDir = join(dir, 'json');
  const schemaDir = join(dir, 'schema');
  if (!isDirectory(dir)) throw new BuildReadError(`no such directory: ${dir}`);
  if (!isDirectory(jsonDir) || !isDirectory(schemaDir))
    throw new BuildReadError(
      `${dir} is not a build output folder: expected json/<collection>.json and schema/<collection>.schema.json in it (run "npm run build", or use the dist/ folder of a published package)`,
    );
  const collections = new Map<string, JsonRecord[]>();
  let version: string | undefined;
  const names = readdirSync(jsonDir)
    .filter((f) => f.endsWith('.json') && f !== COMBINED_JSON_NAME)
    .sort()
    .map((f) => f.slice(0, -'.json'.length));
  for (const name of names) {
    const path = join(jsonDir, `${name}.json`);
    const envelope = readJson(path, maxBytes);
    const records = isObject(envelope) && Object.hasOwn(envelope, 'records') ? envelope.records : undefined;
    if (!Array.isArray(records) || !records.every((r) => isObject(r) && Object.hasOwn(r, 'id') && typeof r.id === 'string'))
      throw new BuildReadError(`${path} is not a collection file: expected { "records": [ { "id": … }, … ] }`);
    collections.set(name, records as JsonRecord[]);
    if (isObject(envelope) && Object.hasOwn(envelope, 'version') && typeof envelope.version === 'string') version ??= envelope.version;
  }
  const schemas = new Map<string, Json>();
  for (const file of readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    schemas.set(file, readJson(join(schemaDir, file), maxBytes));
  return version === undefined ? { dir, collections, schemas } : { dir, version, collections, schemas };
}

// --- The diff ----------------------------------------------------------------------

const labelOf = (r: JsonRecord): string | undefined => {
  const label = Object.hasOwn(r, 'name') ? r.name : Object.hasOwn(r, 'title') ? r.title : undefined;
  return typeof label === 'string' ? label : undefined;
};
const refOf = (r: JsonRecord): RecordRef => {
  const label = labelOf(r);
  return label === undefined ? { id: r.id } : { id: r.id, label };
};

function diffCollection(collection: string, old: JsonRecord[], next: JsonRecord[], ids: ValueIds, stats: DiffStats): CollectionDiff {
  const byId = (records: JsonRecord[]) => new Map(records.map((r) => [r.id, r]));
  const oldById = byId(old);
  const newById = byId(next);
  const all = [...new Set([...oldById.keys(), ...newById.keys()])].sort();
  const out: CollectionDiff = { collection, added: [], removed: [], changed: [] };
  for (const id of all) {
    const a = oldById.get(id);
    const b = newById.get(id);
    if (!a) out.added.push(refOf(b!));
    else if (!b) out.removed.push(refOf(a));
    else {
      const changes = diffValues(a, b, { ids, stats });
      if (changes.length) out.changed.push({ ...refOf(b), changes });
    }
  }
  return out;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function diffBuilds(oldDir: string, newDir: string, options: DiffBuildsOptions = {}): BuildDiff {
  const maxBytes = options.maxFileBytes ?? DIFF_MAX_FILE_BYTES;
  const stats = options.stats ?? { comparisons: 0 };
  const ids = new ValueIds();
  const old = readBuild(oldDir, maxBytes);
  const next = readBuild(newDir, maxBytes);
  const names = [...new Set([...old.collections.keys(), ...next.collections.keys()])];
  // Registry order first, then any collection the registry no longer (or not yet) knows.
  const order = (c: string) => {
    const i = (COLLECTION_NAMES as readonly string[]).indexOf(c);
    return i === -1 ? COLLECTION_NAMES.length : i;
  };
  names.sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  const collections = names
    .map((c) => diffCollection(c, old.collections.get(c) ?? [], next.collections.get(c) ?? [], ids, stats))
    .filter((d) => d.added.length || d.removed.length || d.changed.length);

  const schemaFiles = [...new Set([...old.schemas.keys(), ...next.schemas.keys()])].sort();
  const schemas: SchemaDiff[] = [];
  for (const file of schemaFiles) {
    const a = old.schemas.get(file);
    const b = next.schemas.get(file);
    if (a === undefined) schemas.push({ file, status: 'added', changes: [] });
    else if (b === undefined) schemas.push({ file, status: 'removed', changes: [] });
    else if (ids.idOf(a) !== ids.idOf(b)) schemas.push({ file, status: 'changed', changes: diffValues(a, b, { ids, stats }) });
  }

  const count = (pick: (d: CollectionDiff) => unknown[]) => collections.reduce((n, d) => n + pick(d).length, 0);
  const added = count((d) => d.added);
  const removed = count((d) => d.removed);
  const changed = count((d) => d.changed);
  const reasons: string[] = [];
  let bump: Bump = 'none';
  if (removed || schemas.length) {
    bump = 'major';
    if (removed) reasons.push(`${plural(removed, 'record')} removed`);
    if (schemas.length) reasons.push(`${plural(schemas.length, 'schema file')} changed`);
  } else if (added) {
    bump = 'minor';
    reasons.push(`${plural(added, 'record')} added`);
  } else if (changed) {
    bump = 'patch';
    reasons.push(`${plural(changed, 'record')} corrected`);
  }
  return {
    old: old.version === undefined ? { dir: oldDir } : { dir: oldDir, version: old.version },
    new: next.version === undefined ? { dir: newDir } : { dir: newDir, version: next.version },
    collections,
    schemas,
    bump,
    reasons,
  };
}
