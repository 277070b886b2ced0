/**
 * Finds the record files of a data directory. Policy (documented in docs/data-files.md):
 * `data/<collection>/<id>.yaml` only. Any other file or folder inside data/ is an error,
 * so a `.yml`, a `.json` or an editor backup never silently drops out of the build.
 */
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { displayPath, type RecordFile } from '../model/record.js';
import { RECORD_EXTENSION } from '../model/paths.js';
import { COLLECTION_NAMES, isCollectionName, type CollectionName } from '../schema/index.js';
import type { Problem } from '../problems.js';
import { suggestion } from '../suggest.js';

function strayFileMessage(name: string): string {
  if (name.endsWith('.yml')) return `"${name}" has the extension .yml: rename it to ${name.slice(0, -4)}${RECORD_EXTENSION}`;
  if (/[~#]$|\.(bak|swp|swo|orig|tmp)$|^\.#/.test(name)) return `"${name}" looks like an editor backup or temporary file: delete it`;
  if (name.endsWith('.json')) return `"${name}" is JSON: records are YAML files named <id>${RECORD_EXTENSION}`;
  return `"${name}" is not a record file: only <id>${RECORD_EXTENSION} files belong in a collection folder`;
}

export function listRecordFiles(dataDir: string): { files: RecordFile[]; problems: Problem[] } {
  const files: RecordFile[] = [];
  const problems: Problem[] = [];
  // Collections in COLLECTION_NAMES order (the outputs' order), then the other entries by name.
  const rank = (name: string) => (isCollectionName(name) ? COLLECTION_NAMES.indexOf(name) : COLLECTION_NAMES.length);
  const entries = readdirSync(dataDir, { withFileTypes: true }).sort(
    (a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  for (const entry of entries) {
    const full = join(dataDir, entry.name);
    if (!entry.isDirectory()) {
      if (entry.name === 'README.md') continue;
      problems.push({
        file: displayPath(full),
        line: 0,
        col: 0,
        rule: 'data-layout',
        message: `files belong in a collection folder (${COLLECTION_NAMES.join(', ')}), not directly in the data directory`,
      });
      continue;
    }
    if (!isCollectionName(entry.name)) {
      problems.push({
        file: displayPath(full),
        line: 0,
        col: 0,
        rule: 'data-layout',
        message: `"${entry.name}" is not a collection folder${suggestion(entry.name, COLLECTION_NAMES)} (collections: ${COLLECTION_NAMES.join(', ')})`,
      });
      continue;
    }
    for (const file of listCollection(dataDir, entry.name, problems)) files.push(file);
  }
  return { files, problems };
}

export function listCollection(dataDir: string, collection: CollectionName, problems: Problem[]): RecordFile[] {
  const dir = join(dataDir, collection);
  const out: RecordFile[] = [];
  let entries: Dirent[];
  try {
    // The entry types come with the listing (as lstat would see them: a link is never
    // followed), so a large collection costs one readdir, not one stat per file. Sorted by
    // name without the extension: record files come in id order ("a-b.yaml" after "a.yaml").
    const key = (name: string) => (name.endsWith(RECORD_EXTENSION) ? name.slice(0, -RECORD_EXTENSION.length) : name);
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0,
    );
  } catch {
    return out;
  }
  // Display paths share the folder's prefix (the per-file path.relative is the costly part).
  const rel = relative(process.cwd(), dir);
  const prefix = rel ? `${displayPath(dir)}/` : undefined;
  for (const entry of entries) {
    const name = entry.name;
    const full = join(dir, name);
    const display = prefix ? `${prefix}${name}` : displayPath(full);
    if (entry.isFile() && name.endsWith(RECORD_EXTENSION) && !name.startsWith('.')) {
      out.push({ collection, path: full, display, stem: name.slice(0, -RECORD_EXTENSION.length) });
      continue;
    }
    // lstat, not stat: a link is never followed (it could point anywhere, or nowhere).
    let stats: Stats | undefined;
    try {
      stats = lstatSync(full);
    } catch {
      stats = undefined;
    }
    problems.push({ file: display, line: 0, col: 0, rule: 'data-layout', message: notARecordMessage(name, stats) });
  }
  return out;
}

function notARecordMessage(name: string, stats: Stats | undefined): string {
  if (!stats) return `"${name}" cannot be read: only <id>${RECORD_EXTENSION} files belong in a collection folder`;
  if (stats.isFile()) return strayFileMessage(name);
  if (stats.isDirectory()) return `"${name}" is a folder: collection folders hold record files only`;
  if (stats.isSymbolicLink()) return `"${name}" is a symbolic link: records must be plain files (copy the file instead of linking it)`;
  return `"${name}" is not a regular file: only <id>${RECORD_EXTENSION} files belong in a collection folder`;
}
