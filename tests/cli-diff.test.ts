/**
 * `diff <OLD> [NEW]` between two builds of fixture datasets: records added, removed and
 * changed (field by field), schema changes, and the suggested semver bump.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignLists, DIFF_MAX_FILE_BYTES, diffValues } from '../src/diff/index.js';
import { cli, FIXTURES, tempDir } from './cli-support.js';

const tmp = tempDir();
const BASE = join(tmp, 'base');
const CHANGED = join(tmp, 'changed');

beforeAll(async () => {
  const builds = await Promise.all([
    cli(['build', '--data', `${FIXTURES}/base`, '--out', BASE]),
    cli(['build', '--data', `${FIXTURES}/changed`, '--out', CHANGED]),
  ]);
  for (const b of builds) expect(b.code, b.stdout + b.stderr).toBe(0);
});

/** A copy of a build whose JSON file `rel` is edited by `edit`. */
function editedCopy(from: string, name: string, rel: string, edit: (value: any) => void): string {
  const dir = join(tmp, name);
  cpSync(from, dir, { recursive: true });
  const path = join(dir, rel);
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return dir;
}

const ADDED_AND_CHANGED = [
  'Data changes: 1 record added, 1 record changed.',
  '',
  '**corridors** (1 added, 1 changed)',
  '',
  '- added `example-bridge` (Example bridge)',
  '- changed `example-corridor` (Example corridor)',
  '  - `aliases`: `["Naxçıvan corridor","a|b \\\\ c"]` → `["Naxçıvan corridor","a|b \\\\ c","Naxçıvan route"]`',
  '  - `length.value`: `40` → `42`',
  '  - `status`: `"under-negotiation"` → `"agreed"`',
  '  - `status_history[2]`: added `{"date":"2024","status":"agreed"}`',
  '  - `sources[0].note`: added `"Route."`',
  '',
  'Suggested version bump: minor (1 record added)',
  '',
].join('\n');

describe('diff two builds', () => {
  it('markdown (default): added and changed records, field by field; new records → minor', async () => {
    expect(await cli(['diff', BASE, CHANGED])).toEqual({ code: 0, stdout: ADDED_AND_CHANGED, stderr: '' });
    expect(await cli(['diff', BASE, CHANGED, '--format', 'markdown'])).toEqual({ code: 0, stdout: ADDED_AND_CHANGED, stderr: '' });
  });

  it('the other way round: removed records (and the reverse changes) → major', async () => {
    expect(await cli(['diff', CHANGED, BASE])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Data changes: 1 record changed, 1 record removed.',
        '',
        '**corridors** (1 changed, 1 removed)',
        '',
        '- changed `example-corridor` (Example corridor)',
        '  - `aliases`: `["Naxçıvan corridor","a|b \\\\ c","Naxçıvan route"]` → `["Naxçıvan corridor","a|b \\\\ c"]`',
        '  - `length.value`: `42` → `40`',
        '  - `status`: `"agreed"` → `"under-negotiation"`',
        '  - `status_history[2]`: removed (was `{"date":"2024","status":"agreed"}`)',
        '  - `sources[0].note`: removed (was `"Route."`)',
        '- removed `example-bridge` (Example bridge)',
        '',
        'Suggested version bump: major (1 record removed)',
        '',
      ].join('\n'),
    });
  });

  it('--format json: the same facts, machine-readable', async () => {
    const result = await cli(['diff', BASE, CHANGED, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      old: { dir: BASE, version: expect.any(String) },
      new: { dir: CHANGED, version: expect.any(String) },
      collections: [
        {
          collection: 'corridors',
          added: [{ id: 'example-bridge', label: 'Example bridge' }],
          removed: [],
          changed: [
            {
              id: 'example-corridor',
              label: 'Example corridor',
              changes: [
                { path: 'aliases', old: ['Naxçıvan corridor', 'a|b \\ c'], new: ['Naxçıvan corridor', 'a|b \\ c', 'Naxçıvan route'] },
                { path: 'length.value', old: 40, new: 42 },
                { path: 'status', old: 'under-negotiation', new: 'agreed' },
                { path: 'status_history[2]', new: { date: '2024', status: 'agreed' } },
                { path: 'sources[0].note', new: 'Route.' },
              ],
            },
          ],
        },
      ],
      schemas: [],
      bump: 'minor',
      reasons: ['1 record added'],
    });
  });

  it('corrections only → patch', async () => {
    const corrected = editedCopy(BASE, 'corrected', 'json/actors.json', (envelope) => {
      envelope.records.find((r: { id: string }) => r.id === 'turkiye').name = 'Republic of Türkiye';
    });
    expect(await cli(['diff', BASE, corrected])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Data changes: 1 record changed.',
        '',
        '**actors** (1 changed)',
        '',
        '- changed `turkiye` (Republic of Türkiye)',
        '  - `name`: `"Türkiye"` → `"Republic of Türkiye"`',
        '',
        'Suggested version bump: patch (1 record corrected)',
        '',
      ].join('\n'),
    });
  });

  it('a JSON Schema change → major, whatever the records do', async () => {
    const widened = editedCopy(CHANGED, 'widened', 'schema/corridors.schema.json', (schema) => {
      schema.properties.kind.enum.push('tunnel');
    });
    const result = await cli(['diff', BASE, widened]);
    expect(result.code).toBe(0);
    const kinds = ['corridor', 'railway', 'road', 'pipeline', 'bridge', 'power-line', 'multimodal-route', 'port'];
    expect(result.stdout).toContain(
      [
        '**JSON Schema**',
        '',
        '- changed `corridors.schema.json`',
        `  - \`properties.kind.enum\`: \`${JSON.stringify(kinds)}\` → \`${JSON.stringify([...kinds, 'tunnel'])}\``,
        '',
        'Suggested version bump: major (1 schema file changed)',
        '',
      ].join('\n'),
    );
    expect(result.stdout.startsWith('Data changes: 1 record added, 1 record changed, 1 schema file changed.\n')).toBe(true);
  });

  it('identical builds: no changes, no bump', async () => {
    expect(await cli(['diff', BASE, BASE])).toEqual({
      code: 0,
      stdout: 'No data or schema changes.\n\nSuggested version bump: none\n',
      stderr: '',
    });
  });

  it('NEW defaults to dist (in the working directory)', async () => {
    const work = tempDir();
    cpSync(CHANGED, join(work, 'dist'), { recursive: true });
    cpSync(BASE, join(work, 'released'), { recursive: true });
    expect(await cli(['diff', 'released'], { cwd: work })).toEqual({ code: 0, stdout: ADDED_AND_CHANGED, stderr: '' });
  });
});

describe('diff: usage errors exit 2', () => {
  it.each([
    [['diff'], /^caucasus-corridors: diff takes the older build folder/],
    [['diff', 'a', 'b', 'c'], /^caucasus-corridors: diff takes the older build folder/],
    [
      ['diff', `${FIXTURES}/no-such-dir`, `${FIXTURES}/no-such-dir`],
      /^caucasus-corridors: no such directory: tests\/fixtures\/cli\/no-such-dir\n$/,
    ],
    [
      ['diff', `${FIXTURES}/base`, `${FIXTURES}/base`],
      /^caucasus-corridors: tests\/fixtures\/cli\/base is not a build output folder: expected json\/<collection>\.json/,
    ],
    [['diff', 'x', 'y', '--format', 'pretty'], /^caucasus-corridors: --format must be one of markdown, json; got "pretty"\n$/],
  ])('%j', async (args, stderr) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });
});

describe('diffValues: lists of records are aligned on unchanged items', () => {
  const c = (excerpt: string) => ({ source: 's', excerpt });
  it('an inserted citation shows as one addition, not as every later item changed', () => {
    expect(diffValues([c('a'), c('b')], [c('new'), c('a'), c('b')])).toEqual([{ path: '[0]', new: c('new') }]);
  });
  it('an edited item in the middle is a field change at its index', () => {
    expect(diffValues([c('a'), c('b'), c('c')], [c('a'), c('B'), c('c')])).toEqual([{ path: '[1].excerpt', old: 'b', new: 'B' }]);
  });
  it('a removed item and a changed one after it', () => {
    expect(diffValues({ sources: [c('a'), c('b'), c('c')] }, { sources: [c('b'), c('C')] })).toEqual([
      { path: 'sources[0]', old: c('a') },
      { path: 'sources[1].excerpt', old: 'c', new: 'C' },
    ]);
  });
  it('lists of plain values are compared whole', () => {
    expect(diffValues({ parties: ['a', 'b'] }, { parties: ['b', 'a'] })).toEqual([{ path: 'parties', old: ['a', 'b'], new: ['b', 'a'] }]);
  });
});

describe('diff reads only regular files of bounded size', () => {
  const broken = (name: string, make: (path: string) => void) => {
    const dir = join(tmp, name);
    cpSync(BASE, dir, { recursive: true });
    const path = join(dir, 'json', 'actors.json');
    rmSync(path);
    make(path);
    return dir;
  };

  it('a FIFO is refused at once (no hang)', async () => {
    const dir = broken('fifo', (path) => expect(spawnSync('mkfifo', [path]).status).toBe(0));
    const result = await cli(['diff', BASE, dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `caucasus-corridors: cannot read ${join(dir, 'json', 'actors.json')}: not a regular file (a device, FIFO, socket or directory)\n`,
    );
  }, 30_000);

  it('a link to /dev/zero is refused', async () => {
    const dir = broken('zero', (path) => symlinkSync('/dev/zero', path));
    const result = await cli(['diff', dir, BASE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a regular file');
  }, 30_000);

  it(`a file over the documented limit (${DIFF_MAX_FILE_BYTES / 2 ** 20} MiB) is refused without being read`, async () => {
    // A sparse file: its size is over the limit, its disk use is nothing.
    const dir = broken('huge', (path) => {
      writeFileSync(path, '');
      truncateSync(path, DIFF_MAX_FILE_BYTES + 1);
    });
    const result = await cli(['diff', BASE, dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is over the limit of 256 MiB');
    expect((await cli(['diff', '--help'])).stdout).toContain('Reads only regular files, each of at most 256 MiB.');
  }, 30_000);
});

describe('diff handles any JSON the builds hold', () => {
  it('deep nesting: no stack overflow, the change is found at its full path', async () => {
    const depth = 100_000;
    const nested = (leaf: string) => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
    const deep = (name: string, leaf: string) => {
      const dir = join(tmp, name);
      cpSync(BASE, dir, { recursive: true });
      const path = join(dir, 'json', 'actors.json');
      writeFileSync(path, readFileSync(path, 'utf8').replace('"id": "turkiye",', `"id": "turkiye", "deep": ${nested(leaf)},`));
      return dir;
    };
    const a = deep('deep-a', '1');
    const b = deep('deep-b', '[2]');
    const markdown = await cli(['diff', a, b]);
    expect(markdown.stderr).toBe('');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain(`  - \`deep${'.a'.repeat(depth)}\`: \`1\` → \`[2]\`\n`);
    const json = await cli(['diff', a, b, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).collections[0].changed[0].changes).toEqual([{ path: `deep${'.a'.repeat(depth)}`, old: 1, new: [2] }]);
    // Equal deep values on both sides are no change.
    expect((await cli(['diff', a, a])).stdout).toBe('No data or schema changes.\n\nSuggested version bump: none\n');
  }, 30_000);

  it('added __proto__ and constructor fields are reported like any other field', async () => {
    const dir = join(tmp, 'proto');
    cpSync(BASE, dir, { recursive: true });
    const path = join(dir, 'json', 'actors.json');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '"id": "turkiye",',
        '"id": "turkiye", "__proto__": {"polluted": true}, "constructor": "x", "toString": 1,',
      ),
    );
    const result = await cli(['diff', BASE, dir, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).collections[0].changed).toEqual([
      {
        id: 'turkiye',
        label: 'Türkiye',
        changes: [
          { path: '__proto__', new: { polluted: true } },
          { path: 'constructor', new: 'x' },
          { path: 'toString', new: 1 },
        ],
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And the other way round: removed.
    expect((await cli(['diff', dir, BASE])).stdout).toContain('  - `__proto__`: removed (was `{"polluted":true}`)\n');
  });

  it('labels, ids and values with control or invisible characters are shown escaped', async () => {
    const dir = editedCopy(BASE, 'hostile', 'json/actors.json', (envelope) => {
      const r = envelope.records.find((x: { id: string }) => x.id === 'turkiye');
      r.name = 'T\u001b[2J\u202eürkiye';
      r['ke\u0007y'] = 'v\u200b\u009b';
    });
    for (const format of ['markdown', 'json']) {
      const result = await cli(['diff', BASE, dir, '--format', format]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u202e]/);
      if (format === 'json') expect(JSON.parse(result.stdout).collections[0].changed[0].label).toBe('T\u001b[2J\u202eürkiye');
      else {
        // Markdown-escaped too: rendered, it reads T\u{1b}[2J\u{202e}ürkiye.
        expect(result.stdout).toContain('- changed `turkiye` (T\\\\u{1b}\\[2J\\\\u{202e}ürkiye)');
        expect(result.stdout).toContain('  - `ke\\u{7}y`: added `"v\\u{200b}\\u{9b}"`');
      }
    }
  });
});

describe('the list diff is bounded: comparisons grow with n + m, never n × m', () => {
  const c = (i: number, text = 'excerpt') => ({ source: `s${i}`, excerpt: `${text} ${i}` });
  const bound = (n: number, m: number, k: number) => 4 * (n + m) + 4 + k * (Math.ceil(Math.log2(k + 1)) + 1);

  it('8,000 citations, every one changed: one field change each, within the bound', () => {
    const n = 8000;
    const old = Array.from({ length: n }, (_, i) => c(i));
    const next = Array.from({ length: n }, (_, i) => c(i, 'corrected'));
    const stats = { comparisons: 0 };
    const changes = diffValues({ sources: old }, { sources: next }, { stats });
    expect(changes).toHaveLength(n);
    expect(changes[17]).toEqual({ path: 'sources[17].excerpt', old: 'excerpt 17', new: 'corrected 17' });
    expect(stats.comparisons).toBeLessThanOrEqual(bound(n, n, 0));
    expect(stats.comparisons).toBeLessThan((n * n) / 100);
  });

  it.each([
    ['reversed', (xs: unknown[]) => [...xs].reverse()],
    ['every other item removed, new ones appended', (xs: unknown[]) => [...xs.filter((_, i) => i % 2), ...xs.map((_, i) => c(i, 'new'))]],
    ['rotated by half', (xs: unknown[]) => [...xs.slice(xs.length / 2), ...xs.slice(0, xs.length / 2)]],
  ])('%s: within the bound at every size', (_, edit) => {
    for (const n of [100, 1000, 8000]) {
      const old = Array.from({ length: n }, (_, i) => c(i));
      const next = edit(old) as typeof old;
      const stats = { comparisons: 0 };
      diffValues(old, next, { stats });
      const k = Math.min(old.length, next.length);
      expect(stats.comparisons).toBeLessThanOrEqual(bound(old.length, next.length, k));
    }
  });

  it('alignment keeps unchanged items matched around insertions and removals', () => {
    const ids = (xs: string) => [...xs].map((ch) => ch.charCodeAt(0));
    expect(alignLists(ids('abcdef'), ids('abXdeYf'))).toEqual([
      { match: [0, 0] },
      { match: [1, 1] },
      { gap: [2, 3, 2, 3] },
      { match: [3, 3] },
      { match: [4, 4] },
      { gap: [5, 5, 5, 6] },
      { match: [5, 6] },
    ]);
  });
});
