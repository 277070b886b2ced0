/**
 * The real, bundled command line (`npm run build:code` → build/cli/cli.js, run with plain
 * `node <file>` by `npm run cli`): exit codes and terminal output of a spawned process,
 * lazy loading, and the build phases (the library compiles while data/ is invalid).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { buildCode, buildScript, FIXTURES, ROOT, spawnCli, tempDir } from './cli-support.js';

let code = '';
let bin = '';
beforeAll(() => {
  code = buildCode();
  bin = join(code, 'cli', 'cli.js');
});

describe('the bundled bin', () => {
  it('--help: exit 0, the command list on stdout', async () => {
    const result = await spawnCli(bin, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: caucasus-corridors <command> \[options\]\n/);
  });

  it('--version and -v: the version, exit 0', async () => {
    expect(await spawnCli(bin, ['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(await spawnCli(bin, ['-v'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('a usage error: exit 2, message on stderr, nothing on stdout', async () => {
    expect(await spawnCli(bin, ['constructor'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'caucasus-corridors: unknown command "constructor" (commands: validate, build, verify-sources, report, new, diff)\n',
    });
  });

  it('invalid data: exit 1 and located problems on stdout; valid data: exit 0', async () => {
    const invalid = await spawnCli(bin, ['validate', `${FIXTURES}/errors`, '--format', 'github']);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout.split('\n')[0]).toMatch(
      /^::error file=tests\/fixtures\/cli\/errors\/agreements\/example-declaration\.yaml,line=8,col=5,title=references::/,
    );
    expect(await spawnCli(bin, ['validate', `${FIXTURES}/base`])).toEqual({
      code: 0,
      stdout: '✔ no problems (10 files checked)\n',
      stderr: '',
    });
  });

  it('build: exit 0, the outputs written, nothing on stderr (no warning from a bundled dependency)', async () => {
    const out = join(tempDir(), 'dist');
    const result = await spawnCli(bin, ['build', '--data', `${FIXTURES}/base`, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^built \d+ files into /);
    expect(existsSync(join(out, 'xlsx', 'caucasus-corridors.xlsx'))).toBe(true);
  });

  it('runs from any working directory (nothing resolved against the repository)', async () => {
    const elsewhere = tempDir();
    expect(await spawnCli(bin, ['validate', join(ROOT, FIXTURES, 'base')], { cwd: elsewhere })).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('lazy loading: --help and --version load no command module', () => {
  /** Every file the entry imports statically, transitively (what loads before any command runs). */
  function staticGraph(entry: string): string[] {
    const seen = new Set<string>([entry]);
    const queue = [entry];
    while (queue.length) {
      const file = queue.pop()!;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|^import\s*['"](\.[^'"]+)['"]/gm)) {
        const target = join(dirname(file), m[1] ?? m[2]!);
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return [...seen];
  }

  it('the entry statically imports none of zod, yaml or a command', () => {
    const files = staticGraph(bin);
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/\/\/ node_modules\/(zod|yaml|csv-stringify)\//);
    expect(text).not.toMatch(/\/\/ src\/(schema|load|validate|verify|diff|template|emit)\//);
    expect(text).toContain('// src/cli/table.ts');
    // …while the command chunks do hold them, loaded with import() when their command runs.
    expect(readFileSync(bin, 'utf8')).toMatch(/import\("\.\/[\w-]+\.js"\)|await import\(/);
  });
});

describe('build phases', () => {
  it('build:code wrote the library and the command line, outside the published files', () => {
    expect(existsSync(join(code, 'lib', 'schema.js'))).toBe(true);
    expect(existsSync(join(code, 'lib', 'schema.cjs'))).toBe(true);
    expect(existsSync(join(code, 'lib', 'schema.d.ts'))).toBe(true);
    expect(existsSync(bin)).toBe(true);
    expect(pkg.files).not.toContain('build');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('build/');
    // The code first, then the data (sync:package may follow: it regenerates what the build sizes).
    expect(pkg.scripts.build).toMatch(/^npm run build:code && npm run build:data(?: &&|$)/);
    expect(pkg.scripts).toMatchObject({
      'build:code': 'tsx scripts/build.ts code',
      'build:data': 'tsx scripts/build.ts data',
      cli: 'node build/cli/cli.js',
      // npm ci bundles the command line, so npm run validate works right after install.
      prepare: 'tsx scripts/build.ts cli',
    });
    for (const command of ['validate', 'report', 'new', 'diff'])
      expect(pkg.scripts[command as 'validate']).toBe(`node build/cli/cli.js ${command}`);
    expect(pkg.scripts['verify-sources']).toMatch(/^node build\/cli\/cli\.js verify-sources /);
  });

  it('npm run build on invalid data: build:code compiles the library, build:data fails and writes nothing', () => {
    // build:code (beforeAll) reads no data at all; here build:data meets the invalid data.
    expect(existsSync(join(code, 'lib', 'schema.js'))).toBe(true);
    const out = join(tempDir(), 'dist');
    const data = buildScript(['data', '--data', `${FIXTURES}/errors`, '--code', code, '--out', out]);
    expect(data.status).toBe(1);
    expect(data.stderr).toContain('build aborted');
    expect(existsSync(out)).toBe(false);
  });

  it('build:data copies the compiled library into the output', () => {
    const out = join(tempDir(), 'dist');
    const data = buildScript(['data', '--data', `${FIXTURES}/base`, '--code', code, '--out', out]);
    expect(data.status, data.stderr).toBe(0);
    expect(readFileSync(join(out, 'lib', 'schema.js'))).toEqual(readFileSync(join(code, 'lib', 'schema.js')));
    expect(existsSync(join(out, 'json', 'corridors.json'))).toBe(true);
  });

  it('build:data without build:code says what to run', () => {
    const result = buildScript(['data', '--code', join(tempDir(), 'none'), '--out', join(tempDir(), 'dist')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run "npm run build:code" first');
  });
});
