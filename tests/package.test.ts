/**
 * Packs the package exactly as it would be published, installs the tarball into a fresh
 * project (offline, from the npm cache that `npm ci` filled) and uses it like a consumer:
 * ESM and CJS imports, TypeScript under node16 and bundler resolution, the bin via npx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT, tempDir, VALID } from './helpers/run.js';

const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let tarball: string;
let consumer: string;
const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

beforeAll(() => {
  const stage = join(tempDir('cc-pack-'), 'caucasus-corridors');
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', ...pkgJson.files.filter((f: string) => f !== 'dist')]) cpSync(join(ROOT, f), join(stage, f));
  cpSync(inject('packageDist'), join(stage, 'dist'), { recursive: true });
  const packed = npm(['pack', '--json', '--pack-destination', join(stage, '..')], stage);
  expect(packed.status, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout);
  tarball = join(stage, '..', info.filename);

  consumer = tempDir('cc-consumer-');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  const installed = npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], consumer);
  expect(installed.status, installed.stderr).toBe(0);
});

describe('the tarball', () => {
  it('holds only what users need', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/json/corridors.json');
    expect(files).toContain('dist/csv/agreement-parties.csv');
    expect(files).toContain('dist/datapackage.json');
    expect(files).toContain('LICENSE-DATA.md');
    expect(files).toContain('CITATION.cff');
    for (const f of files) expect(f, f).toMatch(/^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE(-DATA\.md)?$|CITATION\.cff$)/);
    expect(files.some((f) => f.startsWith('data/') || f.startsWith('src/') || f.startsWith('tests/'))).toBe(false);
  });

  it('passes publint', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  // Profile node16: node10 resolution (TypeScript's legacy "node" mode) cannot see exports subpaths at all.
  it('passes are-the-types-wrong for every entry point', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'node16', '--format', 'table', '--no-color'], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    // Problems are listed one per line, starting with their emoji; ignored ones start with "(ignored".
    expect(r.stdout).not.toMatch(/^(💀|❌|🐛|🥴|🎭|⚠️|❗️|🚭)/mu);
    expect(r.stdout).toMatch(/caucasus-corridors\/schema/);
  });
});

describe('installed into a fresh project', () => {
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' });

  it('imports from ESM, including subpaths and raw files', () => {
    const r = run([
      '--input-type=module',
      '-e',
      `import { corridors, quotes, version } from 'caucasus-corridors';
       import { corridors as only } from 'caucasus-corridors/corridors';
       import { tradeFigures } from 'caucasus-corridors/trade-figures';
       import { validateRecord } from 'caucasus-corridors/schema';
       import { createRequire } from 'node:module';
       const require = createRequire(import.meta.url);
       const pkg = require('caucasus-corridors/datapackage.json');
       const json = require('caucasus-corridors/json/corridors.json');
       console.log(JSON.stringify([version, corridors.length, only === corridors, quotes.length, tradeFigures.length, pkg.name, json.count, validateRecord('corridors', corridors[0]).success]));`,
    ]);
    expect(r.stderr).toBe('');
    const [version, n, same, nq, nt, name, count, valid] = JSON.parse(r.stdout);
    expect(version).toBe(pkgJson.version);
    expect(n).toBeGreaterThan(10);
    expect(same).toBe(true);
    expect(nq).toBeGreaterThan(5);
    expect(nt).toBeGreaterThan(0);
    expect(name).toBe('caucasus-corridors');
    expect(count).toBe(n);
    expect(valid).toBe(true);
  });

  it('requires from CJS', () => {
    const r = run(['-e', `const { actors, version } = require('caucasus-corridors'); const { validateRecord } = require('caucasus-corridors/schema'); console.log(version, actors.length > 10, validateRecord('actors', actors[0]).success)`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`${pkgJson.version} true true`);
  });

  const typecheck = (name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>) => {
    const dir = join(consumer, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', types: [], ...compilerOptions }, include: ['*.ts', '*.cts', '*.mts'] }));
    return spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  };

  const good = `import { corridors, tradeFigures, agreements, version, type Corridor } from 'caucasus-corridors';
import { quotes } from 'caucasus-corridors/quotes';
import { validateRecord, type TradeFigure } from 'caucasus-corridors/schema';
const names: string[] = corridors.map((c: Corridor) => c.name);
const km: number | undefined = corridors[0]?.length?.value;
const value: number = (tradeFigures[0] as TradeFigure).value;
const parties: readonly string[] = agreements[0]!.parties;
const speaker: string | undefined = quotes[0]?.speaker;
const v: string = version;
const result = validateRecord('corridors', {});
if (!result.success) console.log(result.problems[0]?.message);
console.log(names, km, value, parties, speaker, v);
`;
  const bad = `import { corridors } from 'caucasus-corridors';
console.log(corridors[0]?.lenght);
`;

  for (const [name, options] of [
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ] as const) {
    it(`type-checks a consumer under moduleResolution ${name}`, () => {
      const r = typecheck(`ts-${name}`, options, { 'consumer.ts': good });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
    it(`a misspelled field is a type error under ${name}`, () => {
      const r = typecheck(`ts-${name}-bad`, options, { 'consumer.ts': bad });
      expect(r.status).not.toBe(0);
      expect(r.stdout).toMatch(/error TS2551: Property 'lenght' does not exist on type .*Did you mean 'length'\?/);
    });
  }

  it('type-checks a CommonJS consumer (.cts) under node16', () => {
    const r = typecheck('ts-cjs', { module: 'node16', moduleResolution: 'node16' }, {
      'consumer.cts': `import data = require('caucasus-corridors');\nimport schema = require('caucasus-corridors/schema');\nexport const n: number = data.corridors.length + data.quotes.length;\nexport const ok: boolean = schema.validateRecord('quotes', data.quotes[0]).success;\n`,
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs the bin with npx: validate and build a data dir', () => {
    const data = join(consumer, 'data');
    cpSync(VALID, data, { recursive: true });
    const validate = npm(['exec', '--offline', '--', 'caucasus-corridors', 'validate', 'data'], consumer);
    expect(validate.stdout).toBe('✔ no problems (9 files checked)\n');
    expect(validate.status).toBe(0);
    const build = npm(['exec', '--offline', '--', 'caucasus-corridors', 'build', '--data', 'data', '--out', 'out'], consumer);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(consumer, 'out/csv/corridors.csv'))).toBe(true);
    const invalid = npm(['exec', '--offline', '--', 'caucasus-corridors', 'validate', 'nowhere'], consumer);
    expect(invalid.status).toBe(2);
  });
});
