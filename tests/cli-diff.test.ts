/**
 * `diff <OLD> [NEW]` between two builds of fixture datasets: records added, removed and
 * changed (field by field), schema changes, and the suggested semver bump.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffValues } from '../src/cli/commands/diff.js';
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
    expect(await cli(['diff', BASE, BASE])).toEqual({ code: 0, stdout: 'No data or schema changes.\n\nSuggested version bump: none\n', stderr: '' });
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
    [['diff'], /^caucasus-corridors: diff needs the older build folder/],
    [['diff', 'a', 'b', 'c'], /^caucasus-corridors: diff needs the older build folder/],
    [['diff', `${FIXTURES}/no-such-dir`, `${FIXTURES}/no-such-dir`], /^caucasus-corridors: no such directory: tests\/fixtures\/cli\/no-such-dir\n$/],
    [['diff', `${FIXTURES}/base`, `${FIXTURES}/base`], /^caucasus-corridors: tests\/fixtures\/cli\/base is not a build output folder: expected json\/<collection>\.json/],
    [['diff', 'x', 'y', '--format', 'pretty'], /^caucasus-corridors: diff --format must be one of markdown, json\n$/],
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
