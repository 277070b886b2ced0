/**
 * `npm run test:consumers`: the package as a new user gets it. Builds data/ (or takes
 * `--dist DIR`), packs the tarball exactly as `npm publish` would, installs it into empty
 * projects and checks:
 *
 * - the tarball: what ships (data, docs, licences) and what does not (the CLI, sources);
 * - installing it adds exactly one package (zero runtime dependencies, zod an optional peer);
 * - ESM and CJS imports of every entry, the raw JSON paths, deep-frozen data, and a clear
 *   error from `caucasus-corridors/schema` when zod is missing; `/schema` with zod installed;
 * - TypeScript under node10, node16, nodenext and bundler resolution, `skipLibCheck: false`,
 *   with and without zod, all type-checked by ONE `tsc -b` process (one small project per
 *   mode); each project also proves a misspelled field is an error (`@ts-expect-error`);
 * - publint (strict) and are-the-types-wrong under every resolution mode;
 * - the runtime imports on Node 20 (this process), 22 and 24 (`npx -y node@22`, `node@24`:
 *   the npm registry's `node` package; `--node-versions 20` skips the others).
 *
 * Prints one line per check, the measured sizes, and `N passed, N failed`; exits non-zero
 * when anything failed. Needs the npm registry (zod and the node@22/24 packages).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRIES } from '../src/emit/entries.js';
import { COLLECTION_NAMES, collections } from '../src/schema/index.js';
import { check, finish } from './check-report.js';
import { dataFilePaths, isTyped, README, syncedReadme } from './package-exports.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'node-versions': { type: 'string', default: '20,22,24' },
  },
});
const scratch = mkdtempSync(join(tmpdir(), 'cc-consumers-'));
const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  files: string[];
  dependencies?: Record<string, string>;
  bin?: unknown;
  peerDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

const ran = (r: SpawnSyncReturns<string>, what: string): string[] =>
  r.error || r.status !== 0 ? [`${what} exited ${r.status ?? r.error?.message}:\n${r.stdout}${r.stderr}`.trim()] : [];

const env = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
};
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env });
const node = (args: string[], cwd: string) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });

function duBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    total += s.isDirectory() ? duBytes(p) : s.size;
  }
  return total;
}

function emptyProject(name: string, type: 'module' | 'commonjs' = 'module'): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type }));
  return dir;
}

// --- Runtime smoke scripts (also run on Node 22 and 24) --------------------------------
const collectionImports = COLLECTION_NAMES.map(
  (c) => `import { ${collections[c].exportName} as sub_${collections[c].exportName} } from '${pkgJson.name}/${c}';`,
).join('\n');
const esmSmoke = `import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as root from '${pkgJson.name}';
${collectionImports}
const require = createRequire(import.meta.url);
assert.equal(root.version, ${JSON.stringify(pkgJson.version)});
${COLLECTION_NAMES.map((c) => {
  const n = collections[c].exportName;
  return `assert.equal(sub_${n}, root.${n}, '${c}: the subpath and the root share one array');
assert.equal(root.${n}.length, require('${pkgJson.name}/json/${c}.json').count, '${c}: count');
assert.ok(Object.isFrozen(root.${n}) && root.${n}.every((r) => Object.isFrozen(r) && (!r.sources || Object.isFrozen(r.sources[0]))), '${c}: deep-frozen');`;
}).join('\n')}
assert.throws(() => root.corridors.push({}), TypeError);
assert.equal(require('${pkgJson.name}/datapackage.json').name, '${pkgJson.name}');
console.log('esm ok');
`;
const cjsSmoke = `'use strict';
const assert = require('node:assert/strict');
const root = require('${pkgJson.name}');
${COLLECTION_NAMES.map((c) => `assert.equal(require('${pkgJson.name}/${c}').${collections[c].exportName}, root.${collections[c].exportName});`).join('\n')}
assert.equal(root.version, ${JSON.stringify(pkgJson.version)});
assert.ok(Object.isFrozen(root.corridors[0].sources[0]));
assert.ok(require.resolve('${pkgJson.name}/csv/corridors.csv').endsWith('corridors.csv'));
console.log('cjs ok');
`;
const schemaSmoke = (format: 'esm' | 'cjs') =>
  format === 'esm'
    ? `import { validateRecord } from '${pkgJson.name}/schema';\nimport { corridors } from '${pkgJson.name}';\nconst ok = validateRecord('corridors', corridors[0]);\nconst bad = validateRecord('corridors', { ...corridors[0], lenght: 1 });\nif (!ok.success || bad.success || !/did you mean "length"/.test(bad.problems[0].message)) throw new Error(JSON.stringify([ok, bad]));\nconsole.log('schema esm ok');\n`
    : `const { validateRecord } = require('${pkgJson.name}/schema');\nconst { quotes } = require('${pkgJson.name}');\nif (!validateRecord('quotes', quotes[0]).success) throw new Error('quote invalid');\nconsole.log('schema cjs ok');\n`;

// --- TypeScript projects -----------------------------------------------------------------
const misspelled = `// @ts-expect-error a misspelled field is a type error\nexport const misspelled = corridors[0]?.lenght;\n`;
const esmConsumer = (
  json: boolean,
) => `import { corridors, tradeFigures, agreements, version, type Corridor, type TradeFigure } from '${pkgJson.name}';
import { quotes } from '${pkgJson.name}/quotes';
${json ? `import corridorsJson from '${pkgJson.name}/json/corridors.json'${''};\n` : ''}export const names: string[] = corridors.map((c: Corridor) => c.name);
export const km: number | undefined = corridors[0]?.length?.value;
export const value: number | undefined = (tradeFigures[0] as TradeFigure | undefined)?.value;
export const parties: readonly string[] | undefined = agreements[0]?.parties;
export const speaker: string | undefined = quotes[0]?.speaker;
export const v: string = version;
${json ? 'export const count: number = corridorsJson.count;\n' : ''}${misspelled}`;
const schemaConsumer = `import { validateRecord, corridorSchema } from '${pkgJson.name}/schema';
import { corridors } from '${pkgJson.name}';
const result = validateRecord('corridors', corridors[0]);
export const message: string | undefined = result.success ? result.data.name : result.problems[0]?.message;
export const parsed = corridorSchema.safeParse({}).success;
`;
const cjsConsumer = `import data = require('${pkgJson.name}');
import corridorsOnly = require('${pkgJson.name}/corridors');
export const n: number = data.corridors.length + data.quotes.length + corridorsOnly.corridors.length;
// @ts-expect-error the data is read-only
data.corridors[0]!.name = 'x';
`;

interface TsProject {
  name: string;
  compilerOptions: Record<string, unknown>;
  files: Record<string, string>;
}
const tsProjects = (withZod: boolean): TsProject[] => [
  {
    name: 'node10',
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10', resolveJsonModule: true, esModuleInterop: true },
    files: {
      'consumer.ts': esmConsumer(true),
      ...(withZod ? { 'schema.ts': schemaConsumer } : {}),
      'subpaths.ts': `${COLLECTION_NAMES.map((c) => `import { ${collections[c].exportName} } from '${pkgJson.name}/${c}';`).join('\n')}\nimport datapackage from '${pkgJson.name}/datapackage.json';\nimport all from '${pkgJson.name}/json/all.json';\nexport const counts = [${COLLECTION_NAMES.map((c) => `${collections[c].exportName}.length`).join(', ')}, datapackage.resources.length, all.counts];\n`,
    },
  },
  {
    name: 'node16',
    compilerOptions: { module: 'node16', moduleResolution: 'node16', resolveJsonModule: true },
    files: { 'consumer.ts': esmConsumer(false), 'cjs.cts': cjsConsumer, ...(withZod ? { 'schema.ts': schemaConsumer } : {}) },
  },
  {
    name: 'nodenext',
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', resolveJsonModule: true },
    files: { 'consumer.ts': esmConsumer(false), 'cjs.cts': cjsConsumer, ...(withZod ? { 'schema.ts': schemaConsumer } : {}) },
  },
  {
    name: 'bundler',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true },
    files: { 'consumer.ts': esmConsumer(true), ...(withZod ? { 'schema.ts': schemaConsumer } : {}) },
  },
];

function writeTsProjects(project: string, withZod: boolean): string[] {
  const refs: string[] = [];
  for (const p of tsProjects(withZod)) {
    const dir = join(project, `ts-${p.name}`);
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(p.files)) writeFileSync(join(dir, file), text);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          composite: true,
          strict: true,
          skipLibCheck: false,
          target: 'ES2022',
          types: [],
          outDir: 'out',
          declaration: true,
          ...p.compilerOptions,
        },
        include: ['*.ts', '*.cts', '*.mts'],
      }),
    );
    refs.push(dir);
  }
  return refs;
}

try {
  // --- Build and pack -----------------------------------------------------------------------
  let dist = values.dist;
  if (!dist) {
    dist = join(scratch, 'build', 'dist');
    const r = node(['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--out', dist], ROOT);
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  }
  const stage = join(scratch, 'stage', pkgJson.name);
  mkdirSync(stage, { recursive: true });
  for (const f of ['package.json', ...pkgJson.files.filter((f) => f !== 'dist' && !f.startsWith('!'))])
    cpSync(join(ROOT, f), join(stage, f), { recursive: true });
  cpSync(dist, join(stage, 'dist'), { recursive: true });
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dirname(stage)], stage);
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const info = JSON.parse(packed.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
  const tarball = join(dirname(stage), info.filename);
  const shipped = info.files.map((f) => f.path).sort();

  {
    const problems: string[] = [];
    const want = [
      'package.json',
      'README.md',
      'LICENSE',
      'LICENSE-DATA.md',
      'CITATION.cff',
      'docs/csv.md',
      'docs/fields.md',
      'dist/types.d.ts',
      'dist/lib/schema.js',
      'dist/lib/schema.node.js',
    ];
    for (const path of [
      ...want,
      ...dataFilePaths().map((p) => `dist/${p}`),
      ...ENTRIES.flatMap(({ entry }) => ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => `dist/${entry}.${ext}`)),
    ])
      if (!shipped.includes(path)) problems.push(`missing from the tarball: ${path}`);
    for (const path of shipped)
      if (/^(src|data|tests|scripts|ledgers)\/|(^|\/)cli(\.|\/)/.test(path)) problems.push(`must not ship: ${path}`);
    const pkg = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8')) as typeof pkgJson;
    if (pkg.bin) problems.push('package.json has "bin": the command line is repository tooling, run it with npm run cli in a clone');
    if (Object.keys(pkg.dependencies ?? {}).length)
      problems.push(`package.json has runtime dependencies: ${Object.keys(pkg.dependencies!).join(', ')}`);
    if (pkg.peerDependencies?.zod !== '^4') problems.push('zod must be a peer dependency ^4');
    check(
      `the tarball ships data, types, docs and licences, and no tooling (${shipped.length} files, ${info.size} bytes packed)`,
      problems,
    );
  }

  {
    const readme = readFileSync(README, 'utf8');
    const problems: string[] = [];
    if (readme !== syncedReadme(readme, dist))
      problems.push(
        'README.md: the imports table or the versioned links differ from this build; run `npm run build && npm run sync:package`',
      );
    const prefix = `https://cdn.jsdelivr.net/npm/${pkgJson.name}@${pkgJson.version}/`;
    for (const [, path] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!path!.startsWith('https://')) problems.push(`README.md: relative link ${path} is dead on the npm page; link ${prefix}<file>`);
      else if (path!.startsWith(prefix) && !shipped.includes(path!.slice(prefix.length)))
        problems.push(`README.md: ${path} is not in the tarball`);
    }
    for (const [path] of readme.matchAll(new RegExp(`${prefix.replaceAll('.', '\\.')}[^\\s\`)|]+`, 'g')))
      if (!path.endsWith('…') && !path.includes('<') && !shipped.includes(path.slice(prefix.length)))
        problems.push(`README.md: ${path} is not in the tarball`);
    check('README: sizes of what ships, and every link works on the npm page (versioned CDN links to files in the tarball)', problems);
  }

  // --- Data-only consumer: exactly one package ------------------------------------------------
  const dataOnly = emptyProject('data-only');
  {
    const r = npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], dataOnly);
    const problems = ran(r, 'npm install');
    const installed = readdirSync(join(dataOnly, 'node_modules')).filter((n) => !n.startsWith('.'));
    if (JSON.stringify(installed) !== JSON.stringify([pkgJson.name]))
      problems.push(`installed ${installed.join(', ')}; expected only ${pkgJson.name}`);
    check(
      `installing into an empty project adds exactly one package (node_modules ${duBytes(join(dataOnly, 'node_modules'))} bytes)`,
      problems,
    );
  }
  writeFileSync(join(dataOnly, 'esm.mjs'), esmSmoke);
  writeFileSync(join(dataOnly, 'cjs.cjs'), cjsSmoke);
  for (const [name, file] of [
    ['ESM import of every entry, JSON paths, deep-frozen data', 'esm.mjs'],
    ['CJS require of every entry and raw paths', 'cjs.cjs'],
  ] as const)
    check(`Node ${process.versions.node}: ${name}`, ran(node([file], dataOnly), file));
  {
    const problems: string[] = [];
    for (const [args, what] of [
      [['--input-type=module', '-e', `import '${pkgJson.name}/schema';`], 'import'],
      [['-e', `require('${pkgJson.name}/schema');`], 'require'],
    ] as const) {
      const r = node([...args], dataOnly);
      if (r.status === 0 || !r.stderr.includes('npm install zod@^4'))
        problems.push(
          `${what} of /schema without zod: expected an error saying "npm install zod@^4", got exit ${r.status}: ${r.stderr.split('\n').slice(0, 6).join('\n')}`,
        );
    }
    check('/schema without zod fails with an error saying how to fix it (ESM and CJS)', problems);
  }

  // --- With zod: the schema entry, and TypeScript ----------------------------------------------
  const withZod = emptyProject('with-zod');
  {
    const r = npm(
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', tarball, `zod@${pkgJson.devDependencies.zod ?? '^4'}`],
      withZod,
    );
    check('installs with zod beside it', ran(r, 'npm install'));
  }
  writeFileSync(join(withZod, 'schema.mjs'), schemaSmoke('esm'));
  writeFileSync(join(withZod, 'schema.cjs'), schemaSmoke('cjs'));
  check(`Node ${process.versions.node}: /schema with zod (ESM and CJS, validateRecord)`, [
    ...ran(node(['schema.mjs'], withZod), 'schema.mjs'),
    ...ran(node(['schema.cjs'], withZod), 'schema.cjs'),
  ]);

  {
    const refs = [...writeTsProjects(dataOnly, false), ...writeTsProjects(withZod, true)];
    const solution = join(scratch, 'tsconfig.json');
    writeFileSync(solution, JSON.stringify({ files: [], references: refs.map((path) => ({ path })) }));
    const tsc = node([join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', solution], scratch);
    check(
      `TypeScript (one tsc -b, ${refs.length} projects): node10, node16, nodenext, bundler; skipLibCheck false; with and without zod; misspelled fields are errors`,
      ran(tsc, 'tsc -b'),
    );
  }

  // --- publint and attw -------------------------------------------------------------------------
  check('publint --strict', ran(node([join(ROOT, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], scratch), 'publint'));
  {
    // CSV and XLSX subpaths are assets TypeScript never resolves: attw checks every other entry point.
    const assets = dataFilePaths()
      .filter((p) => !isTyped(p))
      .map((p) => `./${p}`);
    const r = node(
      [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json', '--exclude-entrypoints', ...assets],
      scratch,
    );
    const problems: string[] = [];
    try {
      type Problem = { kind: string; entrypoint?: string; resolutionKind?: string };
      const result = JSON.parse(r.stdout) as { analysis?: { problems?: Record<string, Problem[]>; entrypoints?: Record<string, unknown> } };
      const found = Object.values(result.analysis?.problems ?? {}).flat();
      for (const p of found) problems.push(`${p.kind} at ${p.entrypoint ?? '?'} (${p.resolutionKind ?? 'all modes'})`);
      const entrypoints = Object.keys(result.analysis?.entrypoints ?? {});
      if (entrypoints.length < ENTRIES.length + 1 + dataFilePaths().length - assets.length)
        problems.push(`attw checked only ${entrypoints.length} entry points`);
    } catch {
      problems.push(`attw output not understood: ${r.stdout.slice(0, 500)}${r.stderr}`);
    }
    check('are-the-types-wrong: no problem under node10, node16 (CJS and ESM) and bundler, for every entry point', problems);
  }

  // --- Other Node versions -----------------------------------------------------------------------
  for (const version of values['node-versions']
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v && v !== process.versions.node.split('.')[0])) {
    const problems: string[] = [];
    for (const [dir, file] of [
      [dataOnly, 'esm.mjs'],
      [dataOnly, 'cjs.cjs'],
      [withZod, 'schema.mjs'],
      [withZod, 'schema.cjs'],
    ] as const) {
      const r = spawnSync('npx', ['-y', `node@${version}`, file], { cwd: dir, encoding: 'utf8', env, timeout: 600_000 });
      problems.push(...ran(r, `node@${version} ${file}`));
    }
    check(`Node ${version} (npx -y node@${version}): ESM, CJS and /schema imports`, problems);
  }
} catch (error) {
  check('consumer checks ran', [(error as Error).stack ?? String(error)]);
} finally {
  if (values.keep) process.stdout.write(`kept ${scratch}\n`);
  else rmSync(scratch, { recursive: true, force: true });
}

finish();
