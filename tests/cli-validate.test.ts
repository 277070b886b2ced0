/**
 * `validate` as a contributor and CI see it: exact output of each format, exit codes,
 * did-you-mean hints, references that name their collection, and single-file mode.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, fixtureCopy } from './cli-support.js';

const BASE = `${FIXTURES}/base`;
const ERRORS = `${FIXTURES}/errors`;
const DECLARATION = `${ERRORS}/agreements/example-declaration.yaml`;
const CORRIDOR = `${ERRORS}/corridors/example-corridor.yaml`;
const RAILWAY = `${ERRORS}/corridors/example-railway.yaml`;
const QUOTE = `${ERRORS}/quotes/example-quote.yaml`;

const MSG = {
  reference: 'unknown actor "turkye": no data/actors/turkye.yaml; did you mean "turkiye"?',
  unknownKey: 'unknown key "descripton"; did you mean "description"?',
  enum: 'kind: "railwya" is not an allowed value: expected one of "corridor", "railway", "road", "pipeline", "bridge", "power-line", "multimodal-route", "port"; did you mean "railway"?',
  corridorReference: 'unknown corridor "example-corridr": no data/corridors/example-corridr.yaml; did you mean "example-corridor"?',
};

describe('validate a whole data directory', () => {
  it('a valid dataset: exit 0 and a one-line summary', async () => {
    expect(await cli(['validate', BASE])).toEqual({ code: 0, stdout: '✔ no problems (10 files checked)\n', stderr: '' });
  });

  it('--format pretty (the default): file:line:col, rule, message, grouped by file, then a summary', async () => {
    const result = await cli(['validate', ERRORS]);
    expect(result).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `${DECLARATION}:8:5: error references: ${MSG.reference}`,
        '',
        `${CORRIDOR}:20:1: error schema: ${MSG.unknownKey}`,
        '',
        `${RAILWAY}:3:7: error schema: ${MSG.enum}`,
        '',
        `${QUOTE}:8:5: error references: ${MSG.corridorReference}`,
        '',
        '✖ 4 problems in 4 files (10 files checked)',
        '',
      ].join('\n'),
    });
    expect(await cli(['validate', ERRORS, '--format', 'pretty'])).toEqual(result);
  });

  it('--format github: one workflow-command annotation per problem, nothing else', async () => {
    expect(await cli(['validate', ERRORS, '--format', 'github'])).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `::error file=${DECLARATION},line=8,col=5,title=references::${MSG.reference}`,
        `::error file=${CORRIDOR},line=20,col=1,title=schema::${MSG.unknownKey}`,
        `::error file=${RAILWAY},line=3,col=7,title=schema::${MSG.enum}`,
        `::error file=${QUOTE},line=8,col=5,title=references::${MSG.corridorReference}`,
        '',
      ].join('\n'),
    });
  });

  it('--format json: an array of problems with file, line, col, severity, rule, message', async () => {
    const result = await cli(['validate', ERRORS, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([
      { file: DECLARATION, line: 8, col: 5, severity: 'error', rule: 'references', message: MSG.reference },
      { file: CORRIDOR, line: 20, col: 1, severity: 'error', rule: 'schema', message: MSG.unknownKey },
      { file: RAILWAY, line: 3, col: 7, severity: 'error', rule: 'schema', message: MSG.enum },
      { file: QUOTE, line: 8, col: 5, severity: 'error', rule: 'references', message: MSG.corridorReference },
    ]);
  });

  it('a valid dataset prints nothing with --format github and [] with --format json', async () => {
    expect(await cli(['validate', BASE, '--format', 'github'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await cli(['validate', BASE, '--format', 'json'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('--data DIR is the same as the positional DATA_DIR', async () => {
    expect(await cli(['validate', '--data', ERRORS, '--format', 'github'])).toEqual(await cli(['validate', ERRORS, '--format', 'github']));
  });
});

describe('validate single files', () => {
  it('checks only the named file, but resolves its references against the whole dataset', async () => {
    // part_of: example-corridor lives in another file of the dataset.
    expect(await cli(['validate', `${BASE}/corridors/example-railway.yaml`])).toEqual({
      code: 0,
      stdout: '✔ no problems (1 file checked)\n',
      stderr: '',
    });
  });

  it('catches a dangling reference in the named file, and reports nothing about the others', async () => {
    expect(await cli(['validate', DECLARATION])).toEqual({
      code: 1,
      stderr: '',
      stdout: `${DECLARATION}:8:5: error references: ${MSG.reference}\n\n✖ 1 problem in 1 file (1 file checked)\n`,
    });
  });

  it('several files at once, in any format', async () => {
    expect(await cli(['validate', QUOTE, `${ERRORS}/actors/turkiye.yaml`, RAILWAY, '--format', 'github'])).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        `::error file=${RAILWAY},line=3,col=7,title=schema::${MSG.enum}`,
        `::error file=${QUOTE},line=8,col=5,title=references::${MSG.corridorReference}`,
        '',
      ].join('\n'),
    });
  });

  it('a .yml file named on the command line gets the specific rename hint', async () => {
    const dir = fixtureCopy('base');
    const stray = join(dir, 'data', 'corridors', 'example-tunnel.yml');
    writeFileSync(stray, 'id: example-tunnel\n');
    const result = await cli(['validate', stray]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${stray}: error data-layout: "example-tunnel.yml" has the extension .yml: rename it to example-tunnel.yaml\n\n✖ 1 problem in 1 file (0 files checked)\n`,
    );
  });
});

describe('exit code 2 for usage errors', () => {
  it.each([
    [['validate', `${FIXTURES}/no-such-dir`], `caucasus-corridors: no such file or directory: ${FIXTURES}/no-such-dir\n`],
    [['validate', BASE, '--format', 'xml'], 'caucasus-corridors: --format must be one of pretty, github, json; got "xml"\n'],
    [['validate', BASE, `${BASE}/actors/turkiye.yaml`], 'caucasus-corridors: give either one data directory or record files, not both\n'],
    [['validate', BASE, '--no-such-option'], /^caucasus-corridors: unknown option "--no-such-option" for validate/],
  ])('%j', async (args, stderr) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    if (typeof stderr === 'string') expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
  });
});
