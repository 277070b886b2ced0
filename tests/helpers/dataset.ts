import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir, VALID } from './run.js';

/** A copy of the valid fixture dataset in a temp dir, with some files replaced or removed. */
export function datasetWith(files: Record<string, string | null> = {}): string {
  const dir = join(tempDir(), 'data');
  cpSync(VALID, dir, { recursive: true });
  for (const [path, contents] of Object.entries(files)) {
    const full = join(dir, path);
    if (contents === null) rmSync(full, { force: true });
    else {
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, contents);
    }
  }
  return dir;
}
