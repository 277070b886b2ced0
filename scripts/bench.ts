/**
 * `npm run bench` (issues 7 and 12): how fast are validate and build, against the cost
 * of merely reading and parsing the files, against ajv-cli, and as the dataset grows?
 *
 *   tsx scripts/bench.ts [--large] [--sizes 1000,10000] [--runs R] [--out DIR] [--seed S] [--no-package] [--no-startup]
 *   tsx scripts/bench.ts --render [--out DIR]    (redo DIR/results.md from DIR/results.json)
 *
 * For each size N it generates a valid synthetic data directory (scripts/gen-synthetic.ts)
 * into DIR/tmp/, and a copy of it with 1 % of the files made invalid, and measures each
 * task in ONE fresh child process:
 *   read      floor 1: read + decode every file
 *   js-yaml   floor 2: read + parse every file with js-yaml 4, the fast path's parser (core schema)
 *   strict    floor 3: read + parse every file with the loader's strict parser (yaml, positions)
 *   validate  validateDataDirParallel (layout, YAML, schema, cross-record checks; workers)
 *   invalid   the same on the copy with 1 % invalid files (every problem located)
 *   build     buildDataDir: validate + every data output written to disk
 *   single    validateDataDir(dir, { only: [one corridor file] }) inside the N-record dataset
 *   ajv-cli   `ajv validate --spec=draft2020 -c ajv-formats` against the emitted JSON Schemas,
 *             one process per collection (it checks less: no references, no positions)
 * and, unless --no-package, builds the whole npm package for the synthetic data
 * (scripts/build.ts) to time `import` of the root entry vs one collection subpath and to
 * size the packed tarball (`npm pack --dry-run`) against the raw JSON.
 *
 * Unless --no-startup, it also bundles the command line as `npm run build:code` does
 * (build/cli/cli.js) and times it against a bare `node`: `--help`, `--version` and
 * `validate data` (the real dataset).
 *
 * Our tasks run from scripts/bench-task.ts bundled (tsup, all dependencies inlined, the
 * validator's worker as a second entry, split chunks) and started with `node`: compiled
 * code, no tsx, and each task loads only its own modules, as the command line does. ajv-cli runs from its own compiled dist with
 * `node`. A preload (`-r probe.cjs`) records every child's peak RSS (all threads, so
 * worker heaps count) and uptime at exit the same way.
 *
 * Writes DIR/results.json and DIR/results.md (default DIR: bench/). No timestamps: one
 * "measured on" line names the node version and CPUs and the machine's load average
 * before and after, so reruns only change numbers.
 */
import { spawn } from 'node:child_process';
import { COMBINED_JSON_NAME, jsonSchemaName } from '../src/model/paths.js';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COLLECTION_NAMES, collections } from '../src/schema/index.js';
import { BUILD_PARALLEL_MIN_FILES, BUILD_PIPELINE_MIN_FILES, buildModeFor } from '../src/build.js';
import { PARALLEL_MIN_FILES, PIPELINE_MIN_FILES, VALIDATE_MODES, validateModeFor } from '../src/validate.js';
import type { Mode } from './bench-task.js';
import { writeSynthetic } from './gen-synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GIB = 1024 ** 3;

// --- Options -------------------------------------------------------------------
const { values } = parseArgs({
  options: {
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench') },
    seed: { type: 'string', default: '1' },
    'no-package': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    render: { type: 'boolean', default: false },
  },
});
const sizes = (values.sizes ? values.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) : [1000, 10_000]).filter((n) => n > 0);
if (values.large && !sizes.includes(100_000)) sizes.push(100_000);
sizes.sort((a, b) => a - b);
if (sizes.some((n) => !Number.isInteger(n) || n < COLLECTION_NAMES.length))
  throw new Error(`--sizes: integers ≥ ${COLLECTION_NAMES.length}, comma-separated`);
/**
 * Repetitions per task (median reported): 3 at every size unless --runs. At 100,000 records one
 * run moved by ±15 % on a shared machine, enough to flip a verdict; 3 add about 5 minutes.
 */
const RUNS = values.runs ? Math.max(1, Number(values.runs)) : 3;
const outDir = resolve(values.out!);
const work = join(outDir, 'tmp');
const seed = values.seed!;
mkdirSync(work, { recursive: true });

const log = (line: string) => process.stderr.write(`${line}\n`);

// --- Child processes -----------------------------------------------------------
interface ProcessMeasure {
  /** Parent-side wall time from spawn to exit. */
  wallMs: number;
  /** Child's own uptime at exit (performance.now() in the exit handler). */
  uptimeMs: number;
  /** Child's CPU time (user + system) at exit. */
  cpuMs: number;
  maxRssBytes: number;
  code: number;
  stdout: string;
  stderr: string;
  /** Occurrences of `count` in stdout (for ajv-cli's "<file> valid" lines). */
  counted: number;
}

// Inside node_modules/.cache, whatever --out is, so the bundles resolve what they keep external (piscina, exceljs).
const RUNNER = join(ROOT, 'node_modules', '.cache', `bench-runner-${process.pid}`);
const PROBE = join(RUNNER, 'probe.cjs');
const IMPORT_TASK = join(RUNNER, 'import-task.mjs');
const TASK = join(RUNNER, 'bench-task.mjs');

async function prepareRunner(): Promise<void> {
  rmSync(RUNNER, { recursive: true, force: true });
  mkdirSync(RUNNER, { recursive: true });
  const { build } = await import('tsup');
  await build({
    config: false,
    silent: true,
    // The validator and the build find their workers next to themselves (src/validate.ts, src/build.ts).
    entry: {
      'bench-task': join(ROOT, 'scripts/bench-task.ts'),
      'validate-worker': join(ROOT, 'src/validate-worker.ts'),
      'build-worker': join(ROOT, 'src/build-worker.ts'),
    },
    outDir: RUNNER,
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    platform: 'node',
    target: 'node20',
    splitting: true,
    sourcemap: false,
    dts: false,
    // Everything inlined but piscina, which finds its own worker file next to itself, and
    // exceljs, which runs from node_modules as in \`npm run build\` (inlined, its streaming
    // writer failed at 100,000 records with "ctr is not a constructor").
    noExternal: [/^(?!(piscina|exceljs)$)/],
    external: ['piscina', 'exceljs'],
    // Bundled CommonJS dependencies call require(): give the ESM bundle a real one.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  writeFileSync(
    PROBE,
    `'use strict';\n// Preloaded into every measured child: reports uptime and peak RSS at exit.\nprocess.on('exit', () => {\n  if (!process.env.BENCH_PROBE_OUT) return;\n  require('node:fs').writeFileSync(process.env.BENCH_PROBE_OUT, JSON.stringify({ uptimeMs: performance.now(), cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));\n});\n`,
  );
  writeFileSync(
    IMPORT_TASK,
    `// Times one dynamic import in a fresh process ("none": bare node, for reference).\nconst target = process.argv[2];\nconst loadMs = performance.now();\nconst start = performance.now();\nconst mod = target === 'none' ? {} : await import(target);\nconst ms = performance.now() - start;\nconst counts = Object.fromEntries(Object.entries(mod).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, v.length]));\nprocess.stdout.write(JSON.stringify({ ms, loadMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, counts }) + '\\n');\n`,
  );
}

let probeSeq = 0;
function measure(command: string, args: readonly string[], options: { cwd?: string; count?: string } = {}): Promise<ProcessMeasure> {
  const probeOut = join(RUNNER, `probe-${process.pid}-${probeSeq++}.json`);
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, BENCH_PROBE_OUT: probeOut, NODE_OPTIONS: `--require ${PROBE}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let counted = 0;
    let tail = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.count) {
        const text = tail + chunk;
        counted += text.split(options.count).length - 1;
        tail = text.slice(-options.count.length + 1);
      } else stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      let probe = { uptimeMs: NaN, cpuMs: NaN, maxRssBytes: NaN };
      if (existsSync(probeOut)) {
        probe = JSON.parse(readFileSync(probeOut, 'utf8'));
        rmSync(probeOut);
      }
      resolvePromise({ wallMs, ...probe, code: code ?? 1, stdout, stderr, counted });
    });
  });
}

interface TaskResult {
  /** In-process wall time of the work (median over runs). */
  ms: number;
  /** In-process CPU time of the work, user + system (median over runs). */
  cpuMs: number;
  /** Parent-measured wall time of the whole process (median). */
  processMs: number;
  /** CPU time of the whole process, start-up included (median). */
  processCpuMs: number;
  /** Peak RSS (max over runs). */
  maxRssBytes: number;
  records: number;
  /** Worker threads the task used (0: the calling thread; undefined: not reported). */
  threads?: number;
  /** How the files went (undefined: not reported). */
  mode?: Mode;
}

/** NaN when any run failed: a target is never met on the runs that happened to succeed. */
const median = (xs: number[]) => {
  if (xs.some(Number.isNaN)) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Sample = Omit<TaskResult, never>;

async function runTask(
  task: string,
  dataDir: string,
  extra: string[],
  expect: { records: number; problems?: number; atLeast?: boolean },
): Promise<Sample & { problems: number }> {
  const m = await measure(process.execPath, [TASK, task, dataDir, ...extra]);
  if (m.code !== 0) throw new Error(`${task} failed (exit ${m.code}):\n${m.stderr}`);
  const report = JSON.parse(m.stdout.trim().split('\n').pop()!) as {
    ms: number;
    cpuMs: number;
    maxRssBytes: number;
    records: number;
    problems: number;
    threads: number;
    mode: Mode;
  };
  if (expect.atLeast ? report.problems < expect.problems! : report.problems !== (expect.problems ?? 0))
    throw new Error(
      `${task} on ${dataDir} reported ${report.problems} problems, expected ${expect.problems ?? 0}${expect.problems ? '' : ': the synthetic data must be valid'}`,
    );
  if (report.records !== expect.records) throw new Error(`${task} on ${dataDir} saw ${report.records} records, expected ${expect.records}`);
  return {
    ms: report.ms,
    cpuMs: report.cpuMs,
    processMs: m.wallMs,
    processCpuMs: m.cpuMs,
    maxRssBytes: Math.max(report.maxRssBytes, m.maxRssBytes || 0),
    records: report.records,
    problems: report.problems,
    threads: report.threads,
    mode: report.mode,
  };
}

async function runAjv(dataDir: string, schemaDir: string, counts: Record<string, number>): Promise<Sample> {
  const bin = join(ROOT, 'node_modules/ajv-cli/dist/index.js');
  let processMs = 0;
  let uptimeMs = 0;
  let cpuMs = 0;
  let maxRssBytes = 0;
  let records = 0;
  for (const c of COLLECTION_NAMES) {
    const args = [
      bin,
      'validate',
      '--spec=draft2020',
      '-c',
      'ajv-formats',
      '-s',
      join(schemaDir, jsonSchemaName(c)),
      '-d',
      `${dataDir}/${c}/*.yaml`,
    ];
    const m = await measure(process.execPath, args, { count: ' valid\n' });
    if (m.code !== 0 || m.counted !== counts[c])
      throw new Error(`ajv-cli on ${c}: exit ${m.code}, ${m.counted}/${counts[c]} files valid\n${m.stderr.slice(0, 2000)}`);
    processMs += m.wallMs;
    uptimeMs += m.uptimeMs;
    cpuMs += m.cpuMs;
    maxRssBytes = Math.max(maxRssBytes, m.maxRssBytes);
    records += m.counted;
  }
  // ajv-cli has no inner timer: its "time" is the sum of its processes' own uptimes (and CPU times).
  return { ms: uptimeMs, cpuMs, processMs, processCpuMs: cpuMs, maxRssBytes, records };
}

// --- Package: import cost and tarball size ---------------------------------------
interface PackageResult {
  importRoot: { ms: number; processMs: number; maxRssBytes: number; records: number };
  importSubpath: { ms: number; processMs: number; maxRssBytes: number; records: number };
  bareNode: { processMs: number; maxRssBytes: number };
  tarballBytes: number;
  unpackedBytes: number;
  entryCount: number;
  /** dist/json/<collection>.json, which the entries load (all.json excluded). */
  collectionJsonBytes: number;
  /** dist/json/all.json alone. */
  allJsonBytes: number;
}

async function measurePackage(dataDir: string, n: number): Promise<PackageResult> {
  const packDir = join(work, `pack-${n}`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const dist = join(packDir, 'dist');
  const built = await measure(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--data', dataDir, '--out', dist]);
  if (built.code !== 0) throw new Error(`package build failed:\n${built.stderr}`);
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE-DATA.md', 'CITATION.cff'])
    if (existsSync(join(ROOT, f))) copyFileSync(join(ROOT, f), join(packDir, f));

  const importOnce = async (target: string) => {
    const m = await measure(process.execPath, [IMPORT_TASK, target]);
    if (m.code !== 0) throw new Error(`import ${target} failed:\n${m.stderr}`);
    const r = JSON.parse(m.stdout.trim()) as { ms: number; maxRssBytes: number; counts: Record<string, number> };
    return {
      ms: r.ms,
      processMs: m.wallMs,
      maxRssBytes: Math.max(r.maxRssBytes, m.maxRssBytes || 0),
      records: Object.values(r.counts).reduce((a, b) => a + b, 0),
    };
  };
  const rootRuns = [];
  const subRuns = [];
  const bareRuns = [];
  for (let i = 0; i < RUNS; i++) {
    rootRuns.push(await importOnce(pathToFileURL(join(dist, 'index.js')).href));
    subRuns.push(await importOnce(pathToFileURL(join(dist, 'corridors.js')).href));
    bareRuns.push(await importOnce('none'));
  }
  const summarize = (xs: Awaited<ReturnType<typeof importOnce>>[]) => ({
    ms: median(xs.map((x) => x.ms)),
    processMs: median(xs.map((x) => x.processMs)),
    maxRssBytes: Math.max(...xs.map((x) => x.maxRssBytes)),
    records: xs[0]!.records,
  });

  const packed = await measure('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packDir });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const info = (JSON.parse(packed.stdout) as { size: number; unpackedSize: number; entryCount: number }[])[0]!;
  const jsonDir = join(dist, 'json');
  const collectionJsonBytes = COLLECTION_NAMES.reduce((sum, c) => sum + statSync(join(jsonDir, `${c}.json`)).size, 0);
  const bare = summarize(bareRuns);
  return {
    importRoot: summarize(rootRuns),
    importSubpath: summarize(subRuns),
    bareNode: { processMs: bare.processMs, maxRssBytes: bare.maxRssBytes },
    tarballBytes: info.size,
    unpackedBytes: info.unpackedSize,
    entryCount: info.entryCount,
    collectionJsonBytes,
    allJsonBytes: statSync(join(jsonDir, COMBINED_JSON_NAME)).size,
  };
}

// --- One size --------------------------------------------------------------------
const TASKS = [
  'read',
  'js-yaml',
  'strict',
  'validate',
  'validate-other',
  'validate-other-2',
  'invalid',
  'build',
  'build-other',
  'build-other-2',
  'single',
  'ajv-cli',
] as const;
type TaskName = (typeof TASKS)[number];

interface Ratios {
  /** validate ÷ read + js-yaml floor (target at 10,000: ≤ 2). */
  validateOverJsYaml: number;
  /** validate ÷ read + strict-parser floor (for reference: the old floor). */
  validateOverStrict: number;
  /** validate ÷ ajv-cli (targets: ≤ 0.5 at 10,000, ≤ 1 at 100,000). */
  validateOverAjv: number;
  /** build ÷ validate (target ≤ 1.3). */
  buildOverValidate: number;
  /** validate with 1 % invalid files ÷ validate (error reporting in proportion to the errors). */
  invalidOverValid: number;
  singleOverFull: number;
  /** validate ÷ validate in the faster of the two modes it did not choose (≤ 1 when it chose the fastest). */
  validateOverOther: number;
  /** build ÷ build in the faster of the two modes it did not choose. */
  buildOverOther: number;
}

interface SizeResult {
  records: number;
  /** Runs per task; times are medians, peak RSS the highest. */
  runs: number;
  counts: Record<string, number>;
  dataBytes: number;
  singleFile: string;
  /** Files made invalid in the 1 % copy, and the problems validate reported there. */
  invalidFiles: number;
  invalidProblems: number;
  /** Tasks that failed, with the last line of their error. */
  failures?: Partial<Record<TaskName, string>>;
  tasks: Record<TaskName, TaskResult>;
  /** Whole-process wall-time ratios (the targets), and the same by CPU time. */
  ratios: Ratios;
  cpuRatios: Ratios;
  package?: PackageResult;
}

function generate(n: number): { dir: string; counts: Record<string, number> } {
  const dir = join(work, `data-${n}`);
  const stampFile = join(work, `data-${n}.stamp`);
  const generator = readFileSync(join(ROOT, 'scripts/gen-synthetic.ts'));
  const stamp = createHash('sha256').update(generator).update(`\0${n}\0${seed}`).digest('hex');
  if (existsSync(stampFile) && existsSync(dir)) {
    const saved = JSON.parse(readFileSync(stampFile, 'utf8')) as { stamp: string; counts: Record<string, number> };
    if (saved.stamp === stamp) return { dir, counts: saved.counts };
  }
  rmSync(stampFile, { force: true });
  const counts = writeSynthetic({ records: n, out: dir, seed });
  writeFileSync(stampFile, JSON.stringify({ stamp, counts }));
  return { dir, counts };
}

/** A copy of `dir` with every 100th record file given an unknown key: 1 % invalid, each located. */
function invalidCopy(dir: string, n: number): { dir: string; files: number } {
  const copy = join(work, `data-${n}-invalid`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  let files = 0;
  let i = 0;
  for (const c of COLLECTION_NAMES)
    for (const name of readdirSync(join(copy, c)).sort())
      if (i++ % 100 === 0) {
        appendFileSync(join(copy, c, name), 'bench_unknown_key: 1\n');
        files++;
      }
  return { dir: copy, files };
}

/**
 * Reads every file under `dir` once, so that a timed run starts with its data in the page cache.
 * The kernel here reclaims pages it deems cold (DAMON's kdamond runs), and the dataset read least
 * often, the 1 % invalid copy, was then read from disk: 9.5 s of a worker's 21 s went to `read`
 * at 100,000 records, and the "1 % invalid" ratio measured the disk, not error reporting.
 */
function warm(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) warm(path);
    else if (entry.isFile()) readFileSync(path);
  }
}

const dirBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );

async function benchSize(n: number): Promise<SizeResult> {
  log(`\n== ${n.toLocaleString('en-US')} records`);
  const t0 = performance.now();
  const { dir, counts } = generate(n);
  const invalid = invalidCopy(dir, n);
  log(`   data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir}; ${invalid.files} files made invalid in ${invalid.dir})`);
  const buildOut = join(work, `out-${n}`);
  const corridorFiles = readdirSync(join(dir, 'corridors')).sort();
  const singleFile = join(dir, 'corridors', corridorFiles[Math.floor(corridorFiles.length / 2)]!);

  // validate and build choose the calling thread, the pipeline or worker threads by the number
  // of files; each is timed in the modes it did not choose too, so the results show whether the
  // choice was the fastest.
  const [validateOther, validateOther2] = VALIDATE_MODES.filter((m) => m !== validateModeFor(n));
  const [buildOther, buildOther2] = VALIDATE_MODES.filter((m) => m !== buildModeFor(n));
  const otherOut = join(work, `out-${n}-other`);

  const runs = RUNS;
  const samples = Object.fromEntries(TASKS.map((t) => [t, [] as Sample[]])) as Record<TaskName, Sample[]>;
  let invalidProblems = 0;
  const failures: Partial<Record<TaskName, string>> = {};
  // build first: ajv-cli needs the JSON Schemas it writes. Each later run starts further along the
  // list, so no task always follows the same ones: a process run right after a heavy one measured
  // up to 1.2× slower here (1 % invalid after three validate runs at 100,000 records: 1.16×; first: 0.96×).
  const order = ['build', ...TASKS.filter((t) => t !== 'build')] as TaskName[];
  for (let r = 0; r < runs; r++) {
    const shift = Math.floor((r * order.length) / runs);
    for (const task of [...order.slice(shift), ...order.slice(0, shift)]) {
      let s: Sample;
      warm(task === 'invalid' ? invalid.dir : dir);
      try {
        // The JSON Schemas do not depend on the data: any size's build has them.
        if (task === 'ajv-cli')
          s = await runAjv(
            dir,
            [buildOut, ...sizes.map((m) => join(work, `out-${m}`))].map((d) => join(d, 'schema')).find((d) => existsSync(d)) ??
              join(buildOut, 'schema'),
            counts,
          );
        else if (task === 'single') s = await runTask('single', dir, ['--file', singleFile], { records: 1 });
        else if (task === 'build') s = await runTask('build', dir, ['--out', buildOut], { records: n });
        else if (task === 'build-other') s = await runTask('build', dir, ['--out', otherOut, '--mode', buildOther!], { records: n });
        else if (task === 'build-other-2') s = await runTask('build', dir, ['--out', otherOut, '--mode', buildOther2!], { records: n });
        else if (task === 'validate-other') s = await runTask('validate', dir, ['--mode', validateOther!], { records: n });
        else if (task === 'validate-other-2') s = await runTask('validate', dir, ['--mode', validateOther2!], { records: n });
        else if (task === 'invalid') {
          const m = await runTask('validate', invalid.dir, [], { records: n, problems: invalid.files, atLeast: true });
          invalidProblems = m.problems;
          s = m;
        } else s = await runTask(task, dir, [], { records: n });
      } catch (error) {
        // A failed task is a result too: it shows as failed, and its targets as missed.
        const reason =
          (error instanceof Error ? error.message : String(error))
            .split('\n')
            .filter((l) => /\S/.test(l) && !/^\s+at |DeprecationWarning|--trace-deprecation/.test(l))
            .slice(-1)[0] ?? 'failed';
        failures[task] = reason.slice(0, 200);
        s = { ms: NaN, cpuMs: NaN, processMs: NaN, processCpuMs: NaN, maxRssBytes: NaN, records: task === 'single' ? 1 : n };
        log(`   ${task.padEnd(9)} run ${r + 1}/${runs}: FAILED: ${failures[task]}`);
        samples[task].push(s);
        continue;
      }
      samples[task].push(s);
      log(`   ${task.padEnd(9)} run ${r + 1}/${runs}: ${fmtMs(s.ms)} (process ${fmtMs(s.processMs)}), peak RSS ${fmtBytes(s.maxRssBytes)}`);
    }
  }
  const tasks = Object.fromEntries(
    TASKS.map((t) => [
      t,
      {
        ms: median(samples[t].map((s) => s.ms)),
        cpuMs: median(samples[t].map((s) => s.cpuMs)),
        processMs: median(samples[t].map((s) => s.processMs)),
        processCpuMs: median(samples[t].map((s) => s.processCpuMs)),
        maxRssBytes: Math.max(...samples[t].map((s) => s.maxRssBytes)),
        records: samples[t][0]!.records,
        ...(samples[t][0]!.threads === undefined ? {} : { threads: samples[t][0]!.threads }),
        ...(samples[t][0]!.mode === undefined ? {} : { mode: samples[t][0]!.mode }),
      },
    ]),
  ) as Record<TaskName, TaskResult>;
  const ratiosBy = (get: (t: TaskResult) => number, inner: (t: TaskResult) => number): Ratios => ({
    validateOverJsYaml: get(tasks.validate) / get(tasks['js-yaml']),
    validateOverStrict: get(tasks.validate) / get(tasks.strict),
    validateOverAjv: get(tasks.validate) / get(tasks['ajv-cli']),
    buildOverValidate: get(tasks.build) / get(tasks.validate),
    invalidOverValid: get(tasks.invalid) / get(tasks.validate),
    singleOverFull: inner(tasks.single) / inner(tasks.validate),
    validateOverOther: get(tasks.validate) / Math.min(get(tasks['validate-other']), get(tasks['validate-other-2'])),
    buildOverOther: get(tasks.build) / Math.min(get(tasks['build-other']), get(tasks['build-other-2'])),
  });
  const result: SizeResult = {
    records: n,
    runs,
    counts,
    dataBytes: dirBytes(dir),
    singleFile: `corridors/${singleFile.split('/').pop()}`,
    invalidFiles: invalid.files,
    invalidProblems,
    ...(Object.keys(failures).length ? { failures } : {}),
    tasks,
    ratios: ratiosBy(
      (t) => t.processMs,
      (t) => t.ms,
    ),
    cpuRatios: ratiosBy(
      (t) => t.processCpuMs,
      (t) => t.cpuMs,
    ),
  };
  rmSync(invalid.dir, { recursive: true, force: true });
  rmSync(otherOut, { recursive: true, force: true });
  if (!values['no-package']) {
    log('   package: building and packing …');
    result.package = await measurePackage(dir, n);
    log(
      `   import root ${fmtMs(result.package.importRoot.ms)} / ${fmtBytes(result.package.importRoot.maxRssBytes)}, subpath ${fmtMs(result.package.importSubpath.ms)} / ${fmtBytes(result.package.importSubpath.maxRssBytes)}, tarball ${fmtBytes(result.package.tarballBytes)}`,
    );
  }
  return result;
}

// --- Command-line start-up ---------------------------------------------------------
interface StartupCase {
  label: string;
  /** Median whole-process wall time. */
  processMs: number;
  maxRssBytes: number;
  /** Exit code of the runs (all equal), or the differing codes. */
  code: number;
  ok: boolean;
}
interface StartupResult {
  runs: number;
  bareNode: StartupCase;
  help: StartupCase;
  version: StartupCase;
  validateReal: StartupCase & { records: number };
  /** Floor 2 on the same files: what reading and parsing them costs before anything is checked (absent from results saved before it was measured). */
  parseReal?: StartupCase;
}

/** Bundles the command line as `npm run build:code` does (scripts/build.ts) and times it against a bare node. */
async function measureStartup(): Promise<StartupResult> {
  // Inside node_modules/.cache so the bundle resolves what it keeps external (piscina).
  const base = join(ROOT, 'node_modules', '.cache', `bench-cli-${process.pid}`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  try {
    const built = await measure(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), 'code', '--code', base]);
    if (built.code !== 0) throw new Error(`build:code failed:\n${built.stderr}`);
    const cli = join(base, 'cli', 'cli.js');
    const runs = values.runs ? Math.max(1, Number(values.runs)) : 5;
    const time = async (label: string, args: string[], okCode: number): Promise<StartupCase> => {
      const ms: number[] = [];
      let rss = 0;
      const codes = new Set<number>();
      for (let i = 0; i < runs; i++) {
        const m = await measure(process.execPath, args);
        ms.push(m.wallMs);
        rss = Math.max(rss, m.maxRssBytes || 0);
        codes.add(m.code);
      }
      const code = [...codes][0]!;
      return { label, processMs: median(ms), maxRssBytes: rss, code, ok: codes.size === 1 && code === okCode };
    };
    const bareNode = await time('bare node (`node -e 0`)', ['-e', '0'], 0);
    const help = await time('`caucasus-corridors --help`', [cli, '--help'], 0);
    const version = await time('`caucasus-corridors --version`', [cli, '--version'], 0);
    const validate = await time('`caucasus-corridors validate data` (real dataset)', [cli, 'validate', 'data'], 0);
    const parseReal = await time(`${TASK_LABEL['js-yaml']} of the same files (no check)`, [TASK, 'js-yaml', join(ROOT, 'data')], 0);
    const records = COLLECTION_NAMES.reduce(
      (sum, c) => sum + readdirSync(join(ROOT, 'data', c)).filter((f) => f.endsWith('.yaml')).length,
      0,
    );
    for (const c of [bareNode, help, version, validate, parseReal])
      log(`   ${c.label}: ${fmtMs(c.processMs)}, exit ${c.code}${c.ok ? '' : ' (unexpected)'}`);
    return { runs, bareNode, help, version, validateReal: { ...validate, records }, parseReal };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

// --- Formatting ------------------------------------------------------------------
function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  return bytes >= GIB
    ? `${(bytes / GIB).toFixed(2)} GiB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toFixed(0)} MiB`
      : `${(bytes / 1024).toFixed(0)} KiB`;
}
const fmtRatio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const fmtPct = (x: number) => `${(x * 100).toFixed(1)} %`;
const fmtRate = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}`;
const fmtN = (n: number) => n.toLocaleString('en-US');
/** The tasks that go through the files in a mode (validate's and build's: one thread, the pipeline or worker threads). */
const SPREAD_TASKS = new Set<TaskName>(TASKS.filter((t) => /^(validate|build)\b/.test(t) || t === 'invalid'));
/** Where a task's files were checked, as the task reported it (results saved before the pipeline have threads only). */
const modeOf = (t: TaskResult) =>
  t.threads === undefined
    ? ''
    : t.threads === 0
      ? ' (one thread)'
      : t.mode === 'pipeline'
        ? ' (pipeline: this thread + 1 worker thread)'
        : ` (${t.threads} worker thread${t.threads === 1 ? '' : 's'})`;

interface Target {
  name: string;
  threshold: string;
  values: { records: number; value: string; met: boolean }[];
  verdict: 'met' | 'missed' | 'partly met' | 'not measured';
  note?: string;
}

type Scaling = { from: number; to: number; floor: number; validate: number; build: number };

/**
 * `cores`: the machine's, for the bounds shown beside the build's and the floor's targets (withCpuBound):
 * a task cannot take less wall time than its CPU time spread evenly over every core.
 */
function evaluate(results: SizeResult[], startup?: StartupResult, cores?: number): { scaling?: Scaling | undefined; targets: Target[] } {
  const targets: Target[] = [];
  const verdict = (vals: Target['values']): Target['verdict'] =>
    vals.length === 0 ? 'not measured' : vals.every((v) => v.met) ? 'met' : vals.some((v) => v.met) ? 'partly met' : 'missed';
  const at = (n: number) => results.filter((r) => r.records === n);
  const perSize = (
    name: string,
    threshold: string,
    rows: SizeResult[],
    get: (r: SizeResult) => number,
    ok: (x: number) => boolean,
    show = fmtRatio,
    note?: string,
  ): Target => {
    const vals = rows.map((r) => ({ records: r.records, value: show(get(r)), met: ok(get(r)) }));
    return { name, threshold, values: vals, verdict: verdict(vals), ...(vals.length ? {} : { note: note ?? 'size not measured' }) };
  };
  // A target's least ratio on this machine: `task`'s CPU time spread evenly over every core, against `against`'s whole
  // process (`cpu` and `vs` name them in the note).
  const withCpuBound = (target: Target, rows: SizeResult[], task: TaskName, against: TaskName, cpu: string, vs: string): Target => {
    if (!cores || !rows.length || target.note) return target;
    const multi = rows.length > 1;
    const bounds = rows.map(
      (r) => `${multi ? `${fmtN(r.records)}: ` : ''}${fmtRatio(r.tasks[task].cpuMs / cores / r.tasks[against].processMs)}`,
    );
    return { ...target, note: `least reachable on ${cores} cores, ${cpu} ÷ ${cores} against ${vs}: ${bounds.join(', ')}` };
  };
  targets.push(
    withCpuBound(
      perSize(
        'validate ≤ 2× the read + js-yaml floor at 10,000 records',
        '≤ 2×',
        at(10_000),
        (r) => r.ratios.validateOverJsYaml,
        (x) => x <= 2,
      ),
      at(10_000),
      'validate',
      'js-yaml',
      "validate's CPU time",
      'the floor',
    ),
  );
  targets.push(
    perSize(
      'validate ≤ 0.5× ajv-cli at 10,000 records',
      '≤ 0.5×',
      at(10_000),
      (r) => r.ratios.validateOverAjv,
      (x) => x <= 0.5,
    ),
  );
  targets.push(
    perSize(
      'validate ≤ 1× ajv-cli at 100,000 records',
      '≤ 1×',
      at(100_000),
      (r) => r.ratios.validateOverAjv,
      (x) => x <= 1,
      fmtRatio,
      'run with --large',
    ),
  );
  targets.push(
    withCpuBound(
      perSize(
        'build ≤ 1.3× validate',
        '≤ 1.3×',
        results,
        (r) => r.ratios.buildOverValidate,
        (x) => x <= 1.3,
      ),
      results,
      'build',
      'validate',
      "the build's CPU time",
      'validate',
    ),
  );

  let scaling: Scaling | undefined;
  const big = results[results.length - 1];
  const prev = big && results.find((r) => r.records * 10 === big.records);
  if (big && prev) {
    const ratio = (t: TaskName) => big.tasks[t].processMs / prev.tasks[t].processMs;
    scaling = { from: prev.records, to: big.records, floor: ratio('js-yaml'), validate: ratio('validate'), build: ratio('build') };
    const s = scaling;
    const vals = (['validate', 'build'] as const).map((k) => ({
      records: big.records,
      value: `${k} ${fmtRatio(s[k])}`,
      met: s[k] <= 10.5,
    }));
    targets.push({
      name: `t(${fmtN(big.records)}) / t(${fmtN(prev.records)}) ≤ 10.5`,
      threshold: '≤ 10.5',
      values: vals,
      verdict: verdict(vals),
    });
  } else
    targets.push({
      name: 't(10×N) / t(N) ≤ 10.5',
      threshold: '≤ 10.5',
      values: [],
      verdict: 'not measured',
      note: 'needs two sizes a factor 10 apart',
    });

  const rss = at(100_000).flatMap((r) =>
    (['validate', 'build'] as const).map((k) => ({
      records: r.records,
      value: `${k} ${fmtBytes(r.tasks[k].maxRssBytes)}`,
      met: r.tasks[k].maxRssBytes <= 512 * 1024 ** 2,
    })),
  );
  targets.push({
    name: 'peak RSS at 100,000 records ≤ 512 MiB (worker heaps counted)',
    threshold: '≤ 512 MiB',
    values: rss,
    verdict: verdict(rss),
    ...(rss.length ? {} : { note: 'run with --large' }),
  });
  targets.push(
    perSize(
      '1 % invalid files cost ≤ 1.15× the valid run (error reporting in proportion to the errors)',
      '≤ 1.15×',
      results,
      (r) => r.ratios.invalidOverValid,
      (x) => x <= 1.15,
    ),
  );
  const single = at(100_000).length ? at(100_000) : big ? [big] : [];
  const t = perSize(
    'single-file validate ≤ 10 % of full validate',
    '≤ 10 %',
    single,
    (r) => r.ratios.singleOverFull,
    (x) => x <= 0.1,
    fmtPct,
  );
  targets.push(t);

  const startupTarget = (name: string, c: StartupCase | undefined, limit: number): Target => {
    if (!startup || !c) return { name, threshold: `≤ ${limit}×`, values: [], verdict: 'not measured', note: 'run without --no-startup' };
    const x = c.processMs / startup.bareNode.processMs;
    const vals = [
      { records: 0, value: c.ok ? fmtRatio(x) : `${fmtRatio(x)}, exit ${c.code} (the command failed)`, met: c.ok && x <= limit },
    ];
    return { name, threshold: `≤ ${limit}×`, values: vals, verdict: verdict(vals) };
  };
  targets.push(startupTarget('`--help` ≤ 1.5× a bare node start', startup?.help, 1.5));
  targets.push(startupTarget('`--version` ≤ 1.5× a bare node start', startup?.version, 1.5));
  const real = startupTarget('`validate` of the real dataset ≤ 2.5× a bare node start', startup?.validateReal, 2.5);
  if (startup?.parseReal)
    real.note = `reading and parsing the same files alone, with js-yaml: ${fmtRatio(startup.parseReal.processMs / startup.bareNode.processMs)}`;
  targets.push(real);
  return { scaling, targets };
}

const TASK_LABEL: Record<TaskName, string> = {
  read: 'floor 1: read files',
  'js-yaml': 'floor 2: read + js-yaml parse',
  strict: 'floor 3: read + strict parser (yaml)',
  validate: 'validate',
  'validate-other': 'validate, in a mode it did not choose',
  'validate-other-2': 'validate, in a mode it did not choose',
  invalid: 'validate, 1 % invalid files',
  build: 'build (all data outputs)',
  'build-other': 'build, in a mode it did not choose',
  'build-other-2': 'build, in a mode it did not choose',
  single: 'single-file validate',
  'ajv-cli': `ajv-cli (${COLLECTION_NAMES.length} processes)`,
};

interface Machine {
  measuredOn: string;
  /** CPU cores (absent from results saved before it was recorded). */
  cores?: number;
  /** 1-minute load average before and after the run. */
  loadBefore: number;
  loadAfter: number;
}

function markdown(
  results: SizeResult[],
  evaluation: ReturnType<typeof evaluate>,
  machine: Machine,
  seed: string,
  startup?: StartupResult,
): string {
  const lines: string[] = [];
  lines.push('# Benchmark: validate and build as the dataset grows');
  lines.push('');
  lines.push(
    `Generated by \`npm run bench${results.some((r) => r.records === 100_000) ? ' -- --large' : ''}\` (scripts/bench.ts, issues 7 and 12). Synthetic, valid data from \`scripts/gen-synthetic.ts\` (seed ${seed}). Each run of each task is one fresh process, and each run takes the tasks in a rotated order (no task always follows the same ones); times are medians over ${results.map((r) => `${r.runs} run${r.runs === 1 ? '' : 's'} at ${fmtN(r.records)}`).join(', ')}, peak RSS the highest.`,
  );
  lines.push('');
  lines.push(
    `Measured on: ${machine.measuredOn}. Load average (1 min) ${machine.loadBefore.toFixed(2)} before the run, ${machine.loadAfter.toFixed(2)} after: the machine is shared, so wall times move with whatever else it runs; the CPU times (and the ratios by CPU time) are steadier.`,
  );
  lines.push('');
  lines.push('## Targets (issue 12)');
  lines.push('');
  lines.push('| target | result | verdict |');
  lines.push('| --- | --- | --- |');
  for (const t of evaluation.targets) {
    const multi = new Set(t.values.map((v) => v.records)).size > 1;
    const shown = t.values.map((v) => `${multi ? `${fmtN(v.records)}: ` : ''}${v.value}${v.met ? '' : ' ✗'}`);
    lines.push(
      `| ${t.name} | ${shown.join(', ') || '—'}${t.note ? ` (${t.note})` : ''} | ${t.verdict === 'met' ? '**met**' : `**${t.verdict.toUpperCase()}**`} |`,
    );
  }
  lines.push('');
  lines.push('Ratios compare whole processes (spawn to exit, start-up included), as a user sees them.');
  lines.push('');
  lines.push('## Tasks');
  lines.push('');
  lines.push('| records | task | time | CPU | whole process | records/s | peak RSS |');
  lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results)
    for (const task of TASKS) {
      const t = r.tasks[task];
      const failed = r.failures?.[task];
      if (failed) {
        lines.push(`| ${fmtN(r.records)} | ${TASK_LABEL[task]} | **FAILED**: ${failed.replace(/\|/g, '\\|')} | | | | |`);
        continue;
      }
      // Results saved before a task existed (--render) have no row for it.
      if (!t) continue;
      const rate = task === 'single' ? '—' : fmtRate(r.records, task === 'ajv-cli' ? t.processMs : t.ms);
      lines.push(
        `| ${fmtN(r.records)} | ${TASK_LABEL[task]}${SPREAD_TASKS.has(task) ? modeOf(t) : ''} | ${fmtMs(t.ms)} | ${fmtMs(t.cpuMs)} | ${fmtMs(t.processMs)} | ${rate} | ${fmtBytes(t.maxRssBytes)} |`,
      );
    }
  lines.push('');
  lines.push(
    "*time*: wall time measured inside the process around the work alone (for ajv-cli, which has no inner timer: the sum of its processes' own uptimes, one per collection). *CPU*: user + system CPU time of the same span, all threads (workers, GC and compiler threads can push it above wall time). *whole process*: spawn to exit as the parent sees it, start-up and module loading included (for ajv-cli: the sum over its processes). records/s: records ÷ time (ajv-cli: ÷ whole process). The floors run on one thread. validate runs on one thread below " +
      `${fmtN(PIPELINE_MIN_FILES)} files, as a pipeline below ${fmtN(PARALLEL_MIN_FILES)} (this thread reads and parses, one worker thread checks), and spreads the files over worker threads (one per core) from there on; build does the same from ${fmtN(BUILD_PIPELINE_MIN_FILES)} and ${fmtN(BUILD_PARALLEL_MIN_FILES)} files (its worker thread checks and makes the outputs' pieces; src/validate.ts, src/build.ts). Each is also timed in the modes it did not choose, so the ratios below show whether the choice was the fastest.`,
  );
  lines.push('');
  lines.push('## Ratios');
  lines.push('');
  lines.push(
    '| records | validate / js-yaml floor | validate / strict floor | validate / ajv-cli | build / validate | 1 % invalid / valid | single-file / full | validate / its fastest other mode | build / its fastest other mode |',
  );
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const w = r.ratios;
    const c = r.cpuRatios;
    const both = (k: keyof Ratios) => `${fmtRatio(w[k])} (${fmtRatio(c[k])})`;
    lines.push(
      `| ${fmtN(r.records)} | ${both('validateOverJsYaml')} | ${both('validateOverStrict')} | ${both('validateOverAjv')} | ${both('buildOverValidate')} | ${both('invalidOverValid')} | ${fmtPct(w.singleOverFull)} (${fmtPct(c.singleOverFull)}) | ${both('validateOverOther')} | ${both('buildOverOther')} |`,
    );
  }
  lines.push('');
  lines.push(
    'Whole-process wall-time ratios, and in parentheses the same ratios by CPU time (single-file / full: in-process times). Workers use more CPU than one thread for less wall time, so by CPU time validate looks slower than it feels. "Its fastest other mode": the same command in the faster of the two modes it did not choose; below 1× the choice was the fastest.',
  );
  lines.push('');
  for (const r of results)
    lines.push(
      `1 % invalid at ${fmtN(r.records)} records: ${fmtN(r.invalidFiles)} files given an unknown key, ${fmtN(r.invalidProblems)} problems reported, each with file:line:col.`,
    );
  lines.push('');
  const s = evaluation.scaling;
  if (s)
    lines.push(
      `Scaling t(${fmtN(s.to)}) / t(${fmtN(s.from)}), whole processes: js-yaml floor ${fmtRatio(s.floor)}, validate ${fmtRatio(s.validate)}, build ${fmtRatio(s.build)} (10× the records; linear is 10×, start-up makes it less).`,
    );
  else lines.push('Scaling: not measured (needs two sizes a factor 10 apart).');
  lines.push('');
  lines.push(
    `validate / ajv-cli compares whole processes: one \`validate\` process against the ${COLLECTION_NAMES.length} ajv-cli processes (one per collection, as its \`-s\` takes one schema). ajv-cli checks less: schema only, no cross references, no line:col positions, and it reads YAML with js-yaml (YAML 1.1).`,
  );
  if (startup) {
    lines.push('');
    lines.push('## Command line: start-up');
    lines.push('');
    lines.push(
      `The command line as \`npm run build:code\` bundles it (\`build/cli/cli.js\`, scripts/build.ts), started with \`node\` from the repository; median of ${startup.runs} runs each.`,
    );
    lines.push('');
    lines.push('| command | whole process | × bare node | peak RSS | exit |');
    lines.push('| --- | ---: | ---: | ---: | ---: |');
    for (const c of [
      startup.bareNode,
      startup.help,
      startup.version,
      startup.validateReal,
      ...(startup.parseReal ? [startup.parseReal] : []),
    ])
      lines.push(
        `| ${c.label}${c === startup.validateReal ? `, ${fmtN(startup.validateReal.records)} records` : ''} | ${fmtMs(c.processMs)} | ${fmtRatio(c.processMs / startup.bareNode.processMs)} | ${fmtBytes(c.maxRssBytes)} | ${c.code}${c.ok ? '' : ' ✗'} |`,
      );
  }
  const withPackage = results.filter((r) => r.package);
  if (withPackage.length) {
    lines.push('');
    lines.push('## Package: import cost and size');
    lines.push('');
    lines.push(
      'The whole npm package built for the synthetic data (`tsx scripts/build.ts --data DIR --out DIR`); each import in a fresh `node` process. A bare `node` process is shown for reference.',
    );
    lines.push('');
    lines.push(
      '| records | import `index.js` (all) | import `corridors.js` | bare node | tarball | unpacked | JSON (collections / all.json) |',
    );
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of withPackage) {
      const p = r.package!;
      lines.push(
        `| ${fmtN(r.records)} | ${fmtMs(p.importRoot.ms)}, ${fmtBytes(p.importRoot.maxRssBytes)} | ${fmtMs(p.importSubpath.ms)}, ${fmtBytes(p.importSubpath.maxRssBytes)} | ${fmtBytes(p.bareNode.maxRssBytes)} | ${fmtBytes(p.tarballBytes)} | ${fmtBytes(p.unpackedBytes)} (${fmtN(p.entryCount)} files) | ${fmtBytes(p.collectionJsonBytes)} / ${fmtBytes(p.allJsonBytes)} |`,
      );
    }
    lines.push('');
    lines.push('Import time and peak RSS of the process; the subpath loads only `json/corridors.json`.');
  }
  lines.push('');
  lines.push('## Data');
  lines.push('');
  lines.push(`| records | ${COLLECTION_NAMES.join(' | ')} | YAML on disk | single file |`);
  lines.push(`| ---: | ${COLLECTION_NAMES.map(() => '---:').join(' | ')} | ---: | --- |`);
  for (const r of results)
    lines.push(
      `| ${fmtN(r.records)} | ${COLLECTION_NAMES.map((c) => fmtN(r.counts[c] ?? 0)).join(' | ')} | ${fmtBytes(r.dataBytes)} | \`${r.singleFile}\` |`,
    );
  lines.push('');
  lines.push(
    "How: our tasks run from `scripts/bench-task.ts`, bundled with all dependencies (and the workers of the validator and the build, `src/validate-worker.ts` and `src/build-worker.ts`) into split ESM chunks and started with plain `node` (compiled code, no tsx; each task loads only the modules it uses, as the command line does); ajv-cli runs from its compiled `dist` with `node`. Before each timed run, every file of the data it reads is read once, so runs start from the page cache alike (this machine's kernel reclaims cold pages). A preloaded probe records each process's peak RSS (`process.resourceUsage().maxRSS`, all threads). Floor 2 parses each file with js-yaml's `load` (core schema); floor 3 with `yaml`'s `parseDocument` using the loader's options (strict, core schema, YAML 1.2, line counter) plus `toJS()`.",
  );
  lines.push('');
  return lines.join('\n');
}

// --- Main ----------------------------------------------------------------------------
async function main(): Promise<void> {
  if (values.render) {
    // Re-render results.md from results.json (the numbers stay; only the text is redone).
    const saved = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as {
      machine: Machine;
      seed: string;
      sizes: SizeResult[];
      startup?: StartupResult;
    };
    const md = markdown(saved.sizes, evaluate(saved.sizes, saved.startup, saved.machine.cores), saved.machine, saved.seed, saved.startup);
    writeFileSync(join(outDir, 'results.md'), md);
    process.stdout.write(md);
    return;
  }
  const loadBefore = loadavg()[0]!;
  log(`bench: sizes ${sizes.map(fmtN).join(', ')}; runs per task ${RUNS}; work dir ${work}; load average ${loadBefore.toFixed(2)}`);
  await prepareRunner();
  const results: SizeResult[] = [];
  for (const n of sizes) results.push(await benchSize(n));
  let startup: StartupResult | undefined;
  if (!values['no-startup']) {
    log('\n== command-line start-up (package of data/)');
    startup = await measureStartup();
  }
  const cpu = cpus();
  const evaluation = evaluate(results, startup, cpu.length);
  const machine: Machine = {
    measuredOn: `node ${process.version}, ${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (${cpu[0]?.model.trim() ?? 'unknown'}), ${process.platform}-${process.arch}`,
    cores: cpu.length,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
  const json = {
    machine,
    seed,
    runner:
      'scripts/bench-task.ts, src/validate-worker.ts and src/build-worker.ts bundled by tsup (all dependencies inlined) and run with plain node; ajv-cli 5 from its dist with node',
    collections: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c].singular])),
    sizes: results,
    startup: startup ?? null,
    scaling: evaluation.scaling ?? null,
    targets: evaluation.targets,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  const md = markdown(results, evaluation, machine, seed, startup);
  writeFileSync(join(outDir, 'results.md'), md);
  rmSync(RUNNER, { recursive: true, force: true });
  process.stdout.write(md);
}

main().catch((error: unknown) => {
  rmSync(RUNNER, { recursive: true, force: true });
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
