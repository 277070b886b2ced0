/**
 * The command line as a function: `run(argv, io)` parses, dispatches through the command
 * table and returns the exit code (0 ok, 1 invalid data, 2 usage error). It never touches
 * `process` itself, so tests call it in-process; the bin file (main.ts) is a thin shell.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { didYouMean } from '../suggest.js';
import { parseCommandArgs, quote } from './args.js';
import { commandHelp, mainHelp, PROGRAM, synopsis } from './help.js';
import type { Io, Outcome } from './io.js';
import { COMMANDS, GLOBAL_OPTIONS } from './table.js';
import { EXIT, UsageError } from './usage-error.js';

async function version(): Promise<string> {
  const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
  return `${pkg.version}\n`;
}

const isGlobal = (arg: string, name: keyof typeof GLOBAL_OPTIONS) => arg === `--${name}` || arg === `-${GLOBAL_OPTIONS[name]!.short}`;

async function dispatch(argv: readonly string[], io: Io): Promise<Outcome> {
  const [command, ...rest] = argv;
  if (command === undefined) return { code: EXIT.usage, stderr: mainHelp() };
  if (command === 'help') {
    const topic = rest[0];
    if (topic !== undefined && Object.hasOwn(COMMANDS, topic)) return { code: EXIT.ok, stdout: await commandHelp(topic, COMMANDS[topic]!) };
    if (topic !== undefined) throw new UsageError(`unknown command ${quote(topic)}${hintFor(topic)}`);
    return { code: EXIT.ok, stdout: mainHelp() };
  }
  if (isGlobal(command, 'help')) return { code: EXIT.ok, stdout: mainHelp() };
  if (isGlobal(command, 'version')) return { code: EXIT.ok, stdout: await version() };
  if (command.startsWith('-')) {
    const globals = Object.keys(GLOBAL_OPTIONS).map((n) => `--${n}`);
    const match = didYouMean(command, globals);
    throw new UsageError(
      `unknown option ${quote(command)}${match ? `; did you mean ${quote(match)}?` : ''} (a command comes first: ${PROGRAM} <command> [options]; run "${PROGRAM} --help" for the commands)`,
    );
  }
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command ${quote(command)}${hintFor(command)}`);
  const spec = COMMANDS[command]!;
  const parsed = parseCommandArgs(command, spec, rest);
  if (parsed.help) return { code: EXIT.ok, stdout: await commandHelp(command, spec) };
  if (parsed.version) return { code: EXIT.ok, stdout: await version() };
  const { min, max, usage } = spec.positionals;
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const got = n > max && max === 0 ? `; got ${quote(parsed.positionals[0]!)}` : '';
    throw new UsageError(
      `${command} takes ${usage}${got}\n\nUsage: ${synopsis(command, spec)}\nRun "${PROGRAM} ${command} --help" for details.`,
    );
  }
  const handler = await spec.load();
  return handler({
    positionals: parsed.positionals,
    options: parsed.options,
    io,
    path: (p) => {
      const absolute = resolve(io.cwd, p);
      const rel = relative(process.cwd(), absolute);
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : rel === '' ? '.' : absolute;
    },
  });
}

function hintFor(command: string): string {
  const match = didYouMean(command, Object.keys(COMMANDS));
  return `${match ? `; did you mean ${quote(match)}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')})`;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let outcome: Outcome;
  try {
    outcome = await dispatch(argv, io);
  } catch (error) {
    const usage = error instanceof UsageError;
    const message = error instanceof Error ? error.message : String(error);
    outcome = { code: EXIT.usage, stderr: `${PROGRAM}: ${usage ? '' : 'unexpected error: '}${message}\n` };
  }
  if (outcome.stdout) io.stdout.write(outcome.stdout);
  if (outcome.stderr) io.stderr.write(outcome.stderr);
  return outcome.code;
}
