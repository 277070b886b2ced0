/**
 * Issue #6 — bad input gets a clear error and nothing is lost.
 *
 * Every case of tests/fixtures/hostile/<case>/ is the valid fixture dataset
 * (tests/fixtures/valid/) with the files of <case>/data/ added on top; <case>/expected.txt
 * holds the exact problem lines the validator must print (`file:line:col: error rule:
 * message`, paths relative to the folder that holds data/). Cases that must not be
 * committed (binary, non-UTF-8, oversized, alias bombs, links) are generated below.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../src/load/yaml-file.js';
import type { Problem } from '../src/problems.js';
import { validateDataDir } from '../src/validate.js';

const ROOT = join(import.meta.dirname, '..');
const VALID = join(ROOT, 'tests', 'fixtures', 'valid');
const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile');

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'cc-hostile-')));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** <scratch>/<name>/data = the valid fixtures plus the case's files. Returns <scratch>/<name>. */
function materialize(name: string, overlay: string | Record<string, string | Uint8Array>): string {
  const root = join(scratch, name);
  cpSync(VALID, join(root, 'data'), { recursive: true });
  if (typeof overlay === 'string') cpSync(overlay, join(root, 'data'), { recursive: true });
  else
    for (const [path, contents] of Object.entries(overlay)) {
      mkdirSync(dirname(join(root, 'data', path)), { recursive: true });
      writeFileSync(join(root, 'data', path), contents);
    }
  return root;
}

/** The pretty-format line of a problem, with paths relative to the case folder. */
const lineOf = (p: Problem, root: string) =>
  `${p.line > 0 ? `${p.file}:${p.line}:${p.col}` : p.file}: error ${p.rule}: ${p.message}`.split(`${root}/`).join('');

const readExpected = (name: string) =>
  readFileSync(join(HOSTILE, name, 'expected.txt'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');

function validateCase(root: string): string[] {
  const result = validateDataDir(join(root, 'data'));
  for (const p of result.problems) {
    expect(p.message, 'every problem has a message').not.toBe('');
    expect(Number.isInteger(p.line) && Number.isInteger(p.col)).toBe(true);
  }
  return result.problems.map((p) => lineOf(p, root));
}

/** Runs the CLI like a contributor: `caucasus-corridors validate <dir>` (from source). */
function cliValidate(root: string, ...options: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'validate', join(root, 'data'), ...options], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  const output = `${run.stdout}${run.stderr}`.split(`${root}/`).join('');
  return {
    code: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    lines: output.split('\n').filter((l) => l.includes(': error ')),
  };
}

const hasStackTrace = (text: string) => /^ {4}at /m.test(text);

// --- Committed cases ---------------------------------------------------------------

const committed = readdirSync(HOSTILE, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('committed hostile fixtures', () => {
  it('every case folder has data/ and expected.txt, and the suite covers the issue list', () => {
    for (const name of committed) {
      expect(existsSync(join(HOSTILE, name, 'data')), `${name}/data`).toBe(true);
      expect(existsSync(join(HOSTILE, name, 'expected.txt')), `${name}/expected.txt`).toBe(true);
    }
    expect(committed).toEqual(
      expect.arrayContaining([
        'yaml-syntax',
        'tab-indent',
        'duplicate-key',
        'multiple-documents',
        'top-level-list',
        'top-level-scalar',
        'empty-file',
        'custom-tags',
        'reserved-keys',
        'unknown-keys',
        'wrong-types',
        'bad-dates',
        'bad-numbers',
        'id-mismatch',
        'id-uppercase',
        'id-space',
        'id-lookalike',
        'duplicate-ids',
        'bad-references',
        'unknown-source',
        'bad-excerpts',
        'wrong-collection',
        'stray-files',
        'multi-file',
        'bom-crlf',
        'bom-crlf-positions',
      ]),
    );
  });

  for (const name of committed) {
    it(`${name}: exactly the expected located messages`, () => {
      const root = materialize(name, join(HOSTILE, name, 'data'));
      const expected = readExpected(name);
      expect(validateCase(root)).toEqual(expected);
      // Every reported file really is one of the case's own files: the valid fixtures stay clean
      // (except where a case is about a clash with them, like duplicate ids).
      if (name !== 'duplicate-ids')
        for (const line of expected) expect(existsSync(join(HOSTILE, name, line.split(/:\d+:\d+: |: error /)[0]!))).toBe(true);
    });
  }

  it('multi-file: one run reports every broken file, in every collection', () => {
    const files = new Set(readExpected('multi-file').map((l) => l.split(':')[0]));
    expect(files.size).toBeGreaterThanOrEqual(5);
    expect(new Set([...files].map((f) => f!.split('/')[1])).size).toBeGreaterThanOrEqual(5);
  });

  it('bom-crlf: the fixture really has a BOM and CRLF line ends (guards against git normalising it)', () => {
    for (const name of ['bom-crlf', 'bom-crlf-positions']) {
      const bytes = readFileSync(join(HOSTILE, name, 'data', 'actors', 'georgia.yaml'));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain('\r\n');
      expect(bytes.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it('bom-crlf: accepted, and the text comes out without BOM or CR', () => {
    const root = materialize('bom-crlf-read', join(HOSTILE, 'bom-crlf', 'data'));
    const result = validateDataDir(join(root, 'data'));
    expect(result.problems).toEqual([]);
    const georgia = result.records.find((r) => r.data.id === 'georgia')!.data as { aliases: string[]; sources: { excerpt: string }[] };
    expect(georgia.aliases).toEqual(['Sak’art’velo']);
    expect(georgia.sources[0]!.excerpt).toBe('Georgia, Azerbaijan and Türkiye signed in Naxçıvan.');
  });
});

// --- Generated cases ---------------------------------------------------------------

const actor = (name: string) =>
  `id: armenia\nkind: country\nname: ${name}\ncountry_code: AM\nsources:\n  - source: example-news\n    excerpt: Armenia joined the talks.\n    supports: [name]\n`;

function billionLaughs(): string {
  const levels = 'abcdefghi'.split('');
  const lines = [`${levels[0]}: &${levels[0]} [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels.length; i++)
    lines.push(
      `${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(', ')}]`,
    );
  return `id: armenia\nkind: country\n${lines.join('\n')}\nname: *i\n`;
}

interface GeneratedCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  expected: string[];
}

const generated: GeneratedCase[] = [
  {
    name: 'not-utf8',
    // "Türkiye" saved as Latin-1: 0xFC is not UTF-8.
    files: {
      'actors/armenia.yaml': Buffer.concat([
        Buffer.from('id: armenia\nkind: country\nname: T'),
        Buffer.from([0xfc]),
        Buffer.from('rkiye\n'),
      ]),
    },
    expected: ['data/actors/armenia.yaml:3:8: error encoding: file is not valid UTF-8: re-save it with UTF-8 encoding'],
  },
  {
    name: 'binary',
    files: {
      'actors/armenia.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    },
    expected: ['data/actors/armenia.yaml:1:1: error encoding: file contains NUL bytes: it looks binary, not a UTF-8 YAML text file'],
  },
  {
    name: 'utf16',
    files: { 'actors/armenia.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(actor('Armenia'), 'utf16le')]) },
    expected: ['data/actors/armenia.yaml:1:1: error encoding: file is UTF-16 encoded: re-save it with UTF-8 encoding'],
  },
  {
    name: 'oversized',
    files: { 'actors/armenia.yaml': `${actor('Armenia')}note: ${'x'.repeat(MAX_FILE_BYTES)}\n` },
    expected: [
      `data/actors/armenia.yaml:1:1: error file-size: file is ${Buffer.byteLength(actor('Armenia')) + 7 + MAX_FILE_BYTES} bytes; a record file may be at most ${MAX_FILE_BYTES} bytes (split long text or shorten excerpts)`,
    ],
  },
  {
    name: 'alias-bomb',
    files: { 'actors/armenia.yaml': billionLaughs() },
    expected: [
      'data/actors/armenia.yaml:4:8: error yaml-syntax: aliases expand too much (Excessive alias count indicates a resource exhaustion attack); write values out instead of using anchors and aliases',
    ],
  },
  {
    name: 'alias-undefined',
    files: { 'actors/armenia.yaml': actor('*armenia') },
    expected: ['data/actors/armenia.yaml:3:7: error yaml-syntax: alias *armenia has no anchor &armenia before it'],
  },
];

describe('generated hostile inputs', () => {
  for (const c of generated) {
    it(`${c.name}: exactly the expected located messages`, () => {
      const root = materialize(c.name, c.files);
      expect(validateCase(root)).toEqual(c.expected);
    });
  }

  it('parser stack exhaustion (deeply nested flow lists) is a located problem, not a crash', () => {
    const depth = 60_000;
    const root = materialize('deep-flow', { 'actors/armenia.yaml': `id: armenia\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n` });
    const lines = validateCase(root);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^data\/actors\/armenia\.yaml:\d+:\d+: error yaml-syntax: nesting is (too deep to parse|deeper than \d+ levels)/,
    );
  });

  it('links and special files are reported, never followed (a dangling link does not crash the run)', () => {
    const root = materialize('links', { 'actors/georgia.yaml': actor('Georgia').replace('armenia', 'georgia') });
    symlinkSync('/nonexistent/record.yaml', join(root, 'data', 'actors', 'ghost.yaml'));
    symlinkSync(join(root, 'data', 'actors', 'georgia.yaml'), join(root, 'data', 'actors', 'georgia-link.yaml'));
    expect(validateCase(root)).toEqual([
      'data/actors/georgia-link.yaml: error data-layout: "georgia-link.yaml" is a symbolic link: records must be plain files (copy the file instead of linking it)',
      'data/actors/ghost.yaml: error data-layout: "ghost.yaml" is a symbolic link: records must be plain files (copy the file instead of linking it)',
    ]);
  });
});

// --- The command line, as a contributor runs it ------------------------------------

describe('CLI on hostile input', () => {
  const committedRuns = ['multi-file', 'custom-tags', 'reserved-keys', 'stray-files'];
  for (const name of committedRuns) {
    it(`validate ${name}: exit 1, the expected lines, no stack trace`, () => {
      const root = materialize(`cli-${name}`, join(HOSTILE, name, 'data'));
      const run = cliValidate(root);
      expect(run.code).toBe(1);
      expect(run.lines).toEqual(readExpected(name));
      expect(hasStackTrace(run.stdout) || hasStackTrace(run.stderr)).toBe(false);
      expect(run.stderr).not.toMatch(/unexpected error/);
    });
  }

  it('validate alias-bomb and not-utf8 (generated) together: exit 1, both reported, no stack trace', () => {
    const root = materialize('cli-generated', {
      ...generated.find((c) => c.name === 'alias-bomb')!.files,
      'actors/georgia.yaml': generated.find((c) => c.name === 'not-utf8')!.files['actors/armenia.yaml']!,
    });
    const run = cliValidate(root);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      ...generated.find((c) => c.name === 'alias-bomb')!.expected,
      'data/actors/georgia.yaml:3:8: error encoding: file is not valid UTF-8: re-save it with UTF-8 encoding',
    ]);
    expect(hasStackTrace(run.stdout) || hasStackTrace(run.stderr)).toBe(false);
  });

  it('validate bom-crlf: a BOM and CRLF line ends are accepted (exit 0)', () => {
    const run = cliValidate(materialize('cli-bom-crlf', join(HOSTILE, 'bom-crlf', 'data')));
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([]);
  });
});

// --- Terminal and log injection (issue #13) ------------------------------------------

describe('values, keys and file names cannot drive the terminal or forge output lines', () => {
  const ESC = '\u001b';
  const forged = `${ESC}[2J${ESC}[H✔ no problems (9 files checked)`;
  const files = {
    // A key that clears the screen and prints a fake success line, then forges a problem line.
    'actors/armenia.yaml': `${actor('Armenia')}"${forged.replace(/\u001b/g, '\\e')}\\ndata/x.yaml:1:1: error fake: forged": 1\n`,
    // A value with BEL, BS and NUL in an enum (echoed by the message), and a bidi override.
    'corridors/bell.yaml': `id: bell\nname: Bell\nkind: "rail\\a\\b\\0way"\nstatus: "\\u202eproposed"\nsources:\n  - source: example-news\n    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.\n    supports: [name]\n`,
    // A file name holding ESC and a line break.
    [`actors/${ESC}[31mred\nx.yaml`]: 'id: red\n',
  };

  for (const format of ['pretty', 'github', 'json']) {
    it(`--format ${format}: no raw control or bidi character reaches the output; each is shown as \\u{…}`, () => {
      const run = cliValidate(materialize(`inject-${format}`, files), '--format', format);
      expect(run.code).toBe(1);
      const output = `${run.stdout}${run.stderr}`;
      // Only the line ends the formatter writes itself.
      expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(output).toContain('\\u{1b}[2J');
      expect(output).toContain('\\u{7}');
      expect(output).toContain('\\u{202e}');
      if (format === 'pretty') {
        // No forged line: every line is a problem of a real file, blank, or the one summary.
        const lines = run.stdout.split('\n').filter((l) => l !== '');
        for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\/.*\/data\/[^\n]*: error [a-z-]+: /);
        expect(lines.at(-1)).toMatch(/^✖ \d+ problems? in/);
        expect(run.stdout).not.toMatch(/^✔/m);
        expect(run.stdout).not.toMatch(/^data\/x\.yaml/m);
      }
      if (format === 'json') expect(() => JSON.parse(run.stdout)).not.toThrow();
      if (format === 'github') for (const line of run.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::error /);
    });
  }
});
