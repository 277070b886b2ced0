/**
 * `npm run cli:startup`: start-up cost of the bundled command line against a bare
 * `node -e 0`, hyperfine-style: warm-up runs, then N rounds with the commands interleaved
 * (so machine load hits every command alike), median wall time and mean CPU time
 * (user + system of the child, from /proc on Linux) per command, and the ratios the
 * speed issue targets: --help and --version at most 1.5×, validate of data/ at most 2.5×.
 * Needs `npm run build:code` first. Prints a Markdown table; exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, warmup: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const BIN = 'build/cli/cli.js';
if (!existsSync(BIN)) {
  process.stderr.write(`${BIN} is missing: run "npm run build:code" first\n`);
  process.exit(2);
}

const cases: { name: string; args: string[]; target?: number }[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: '--help', args: [BIN, '--help'], target: 1.5 },
  { name: '--version', args: [BIN, '--version'], target: 1.5 },
  { name: 'validate (data/)', args: [BIN, 'validate'], target: 2.5 },
];

/** CPU time of waited-for children so far, in ms (cutime + cstime of /proc/self/stat). */
function childCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const wall = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const cpu = new Map<string, number>(cases.map((c) => [c.name, 0]));
for (let round = 0; round < warmup + runs; round++)
  for (const c of cases) {
    const before = childCpu();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, c.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const after = childCpu();
    if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr}`);
    if (round < warmup) continue;
    wall.get(c.name)!.push(ms);
    if (before !== undefined && after !== undefined) cpu.set(c.name, cpu.get(c.name)! + after - before);
  }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = { wall: median(wall.get('node -e 0')!), cpu: cpu.get('node -e 0')! / runs };
let missed = 0;
const rows = cases.map((c) => {
  const w = median(wall.get(c.name)!);
  const u = cpu.get(c.name)! / runs;
  const ratio = w / base.wall;
  const cpuRatio = u / base.cpu;
  const verdict = c.target === undefined ? '' : ratio <= c.target ? `≤ ${c.target}× ✔` : `> ${c.target}× ✖`;
  if (c.target !== undefined && ratio > c.target) missed++;
  return `| ${c.name} | ${w.toFixed(0)} | ${ratio.toFixed(2)}× | ${u.toFixed(0)} | ${cpuRatio.toFixed(2)}× | ${verdict} |`;
});
process.stdout.write(
  [
    `${runs} interleaved rounds after ${warmup} warm-up rounds, Node ${process.version}`,
    '',
    '| command | median wall (ms) | wall vs node | mean CPU (ms) | CPU vs node | target (wall) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n'),
);
process.exitCode = missed ? 1 : 0;
