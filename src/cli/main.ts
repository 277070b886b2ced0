#!/usr/bin/env node
/** caucasus-corridors command line: argument parsing and dispatch only. */
import { parseArgs } from 'node:util';
import { FORMATS, type Format } from '../format.js';
import { buildHelp, runBuild } from './commands/build.js';
import { diffHelp, runDiff } from './commands/diff.js';
import { newHelp, runNew } from './commands/new.js';
import { reportHelp, runReport } from './commands/report.js';
import { runValidate, validateHelp } from './commands/validate.js';
import { runVerifySources, verifySourcesHelp } from './commands/verify-sources.js';
import { EXIT, UsageError } from './usage-error.js';

const HELP = `Usage: caucasus-corridors <command> [options]

Commands:
  validate [DATA_DIR | FILE...]   check records (exit 0 valid, 1 invalid, 2 usage error)
  build [--out DIR]               validate and write JSON, CSV, JSON Schema, datapackage.json
  verify-sources --texts DIR      check excerpts against the archived source texts
  report                          records per collection and per source
  new <collection> <id>           write a commented record template (data/<collection>/<id>.yaml)
  diff <OLD> [NEW]                records added, removed and changed between two builds; semver bump

Run "caucasus-corridors <command> --help" for a command's options.`;

const HELPS: Record<string, string> = { validate: validateHelp, build: buildHelp, 'verify-sources': verifySourcesHelp, report: reportHelp, new: newHelp, diff: diffHelp };

async function run(argv: string[]): Promise<{ output: string; code: number; stderr?: boolean }> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { output: `${HELP}\n`, code: command ? EXIT.ok : EXIT.usage, stderr: !command };
  if (!(command in HELPS)) throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      texts: { type: 'string' },
      kind: { type: 'string' },
      'allow-missing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { output: `${HELPS[command]}\n`, code: EXIT.ok };
  // diff has its own formats (markdown, json); new writes a file and takes none.
  if (command === 'diff') return runDiff(positionals, { format: values.format });
  if (command === 'new') return runNew(positionals, { data: values.data, kind: values.kind });
  const format = (values.format ?? 'pretty') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  switch (command) {
    case 'validate':
      return runValidate(positionals, { format, data: values.data });
    case 'build':
      if (positionals.length) throw new UsageError(`build takes no positional arguments (use --data DIR)\n\n${buildHelp}`);
      return runBuild({ data: values.data, out: values.out, format });
    case 'verify-sources':
      return runVerifySources({ texts: values.texts, data: values.data ?? positionals[0], allowMissing: values['allow-missing'], format });
    default:
      return runReport({ data: values.data ?? positionals[0] });
  }
}

run(process.argv.slice(2)).then(
  ({ output, code, stderr }) => {
    (stderr ? process.stderr : process.stdout).write(output);
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`caucasus-corridors: ${known ? '' : 'unexpected error: '}${message}\n`);
    process.exitCode = EXIT.usage;
  },
);
