/** Helpers of the tests/cli-*.test.ts suites: run the CLI from source as a child process. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

import { ROOT } from './helpers/run.js';

export { ROOT };
export const FIXTURES = 'tests/fixtures/cli';
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
// An absolute URL, so the CLI also runs with a working directory outside the repository.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `caucasus-corridors ARGS…`, run from the repository root unless `cwd` is given. */
export function cli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temp dir, removed after the suite. */
export function tempDir(prefix = 'cc-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of a fixture data dir (tests/fixtures/cli/<name>) at <tmp>/data. Returns <tmp>. */
export function fixtureCopy(name: string): string {
  const dir = tempDir();
  cpSync(join(ROOT, FIXTURES, name), join(dir, 'data'), { recursive: true });
  return dir;
}
