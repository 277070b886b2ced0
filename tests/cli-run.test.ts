/**
 * The command table: dispatch by own property only, per-command options, usage errors
 * (exit 2) with did-you-mean, --help and --version, and user input echoed visibly.
 */
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { COMMANDS } from '../src/cli/table.js';
import { cli, FIXTURES } from './cli-support.js';

const BASE = `${FIXTURES}/base`;
const ESC = '\u001b';

describe('only the commands of the table run', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf'])(
    '%s is an unknown command (exit 2), not a fall-through to report',
    async (name) => {
      const result = await cli([name, '--data', BASE]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        new RegExp(
          `^caucasus-corridors: unknown command "${name}".*\\(commands: validate, build, verify-sources, report, new, diff\\)\\n$`,
        ),
      );
    },
  );

  it('toString --help prints no source code', async () => {
    const result = await cli(['toString', '--help']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain('function');
    expect(result.stderr).not.toContain('[native code]');
  });

  it('an unknown command gets a did-you-mean', async () => {
    expect(await cli(['valdate'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'caucasus-corridors: unknown command "valdate"; did you mean "validate"? (commands: validate, build, verify-sources, report, new, diff)\n',
    });
    expect((await cli(['verify-source'])).stderr).toContain('did you mean "verify-sources"?');
  });

  it('an option before the command is a usage error that says where the command goes', async () => {
    const result = await cli(['--format', 'json', 'validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^caucasus-corridors: unknown option "--format" \(a command comes first/);
  });
});

describe('each command has its own options', () => {
  it('validate --out x --texts y: options of other commands are usage errors', async () => {
    const result = await cli(['validate', BASE, '--out', 'x', '--texts', 'y']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'caucasus-corridors: --out is not an option of validate (it is an option of build); validate takes --format, --data, --help, --version\n',
    });
  });

  it('report --format json is a usage error, not text output', async () => {
    const result = await cli(['report', BASE, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'caucasus-corridors: --format is not an option of report (it is an option of validate, build, verify-sources, diff); report takes --data, --texts, --help, --version\n',
    );
  });

  it('new --format and diff --data are refused too', async () => {
    expect((await cli(['new', 'quotes', 'x', '--format', 'json'])).code).toBe(2);
    expect((await cli(['diff', 'a', '--data', 'b'])).stderr).toMatch(/^caucasus-corridors: --data is not an option of diff/);
  });

  it("an unknown option gets a did-you-mean among the command's options", async () => {
    const result = await cli(['validate', BASE, '--fromat', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'caucasus-corridors: unknown option "--fromat" for validate; did you mean "--format"? (validate takes --format, --data, --help, --version)\n',
    );
  });

  it.each([
    [['validate', BASE, '--format'], 'caucasus-corridors: --format needs a value: --format one of pretty, github, json\n'],
    [
      ['validate', BASE, '--format', 'jsno'],
      'caucasus-corridors: --format must be one of pretty, github, json; got "jsno"; did you mean "json"?\n',
    ],
    [['validate', BASE, '--format', 'json', '--format', 'github'], 'caucasus-corridors: --format is given more than once\n'],
    [['verify-sources', '--texts', '--allow-missing'], 'caucasus-corridors: --texts needs a value: --texts DIR\n'],
    [['verify-sources', '--texts', 'x', '--allow-missing=yes'], 'caucasus-corridors: --allow-missing takes no value\n'],
    [['build', 'data'], 'caucasus-corridors: build takes no positional arguments (use --data DIR); got "data"'],
    [['report', 'a', 'b'], 'caucasus-corridors: report takes at most one data folder'],
    [['report', BASE, '--texts', 'no-such-dir'], 'caucasus-corridors: no such directory: no-such-dir\n'],
  ])('%j', async (args, stderr) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(stderr)).toBe(true);
  });

  it('every option of every command is listed in its help', async () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      const help = await cli([name, '--help']);
      expect(help.code).toBe(0);
      for (const option of Object.keys(spec.options)) expect(help.stdout).toContain(`--${option}`);
    }
  });
});

describe('--help and --version', () => {
  it.each([['--version'], ['-v'], ['validate', '--version']])('%j prints the version (exit 0)', async (...args) => {
    expect(await cli(args)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([['--help'], ['-h'], ['help']])('%s prints the command list (exit 0)', async (arg) => {
    const result = await cli([arg]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const name of Object.keys(COMMANDS)) expect(result.stdout).toContain(`\n  ${name} `);
    expect(result.stdout).toContain('-v, --version');
  });

  it('no arguments: the command list on stderr, exit 2', async () => {
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: caucasus-corridors <command>/);
  });

  it('help <command> is <command> --help', async () => {
    expect(await cli(['help', 'diff'])).toEqual(await cli(['diff', '--help']));
    expect((await cli(['help', 'constructor'])).code).toBe(2);
  });
});

describe('user input is echoed visibly', () => {
  it.each([
    [['validate', `${ESC}[2J✔ no problems`]],
    [['validate', BASE, '--format', `${ESC}[2J\n`]],
    [['validate', BASE, `--x${ESC}]0;title\u0007`]],
    [[`valid\u202eetad`]],
    [['new', `corr${ESC}idors`, 'x']],
    [['new', 'corridors', `x\u0008\u0000y`]],
    [['new', 'actors', 'x', '--kind', `per\u200bson\r\n`]],
    [['report', `\u0007data`]],
    [['diff', `old${ESC}[31m`, 'new']],
    [['verify-sources', '--texts', `t\n✔ ok`]],
  ])('%j', async (args) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    // One line of message, no terminal control and no invisible character in it.
    expect(result.stderr).toMatch(/^caucasus-corridors: /);
    expect(result.stderr.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b\u202e]/);
    expect(result.stderr).toMatch(/\\u\{(1b|7|8|0|a|d|200b|202e)\}/);
  });
});
