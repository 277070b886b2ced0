import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const VALID = join(ROOT, 'tests', 'fixtures', 'valid');

/**
 * The folders of one test run. tests/global-setup.ts makes them first and removes them, with
 * everything in them, when the run ends: also what a file that crashed before its hooks ran
 * left behind. Outside such a run (tests/site) temp folders go straight into the system's.
 */
export function startTempRun(): () => void {
  const tmp = mkdtempSync(join(tmpdir(), 'cc-run-'));
  const base = join(ROOT, 'node_modules', '.cache');
  mkdirSync(base, { recursive: true });
  const deps = mkdtempSync(join(base, 'cc-run-'));
  process.env.CC_TEST_TMP = tmp;
  process.env.CC_TEST_DEPS_TMP = deps;
  return () => {
    for (const dir of [tmp, deps]) rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Every temp folder made through these helpers is removed after the tests of the file that
 * made it (also when it was made inside a test, where a per-test afterAll would never run),
 * and at the latest when the process exits (the global setup, a crashed file).
 */
const created: string[] = [];
const removeCreated = () => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
};
process.once('exit', removeCreated);
try {
  afterAll(removeCreated);
} catch {
  // Not inside a test file (the global setup): the exit handler removes them.
}
const track = (dir: string) => {
  created.push(dir);
  return dir;
};

export const tempDir = (prefix = 'cc-test-') => track(mkdtempSync(join(process.env.CC_TEST_TMP ?? tmpdir(), prefix)));

/** A temp dir inside node_modules/.cache, so built code there resolves the repo's dependencies. */
export const tempDirWithDeps = (prefix = 'cc-test-') => {
  const base = process.env.CC_TEST_DEPS_TMP ?? join(ROOT, 'node_modules', '.cache');
  mkdirSync(base, { recursive: true });
  return track(mkdtempSync(join(base, prefix)));
};

/** Builds the whole package (data outputs + entries + compiled code) for a data dir. */
export function buildPackage(dataDir: string, outDir: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build.ts'), '--data', dataDir, '--out', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`package build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Every file under dir (relative path → bytes). */
export function snapshotDir(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** A scratch folder for one test file, removed after it; returns a maker of fresh sub-folders. */
export function scratchDirs(prefix: string): (name: string) => string {
  const scratch = mkdtempSync(join(process.env.CC_TEST_TMP ?? tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let n = 0;
  return (name) => {
    const dir = join(scratch, `${name}-${n++}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}
