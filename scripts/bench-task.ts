/**
 * One benchmark task in one fresh process (spawned by scripts/bench.ts, issue #7):
 *
 *   bench-task <task> <dataDir> [--file F] [--out DIR]
 *
 * Tasks: floor (read + YAML-parse every record file, nothing else), validate (full
 * validateDataDir), build (buildDataDir, all data outputs, into --out), single
 * (validateDataDir with `only: [--file]`). Prints one JSON line on stdout: the task's own
 * wall time measured inside the process (after every module is loaded), the time the
 * process needed to get there (`loadMs`), the peak RSS, and counts that prove the task
 * did its work (records, problems).
 *
 * bench.ts bundles this file with every dependency into one plain ESM file and runs that
 * with `node`, so every task pays the same, compiled, start-up cost (no tsx in the
 * measured processes), as users running the built CLI do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { buildDataDir } from '../src/build.js';
import { COLLECTION_NAMES } from '../src/schema/index.js';
import { validateDataDir } from '../src/validate.js';

const loadMs = performance.now();

export interface TaskReport {
  task: string;
  /** Wall time of the task itself, inside the process. */
  ms: number;
  /** CPU time (user + system, all threads) the process spent during the task. */
  cpuMs: number;
  /** Time from process start until the task began (runtime + module loading). */
  loadMs: number;
  /** Peak resident set size of the process, in bytes. */
  maxRssBytes: number;
  records: number;
  problems: number;
}

/** Same parser options as src/load/yaml-file.ts. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
function floor(dataDir: string): { records: number; problems: number } {
  let records = 0;
  let problems = 0;
  for (const collection of COLLECTION_NAMES) {
    const dir = join(dataDir, collection);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.yaml')) continue;
      const text = utf8.decode(readFileSync(join(dir, name)));
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core', version: '1.2' });
      const value = doc.toJS();
      if (doc.errors.length || value === null) problems++;
      records++;
    }
  }
  return { records, problems };
}

async function run(task: string, dataDir: string, options: { file?: string | undefined; out?: string | undefined }): Promise<{ records: number; problems: number }> {
  switch (task) {
    case 'floor':
      return floor(dataDir);
    case 'validate': {
      const r = validateDataDir(dataDir);
      return { records: r.checked, problems: r.problems.length };
    }
    case 'single': {
      if (!options.file) throw new Error('single needs --file');
      const r = validateDataDir(dataDir, { only: [options.file] });
      return { records: r.checked, problems: r.problems.length };
    }
    case 'build': {
      if (!options.out) throw new Error('build needs --out');
      const r = await buildDataDir(dataDir, options.out, { pkg: { name: 'caucasus-corridors', version: '0.0.0-bench' } });
      return { records: r.checked, problems: r.problems.length };
    }
    default:
      throw new Error(`unknown task "${task}" (floor, validate, single, build)`);
  }
}

async function main(): Promise<void> {
  const [task, dataDir, ...rest] = process.argv.slice(2);
  if (!task || !dataDir) throw new Error('usage: bench-task <floor|validate|single|build> <dataDir> [--file F] [--out DIR]');
  const options: { file?: string | undefined; out?: string | undefined } = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '--file') options.file = rest[i + 1];
    else if (rest[i] === '--out') options.out = rest[i + 1];
    else throw new Error(`unknown option ${rest[i]}`);
  }
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const counts = await run(task, dataDir, options);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const report: TaskReport = { task, ms, cpuMs: (cpu.user + cpu.system) / 1000, loadMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, ...counts };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-task: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
