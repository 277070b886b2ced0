/**
 * The build, in two phases that `npm run build` runs in order:
 *
 *   (prepare    (tsx scripts/build.ts cli)   bundles only the command line, on `npm ci`.)
 *   build:code  (tsx scripts/build.ts code)  compiles the library's schema entry into
 *               build/lib and bundles the command line into build/cli (run it with
 *               `npm run cli -- <command>`). Needs no data: it works while data/ is invalid.
 *   build:data  (tsx scripts/build.ts data)  validates data/ and writes the published
 *               package into dist/: data outputs, the JS/TS data entries, and the compiled
 *               library from build/lib. dist/ is swapped in only when all of it succeeded.
 *
 * Without a phase (`tsx scripts/build.ts --data DIR --out DIR`, as the tests build fixture
 * datasets) the library is compiled straight into the output and no shared folder is used.
 * build/ is outside the package's published files.
 */
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { build as tsup, type Options } from 'tsup';
import { buildDataDir } from '../src/build.js';
import { dataEmitters, packageEmitters } from '../src/emit/index.js';
import { formatProblems } from '../src/format.js';
import { packageInfo } from '../src/model/package-info.js';
import { UnsafeOutputError } from '../src/safe-output.js';
import { compileSchemaEntry } from './schema-entry.js';

const common = { config: false, silent: true, target: 'node20', platform: 'node', sourcemap: false, treeshake: true } as const;

/** The schema entry of the published package (ESM, CJS, declarations, Node wrappers) into `outDir`/lib. */
const compileLibrary = (outDir: string) => compileSchemaEntry(outDir);

/**
 * Zod's error messages in English only: its locales index (40-odd languages, 340 KB) is
 * replaced by one exporting `en`, the only locale the command line uses (`z.locales.en`,
 * and Zod's own default). Less code for every command to load.
 */
const englishOnlyZod: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: join(dirname(args.importer), '..', 'locales', 'en.js'), namespace: 'zod-english-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};\n`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * The command line into `outDir` (build/cli): an ESM entry `cli.js` and one chunk per
 * command, loaded only when that command runs. Dependencies are bundled in too: Node
 * loads a few large files much faster than the hundreds of small modules of zod and yaml.
 */
const bundleCli = (outDir: string) =>
  tsup({
    ...common,
    clean: true,
    splitting: true,
    // The validator's worker sits beside the chunks that start it (src/validate.ts).
    entry: { cli: 'src/cli/main.ts', 'validate-worker': 'src/validate-worker.ts', 'build-worker': 'src/build-worker.ts' },
    outDir,
    format: ['esm'],
    // piscina stays a module of node_modules: it finds its own worker file beside itself. So does
    // exceljs: Node warns about the deprecated Buffer() its zip library calls, unless that call
    // comes from node_modules (and only `build` loads it).
    noExternal: [/^(?!(piscina|exceljs)$)/],
    external: ['piscina', 'exceljs'],
    esbuildPlugins: [englishOnlyZod],
    // CommonJS dependencies inside an ESM bundle call require() for Node built-ins.
    banner: { js: "import { createRequire as __cliRequire } from 'node:module'; const require = __cliRequire(import.meta.url);" },
    dts: false,
  });

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    code: { type: 'string', default: 'build' },
  },
});
const phase = positionals[0];
if (phase !== undefined && phase !== 'code' && phase !== 'data' && phase !== 'cli') {
  process.stderr.write(`build: unknown phase "${phase}": use "code", "data", "cli" or none (code and data)\n`);
  process.exit(2);
}
const codeDir = values.code!;
const outDir = values.out!;

// `npm ci` runs this (the prepare script): only the command line, so that a contributor can
// run `npm run validate` at once, and an install never fails on the library's declarations.
if (phase === 'cli') {
  await bundleCli(join(codeDir, 'cli'));
  process.stdout.write(`built ${codeDir}/cli (command line: npm run cli -- --help)\n`);
  process.exit(0);
}

if (phase === 'code') {
  await Promise.all([compileLibrary(codeDir), bundleCli(join(codeDir, 'cli'))]);
  process.stdout.write(`built ${codeDir}/lib (schema entry) and ${codeDir}/cli (command line: npm run cli -- --help)\n`);
  process.exit(0);
}

const compiledLib = join(codeDir, 'lib');
if (phase === 'data' && !existsSync(compiledLib)) {
  process.stderr.write(`build:data: ${compiledLib} is missing: run "npm run build:code" first (or "npm run build" for both)\n`);
  process.exit(2);
}

const result = await buildDataDir(values.data!, outDir, {
  pkg: packageInfo(),
  emitters: [...dataEmitters, ...packageEmitters],
  async afterEmit(staging) {
    if (phase === 'data') cpSync(compiledLib, join(staging, 'lib'), { recursive: true });
    else await compileLibrary(staging);
  },
}).catch((error: unknown) => {
  if (!(error instanceof UnsafeOutputError)) throw error;
  process.stderr.write(`build: ${error.message}\n`);
  process.exit(2);
});

if (result.problems.length) {
  process.stderr.write(formatProblems('pretty', result.problems, { checked: result.checked }));
  process.stderr.write(`build aborted: ${outDir} left unchanged\n`);
  process.exit(1);
}
process.stdout.write(`built ${outDir} (${result.files.length} data files + compiled entries)\n`);
