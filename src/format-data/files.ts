/** Formats or checks every record file of a data directory (npm run format:data). */
import { readFileSync, writeFileSync } from 'node:fs';
import { listRecordFiles } from '../load/files.js';
import type { Problem } from '../problems.js';
import { formatRecordFile } from './canonical.js';

export interface FormatDirResult {
  /** Display paths of the files that were not canonical (rewritten unless checking). */
  changed: string[];
  /** Files that could not be formatted (YAML errors), and layout problems of the directory. */
  problems: Problem[];
  checked: number;
}

export function formatDataDir(dataDir: string, options: { check: boolean }): FormatDirResult {
  const listing = listRecordFiles(dataDir);
  const changed: string[] = [];
  const problems: Problem[] = [...listing.problems];
  for (const file of listing.files) {
    const bytes = readFileSync(file.path);
    const outcome = formatRecordFile(file.collection, file.display, bytes);
    problems.push(...outcome.problems);
    if (outcome.text === undefined || outcome.text === Buffer.from(bytes).toString('utf8')) continue;
    changed.push(file.display);
    if (!options.check) writeFileSync(file.path, outcome.text);
  }
  return { changed, problems, checked: listing.files.length };
}
