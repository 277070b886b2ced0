/**
 * Helpers of the tests/cli-*.test.ts suites. `cli` calls `run(argv, io)` in-process (fast);
 * `builtCli` bundles the real command line once per test file for the few tests that spawn
 * it to cover exit codes and terminal output.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { run } from '../src/cli/run.js';
import { ROOT, tempDir as makeTempDir } from './helpers/run.js';

export { ROOT };
export const FIXTURES = 'tests/fixtures/cli';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `caucasus-corridors ARGS…` in this process, from the repository root unless `cwd` is given. */
export async function cli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** A fresh temp dir, removed after the suite. */
export function tempDir(prefix = 'cc-cli-'): string {
  // helpers/run.ts removes it after this file's tests, also when it is made inside a test.
  return makeTempDir(prefix);
}

/** A copy of a fixture data dir (tests/fixtures/cli/<name>) at <tmp>/data. Returns <tmp>. */
export function fixtureCopy(name: string): string {
  const dir = tempDir();
  cpSync(join(ROOT, FIXTURES, name), join(dir, 'data'), { recursive: true });
  return dir;
}

/** Runs scripts/build.ts with ARGS from the repository root. */
export function buildScript(args: readonly string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

/**
 * Runs `npm run build:code` into a temp folder laid out as the repository is (removed after
 * the suite): <tmp>/package.json, which the command line reads the package's name and version
 * from, and <tmp>/node_modules (a link to the repository's) beside <tmp>/build. Outside any
 * node_modules folder, as the repository is, so Node treats the bundle as the project's own
 * code (it warns about deprecated APIs there, never inside node_modules). Returns <tmp>/build:
 * <build>/cli/cli.js is the bundled command line, <build>/lib the compiled library.
 */
export function buildCode(): string {
  const dir = makeTempDir('cc-cli-code-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const code = join(dir, 'build');
  const result = buildScript(['code', '--code', code]);
  if (result.status !== 0) throw new Error(`build:code failed:\n${result.stdout}\n${result.stderr}`);
  return code;
}

/** Spawns the bundled command line with plain `node <file>`, as `npm run cli` does. */
export function spawnCli(file: string, args: readonly string[], options: { cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
