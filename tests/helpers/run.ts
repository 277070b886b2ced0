import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const VALID = join(ROOT, 'tests', 'fixtures', 'valid');

export const tempDir = (prefix = 'cc-test-') => mkdtempSync(join(tmpdir(), prefix));

/** A temp dir inside node_modules/.cache, so built code there resolves the repo's dependencies. */
export const tempDirWithDeps = (prefix = 'cc-test-') => {
  const base = join(ROOT, 'node_modules', '.cache');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
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
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let n = 0;
  return (name) => {
    const dir = join(scratch, `${name}-${n++}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
}
