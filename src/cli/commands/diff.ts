/**
 * `caucasus-corridors diff <OLD> <NEW>`: what changed between two builds (records added,
 * removed and changed, field by field; JSON Schema changes), and the semver bump the
 * release rule asks for: removed records or a schema change → major, new records →
 * minor, corrections → patch.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { COMBINED_JSON_NAME, formatPath } from '../../model/paths.js';
import { COLLECTION_NAMES } from '../../schema/index.js';
import { EXIT, UsageError } from '../usage-error.js';

export const diffHelp = `caucasus-corridors diff <OLD> [NEW] [--format markdown|json]

Compares two build output folders (as written by "build" or "npm run build", or the dist/
folder of a published package): NEW defaults to dist. Lists the records added, removed and
changed per collection (changed ones field by field) and the JSON Schema files that
changed, then suggests the version bump:

  removed records or a schema change  → major
  new records                         → minor
  corrections (changed records only)  → patch

The markdown output (default) is meant to be pasted into a changeset (.changeset/*.md).`;

export const DIFF_FORMATS = ['markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export type Bump = 'major' | 'minor' | 'patch' | 'none';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { id: string } & { [key: string]: Json };

export interface FieldChange {
  /** Dotted path with list indexes, as in validation messages: sources[1].excerpt. */
  path: string;
  /** Absent when the field was added. */
  old?: Json;
  /** Absent when the field was removed. */
  new?: Json;
}

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

// --- Reading builds -------------------------------------------------------------

interface Build {
  dir: string;
  version?: string;
  collections: Map<string, JsonRecord[]>;
  schemas: Map<string, Json>;
}

function readJson(path: string): Json {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Json;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function readBuild(dir: string): Build {
  const jsonDir = join(dir, 'json');
  const schemaDir = join(dir, 'schema');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such directory: ${dir}`);
  if (!existsSync(jsonDir) || !existsSync(schemaDir))
    throw new UsageError(
      `${dir} is not a build output folder: expected json/<collection>.json and schema/<collection>.schema.json in it (run "npm run build", or use the dist/ folder of a published package)`,
    );
  const collections = new Map<string, JsonRecord[]>();
  let version: string | undefined;
  const names = readdirSync(jsonDir)
    .filter((f) => f.endsWith('.json') && f !== COMBINED_JSON_NAME)
    .map((f) => f.slice(0, -'.json'.length));
  for (const name of names) {
    const path = join(jsonDir, `${name}.json`);
    const envelope = readJson(path);
    const records = isObject(envelope) ? envelope.records : undefined;
    if (!Array.isArray(records) || !records.every((r) => isObject(r) && typeof r.id === 'string'))
      throw new UsageError(`${path} is not a collection file: expected { "records": [ { "id": … }, … ] }`);
    collections.set(name, records as JsonRecord[]);
    if (isObject(envelope) && typeof envelope.version === 'string') version ??= envelope.version;
  }
  const schemas = new Map<string, Json>();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.json')).sort()) schemas.set(file, readJson(join(schemaDir, file)));
  return { dir, version, collections, schemas };
}

// --- Comparing values ----------------------------------------------------------

const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);
const isScalarList = (v: Json | undefined): v is Json[] => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));

/**
 * Field-level differences. Lists of plain values (aliases, parties) are compared whole;
 * lists of mappings (sources, status_history) item by item, aligned on unchanged items
 * so that inserting a citation does not show every later one as changed.
 */
export function diffValues(old: Json | undefined, next: Json | undefined, path: (string | number)[] = []): FieldChange[] {
  if (same(old, next)) return [];
  const here = (): FieldChange[] => [{ path: formatPath(path), ...(old !== undefined ? { old } : {}), ...(next !== undefined ? { new: next } : {}) }];
  if (isObject(old) && isObject(next)) {
    const keys = [...Object.keys(old), ...Object.keys(next).filter((k) => !(k in old))];
    return keys.flatMap((k) => diffValues(old[k], next[k], [...path, k]));
  }
  if (Array.isArray(old) && Array.isArray(next) && !(isScalarList(old) && isScalarList(next))) return diffLists(old, next, path);
  return here();
}

function diffLists(old: Json[], next: Json[], path: (string | number)[]): FieldChange[] {
  // Longest common subsequence of identical items; the gaps between matches are paired
  // up position by position (a changed item), the rest is added or removed.
  const key = (v: Json) => JSON.stringify(v);
  const n = old.length;
  const m = next.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = key(old[i]!) === key(next[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const changes: FieldChange[] = [];
  let i = 0;
  let j = 0;
  const flush = (oldEnd: number, newEnd: number) => {
    while (i < oldEnd || j < newEnd) {
      if (i < oldEnd && j < newEnd) changes.push(...diffValues(old[i++]!, next[j++]!, [...path, j - 1]));
      else if (i < oldEnd) changes.push({ path: formatPath([...path, i]), old: old[i++]! });
      else changes.push({ path: formatPath([...path, j]), new: next[j++]! });
    }
  };
  while (i < n && j < m) {
    if (key(old[i]!) === key(next[j]!)) {
      i++;
      j++;
      continue;
    }
    // Find the next matched pair and flush the gap before it.
    let oi = i;
    let nj = j;
    while (oi < n && nj < m && key(old[oi]!) !== key(next[nj]!)) {
      if (lcs[oi + 1]![nj]! >= lcs[oi]![nj + 1]!) oi++;
      else nj++;
    }
    // No identical item left: everything that remains is one gap.
    if (oi === n || nj === m) flush(n, m);
    else flush(oi, nj);
  }
  flush(n, m);
  return changes;
}

// --- The diff ----------------------------------------------------------------------

const labelOf = (r: JsonRecord): string | undefined => {
  const label = r.name ?? r.title;
  return typeof label === 'string' ? label : undefined;
};
const refOf = (r: JsonRecord): RecordRef => (labelOf(r) ? { id: r.id, label: labelOf(r) } : { id: r.id });

function diffCollection(collection: string, old: JsonRecord[], next: JsonRecord[]): CollectionDiff {
  const byId = (records: JsonRecord[]) => new Map(records.map((r) => [r.id, r]));
  const oldById = byId(old);
  const newById = byId(next);
  const ids = [...new Set([...oldById.keys(), ...newById.keys()])].sort();
  const out: CollectionDiff = { collection, added: [], removed: [], changed: [] };
  for (const id of ids) {
    const a = oldById.get(id);
    const b = newById.get(id);
    if (!a) out.added.push(refOf(b!));
    else if (!b) out.removed.push(refOf(a));
    else {
      const changes = diffValues(a, b);
      if (changes.length) out.changed.push({ ...refOf(b), changes });
    }
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function diffBuilds(oldDir: string, newDir: string): BuildDiff {
  const old = readBuild(oldDir);
  const next = readBuild(newDir);
  const names = [...new Set([...old.collections.keys(), ...next.collections.keys()])];
  // Registry order first, then any collection the registry no longer (or not yet) knows.
  const order = (c: string) => {
    const i = (COLLECTION_NAMES as readonly string[]).indexOf(c);
    return i === -1 ? COLLECTION_NAMES.length : i;
  };
  names.sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  const collections = names
    .map((c) => diffCollection(c, old.collections.get(c) ?? [], next.collections.get(c) ?? []))
    .filter((d) => d.added.length || d.removed.length || d.changed.length);

  const schemaFiles = [...new Set([...old.schemas.keys(), ...next.schemas.keys()])].sort();
  const schemas: SchemaDiff[] = [];
  for (const file of schemaFiles) {
    const a = old.schemas.get(file);
    const b = next.schemas.get(file);
    if (a === undefined) schemas.push({ file, status: 'added', changes: [] });
    else if (b === undefined) schemas.push({ file, status: 'removed', changes: [] });
    else if (!same(a, b)) schemas.push({ file, status: 'changed', changes: diffValues(a, b) });
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
    old: { dir: oldDir, ...(old.version ? { version: old.version } : {}) },
    new: { dir: newDir, ...(next.version ? { version: next.version } : {}) },
    collections,
    schemas,
    bump,
    reasons,
  };
}

// --- Markdown --------------------------------------------------------------------

/** An inline code span that survives backticks inside the value. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || longest > 0 ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const value = (v: Json) => code(JSON.stringify(v));

function changeLine(c: FieldChange): string {
  if (c.old === undefined) return `${code(c.path)}: added ${value(c.new!)}`;
  if (c.new === undefined) return `${code(c.path)}: removed (was ${value(c.old)})`;
  return `${code(c.path)}: ${value(c.old)} → ${value(c.new)}`;
}

const escapeMarkdown = (text: string) => text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|]/g, '\\$&');
const recordLine = (r: RecordRef) => (r.label ? `${code(r.id)} (${escapeMarkdown(r.label)})` : code(r.id));

export function diffMarkdown(diff: BuildDiff): string {
  const lines: string[] = [];
  const total = (pick: (d: CollectionDiff) => unknown[]) => diff.collections.reduce((n, d) => n + pick(d).length, 0);
  const added = total((d) => d.added);
  const removed = total((d) => d.removed);
  const changed = total((d) => d.changed);
  if (!diff.collections.length && !diff.schemas.length) lines.push('No data or schema changes.');
  else {
    const parts = [
      added ? `${plural(added, 'record')} added` : '',
      changed ? `${plural(changed, 'record')} changed` : '',
      removed ? `${plural(removed, 'record')} removed` : '',
      diff.schemas.length ? `${plural(diff.schemas.length, 'schema file')} changed` : '',
    ].filter(Boolean);
    lines.push(`Data changes: ${parts.join(', ')}.`);
  }
  for (const d of diff.collections) {
    const counts = [
      d.added.length ? `${d.added.length} added` : '',
      d.changed.length ? `${d.changed.length} changed` : '',
      d.removed.length ? `${d.removed.length} removed` : '',
    ].filter(Boolean);
    lines.push('', `**${d.collection}** (${counts.join(', ')})`, '');
    for (const r of d.added) lines.push(`- added ${recordLine(r)}`);
    for (const r of d.changed) {
      lines.push(`- changed ${recordLine(r)}`);
      for (const c of r.changes) lines.push(`  - ${changeLine(c)}`);
    }
    for (const r of d.removed) lines.push(`- removed ${recordLine(r)}`);
  }
  if (diff.schemas.length) {
    lines.push('', '**JSON Schema**', '');
    for (const s of diff.schemas) {
      lines.push(`- ${s.status} ${code(s.file)}`);
      for (const c of s.changes) lines.push(`  - ${changeLine(c)}`);
    }
  }
  const why = diff.reasons.length ? ` (${diff.reasons.join(', ')})` : '';
  lines.push('', `Suggested version bump: ${diff.bump}${why}`);
  return `${lines.join('\n')}\n`;
}

export function runDiff(args: string[], options: { format?: string }): { output: string; code: number } {
  const format = (options.format ?? 'markdown') as DiffFormat;
  if (!DIFF_FORMATS.includes(format)) throw new UsageError(`diff --format must be one of ${DIFF_FORMATS.join(', ')}`);
  if (args.length < 1 || args.length > 2) throw new UsageError(`diff needs the older build folder, e.g. "diff old-dist" (NEW defaults to dist)\n\n${diffHelp}`);
  const [oldDir, newDir = 'dist'] = args as [string, string?];
  const diff = diffBuilds(oldDir, newDir);
  return { output: format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffMarkdown(diff), code: EXIT.ok };
}
