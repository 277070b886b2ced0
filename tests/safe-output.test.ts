/**
 * Issue #13, data loss: a build replaces its output folder wholesale, so it must refuse every
 * folder whose loss would hurt (exit 2, a clear message, nothing touched), and clean up after
 * builds that died mid-way.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDataDir } from '../src/build.js';
import { BUILD_MARKER, checkOutputDir, UnsafeOutputError } from '../src/safe-output.js';
import { cli as runCli } from './cli-support.js';
import { ROOT, scratchDirs, snapshotDir, VALID } from './helpers/run.js';

const fresh = scratchDirs('cc-safe-output-');
const pkg = { name: 'caucasus-corridors', version: '0.0.0-test' };
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;

/** A checkout-like folder: <dir>/data (the valid fixtures) and a file of the contributor's. */
function checkout(name: string): string {
  const dir = fresh(name);
  cpSync(VALID, join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'NOTES.md'), 'my notes\n');
  return dir;
}

/** `caucasus-corridors build …` run from `cwd`, in this process (`run(argv, io)` with io.cwd). */
const cli = (cwd: string, args: string[]) => runCli(args, { cwd });

/** A script (the command line's own file, or the package build script) in a process of its own, from `cwd`. */
function spawned(cwd: string, args: string[], script = join(ROOT, 'src', 'cli', 'main.ts')) {
  const run = spawnSync(process.execPath, ['--import', TSX, script, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectRefused(run: { code: number | null; stdout: string; stderr: string }, reason: RegExp) {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/refusing to write to .*: /);
  expect(run.stderr).toMatch(reason);
  expect(run.stderr).not.toMatch(/unexpected error|^\s+at /m);
}

describe('build refuses an output folder it must not replace (exit 2, nothing touched)', () => {
  it('--out . (the working directory)', async () => {
    const dir = checkout('cwd');
    const before = snapshotDir(dir);
    // In a process of its own: the working directory is the process's, as a contributor runs it.
    expectRefused(spawned(dir, ['build', '--out', '.']), /it is the working directory/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('--out .. (an ancestor of the working directory)', async () => {
    const dir = checkout('ancestor');
    const before = snapshotDir(dir);
    expectRefused(await cli(join(dir, 'data'), ['build', '--data', '.', '--out', '..']), /it contains the working directory/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('--data data --out data (the data folder)', async () => {
    const dir = checkout('data');
    const before = snapshotDir(dir);
    expectRefused(await cli(dir, ['build', '--data', 'data', '--out', 'data']), /it is the data folder being built/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('--out data/actors (inside the data folder)', async () => {
    const dir = checkout('inside-data');
    const before = snapshotDir(dir);
    expectRefused(await cli(dir, ['build', '--out', 'data/actors']), /it is inside the data folder/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('--out <folder containing the data> from elsewhere', async () => {
    const dir = checkout('contains-data');
    const elsewhere = fresh('elsewhere');
    const before = snapshotDir(dir);
    expectRefused(await cli(elsewhere, ['build', '--data', join(dir, 'data'), '--out', dir]), /it contains the data folder/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('--out NOTES.md (an existing file)', async () => {
    const dir = checkout('file');
    expectRefused(await cli(dir, ['build', '--out', 'NOTES.md']), /it is an existing file/);
    expect(readFileSync(join(dir, 'NOTES.md'), 'utf8')).toBe('my notes\n');
  });

  it("--out dist when dist/ is the contributor's own folder (no marker, files the build does not write)", async () => {
    const dir = checkout('own-dist');
    mkdirSync(join(dir, 'dist', 'json'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>mine</p>\n');
    writeFileSync(join(dir, 'dist', 'json', 'all.json'), '{}\n');
    const before = snapshotDir(dir);
    expectRefused(await cli(dir, ['build']), /not a previous build \(no \.caucasus-corridors-build file\).*would delete index\.html/);
    expect(snapshotDir(dir)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('staging'))).toEqual([]);
  });

  it('--out link (a symbolic link)', async () => {
    const dir = checkout('link');
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expectRefused(await cli(dir, ['build', '--out', 'link']), /symbolic link/);
  });

  it('the package build script refuses the same way', async () => {
    const dir = checkout('script');
    expectRefused(spawned(dir, ['--data', 'data', '--out', 'NOTES.md'], join(ROOT, 'scripts', 'build.ts')), /it is an existing file/);
    expect(readFileSync(join(dir, 'NOTES.md'), 'utf8')).toBe('my notes\n');
  });

  it('the library refuses too (the guard is not only in the CLI)', async () => {
    const dir = checkout('library');
    await expect(buildDataDir(join(dir, 'data'), join(dir, 'data'), { pkg })).rejects.toThrow(UnsafeOutputError);
    expect(() => checkOutputDir('/', {})).toThrow(/root of the file system/);
  });
});

describe('build accepts what is safe to replace', () => {
  it('a new folder, an empty folder, and a previous build (marker) are written', async () => {
    const dir = checkout('ok');
    mkdirSync(join(dir, 'empty'));
    for (const out of ['new', 'empty']) {
      const run = await cli(dir, ['build', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(join(dir, out, BUILD_MARKER))).toBe(true);
      expect(existsSync(join(dir, out, 'json', 'all.json'))).toBe(true);
    }
    writeFileSync(join(dir, 'new', 'json', 'leftover.json'), '{}\n');
    const again = await cli(dir, ['build', '--out', 'new']);
    expect(again.code, again.stderr).toBe(0);
    expect(existsSync(join(dir, 'new', 'json', 'leftover.json'))).toBe(false);
  });

  it('an older dist/ without the marker, holding only files the build writes', async () => {
    const dir = checkout('old-dist');
    await buildDataDir(join(dir, 'data'), join(dir, 'dist'), { pkg });
    rmSync(join(dir, 'dist', BUILD_MARKER));
    rmSync(join(dir, 'dist', 'csv'), { recursive: true }); // a subset is fine too
    const run = await cli(dir, ['build']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist', BUILD_MARKER))).toBe(true);
    expect(existsSync(join(dir, 'dist', 'csv'))).toBe(true);
  });
});

describe('staging folders of dead builds', () => {
  /** A process id that is certainly not running any more. */
  const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

  it('are removed by the next build', async () => {
    const dir = checkout('stale');
    const pid = deadPid();
    mkdirSync(join(dir, `.out-staging-${pid}`, 'json'), { recursive: true });
    writeFileSync(join(dir, `.out-staging-${pid}`, 'json', 'all.json'), '{');
    await buildDataDir(join(dir, 'data'), join(dir, 'out'), { pkg });
    mkdirSync(join(dir, `.out-previous-${pid}`));
    await buildDataDir(join(dir, 'data'), join(dir, 'out'), { pkg });
    expect(readdirSync(dir).sort()).toEqual(['NOTES.md', 'data', 'out']);
  });

  it("a dead build's previous output is put back when the output itself is gone", async () => {
    const dir = checkout('restore');
    const pid = deadPid();
    await buildDataDir(join(dir, 'data'), join(dir, `.out-previous-${pid}`), { pkg });
    const previous = snapshotDir(join(dir, `.out-previous-${pid}`));
    // The next build fails validation, so what is left is exactly what was restored.
    writeFileSync(join(dir, 'data', 'actors', 'broken.yaml'), 'id: broken\n');
    const result = await buildDataDir(join(dir, 'data'), join(dir, 'out'), { pkg });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['NOTES.md', 'data', 'out']);
    expect(snapshotDir(join(dir, 'out'))).toEqual(previous);
  });

  it("a live build's staging folder is left alone", async () => {
    const dir = checkout('live');
    mkdirSync(join(dir, `.out-staging-${process.ppid}`));
    await buildDataDir(join(dir, 'data'), join(dir, 'out'), { pkg });
    expect(existsSync(join(dir, `.out-staging-${process.ppid}`))).toBe(true);
  });
});
