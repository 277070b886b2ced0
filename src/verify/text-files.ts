/**
 * Reads the archived source texts of a --texts folder without trusting it: only regular
 * files directly inside it, at most TEXT_MAX_MIB each; a symbolic link is followed only
 * to a file inside the folder. A file that cannot be read (dangling or looping link,
 * link out of the folder, FIFO or device, permission denied, too large) is a located
 * problem, and every other file is still read.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { displayPath } from '../model/record.js';
import type { Problem } from '../problems.js';
import { readRegularFile } from '../util/read-regular-file.js';

/** Largest source text read (the five archived texts are each well under 1 MiB). */
export const TEXT_MAX_MIB = 64;

export interface TextFile {
  path: string;
  bytes: Buffer;
}

export function readTextFiles(dir: string, maxBytes = TEXT_MAX_MIB * 1024 * 1024): { files: TextFile[]; problems: Problem[] } {
  const files: TextFile[] = [];
  const problems: Problem[] = [];
  const root = realpathSync(dir);
  const problem = (path: string, message: string) =>
    problems.push({ file: displayPath(path), line: 0, col: 0, rule: 'source-text-file', message });
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    let target = path;
    const link = lstatSync(path);
    if (link.isDirectory()) continue;
    if (link.isSymbolicLink()) {
      try {
        target = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem(
          path,
          code === 'ELOOP'
            ? 'symbolic link loop: replace the link with the text file'
            : 'dangling symbolic link: its target does not exist; fix or delete the link',
        );
        continue;
      }
      const rel = relative(root, target);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        problem(path, 'symbolic link to a file outside the --texts folder: not followed; copy the text into the folder instead');
        continue;
      }
      if (lstatSync(target).isDirectory()) continue;
    }
    const read = readRegularFile(target, maxBytes);
    if (read.ok) files.push({ path, bytes: read.bytes });
    else
      problem(
        path,
        read.reason === 'too-large'
          ? `source text file is too large: ${read.message} (texts are read whole; split or trim the file)`
          : read.reason === 'not-regular'
            ? `${read.message}: only regular text files belong in the --texts folder`
            : `${read.message}: fix its permissions or remove it from the --texts folder`,
      );
  }
  return { files, problems };
}
