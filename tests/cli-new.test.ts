/**
 * `new <collection> <id>`: the template is generated from the schema, carries the editor
 * modeline, fails validation exactly on the placeholders a contributor must fill in, and
 * is never written over an existing file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, collections } from '../src/schema/index.js';
import type { Problem } from '../src/problems.js';
import { cli, fixtureCopy } from './cli-support.js';

async function problemsOf(cwd: string, file: string): Promise<Problem[]> {
  const result = await cli(['validate', file, '--format', 'json'], { cwd });
  return JSON.parse(result.stdout) as Problem[];
}

/**
 * Line numbers (1-based) of the placeholders that are not commented out: `key: ""`,
 * `- ""`, `- key: ""`, or a key with no value and nothing nested under it (null).
 */
function placeholderLines(text: string): number[] {
  const lines = text.split('\n');
  const live = (i: number) => lines[i]!.trim() !== '' && !lines[i]!.trimStart().startsWith('#');
  const indent = (i: number) => lines[i]!.search(/\S/);
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (!live(i)) return;
    if (/^\s*(?:- )?(?:[a-z0-9_]+: )?""$/.test(line)) out.push(i + 1);
    else if (/^\s*(?:- )?[a-z0-9_]+:$/.test(line)) {
      let next = i + 1;
      while (next < lines.length && !live(next)) next++;
      if (next === lines.length || indent(next) <= indent(i)) out.push(i + 1);
    }
  });
  return out;
}

describe('new corridors <id>', () => {
  const dir = fixtureCopy('base');
  const file = 'data/corridors/example-tunnel.yaml';
  const created = cli(['new', 'corridors', 'example-tunnel'], { cwd: dir });

  it('writes data/<collection>/<id>.yaml and prints its path (exit 0)', async () => {
    expect(await created).toEqual({ code: 0, stdout: `${file}\n`, stderr: '' });
    expect(existsSync(join(dir, file))).toBe(true);
  });

  it('starts with the yaml-language-server modeline pointing at the built JSON Schema', async () => {
    await created;
    const [first] = readFileSync(join(dir, file), 'utf8').split('\n');
    expect(first).toBe('# yaml-language-server: $schema=../../dist/schema/corridors.schema.json');
  });

  it('lists required fields as placeholders and optional ones commented out with description and allowed values', async () => {
    await created;
    const text = readFileSync(join(dir, file), 'utf8');
    const lines = text.split('\n');
    expect(lines).toContain('id: example-tunnel');
    expect(lines).toContain('name: ""');
    expect(lines).toContain('kind: ""');
    expect(lines).toContain('# One of: corridor, railway, road, pipeline, bridge, power-line, multimodal-route, port.');
    expect(lines).toContain('status: ""');
    expect(lines).toContain('# One or more of: rail, road, sea, pipeline, power.');
    expect(lines).toContain('# modes:');
    expect(lines[lines.indexOf('# status_history:') - 2]).toMatch(/^# Status changes as the sources report them, oldest first/);
    expect(lines).toContain('# status_history:');
    expect(lines).toContain('sources:');
    expect(lines).toContain('  - source: ""');
    expect(lines).toContain('    excerpt: ""');
    expect(lines).toContain('    supports:');
    expect(lines).toContain('    # note: ""');
    // Every top-level field of the schema appears, in schema order (commented out or not).
    const keys = lines.map((l) => /^(?:# )?([a-z_]+):/.exec(l)?.[1]).filter((k): k is string => Boolean(k));
    const shape = Object.keys((collections.corridors.schema as unknown as { shape: Record<string, unknown> }).shape);
    expect(keys).toEqual(shape);
    // With the comments removed, only the required fields remain.
    expect(Object.keys(parse(text) as object)).toEqual(['id', 'name', 'kind', 'status', 'sources']);
  });

  it('fails validation exactly on the placeholders, and passes once they are filled in', async () => {
    await created;
    const problems = await problemsOf(dir, file);
    expect(problems.map((p) => p.message.split(':')[0])).toEqual([
      'name',
      'kind',
      'status',
      'sources[0].source',
      'sources[0].excerpt',
      'sources[0].supports[0]',
    ]);
    expect(problems.every((p) => p.rule === 'schema')).toBe(true);
    expect(problems.map((p) => p.line)).toEqual(placeholderLines(readFileSync(join(dir, file), 'utf8')));

    const filled = readFileSync(join(dir, file), 'utf8')
      .replace('name: ""', 'name: Example tunnel')
      .replace('kind: ""', 'kind: road')
      .replace('status: ""', 'status: proposed')
      .replace('source: ""', 'source: example-news')
      .replace('excerpt: ""', 'excerpt: The Example tunnel is a proposed road.')
      .replace('    supports:\n      - ""', '    supports: [name, kind, status]');
    writeFileSync(join(dir, file), filled);
    expect(await cli(['validate', file], { cwd: dir })).toEqual({ code: 0, stdout: '✔ no problems (1 file checked)\n', stderr: '' });
  });

  it('refuses to overwrite an existing file (exit 2) and leaves it unchanged', async () => {
    await created;
    const before = readFileSync(join(dir, file), 'utf8');
    expect(await cli(['new', 'corridors', 'example-tunnel'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: `caucasus-corridors: ${file} already exists: edit it, or choose another id\n`,
    });
    expect(readFileSync(join(dir, file), 'utf8')).toBe(before);
  });
});

describe('new: kinds', () => {
  const dir = fixtureCopy('base');

  it('actors default to kind person, with the person fields', async () => {
    expect((await cli(['new', 'actors', 'example-minister'], { cwd: dir })).code).toBe(0);
    const text = readFileSync(join(dir, 'data/actors/example-minister.yaml'), 'utf8');
    expect(text).toContain('\nkind: person\n');
    expect(text).toContain('\n# positions:\n');
    expect(text).not.toContain('country_code');
  });

  it('--kind country and --kind organization select the fields of that kind', async () => {
    const [country, org] = await Promise.all([
      cli(['new', 'actors', 'example-country', '--kind', 'country'], { cwd: dir }),
      cli(['new', 'actors', 'example-org', '--kind', 'organization'], { cwd: dir }),
    ]);
    expect(country).toEqual({ code: 0, stdout: 'data/actors/example-country.yaml\n', stderr: '' });
    expect(org).toEqual({ code: 0, stdout: 'data/actors/example-org.yaml\n', stderr: '' });
    const countryText = readFileSync(join(dir, 'data/actors/example-country.yaml'), 'utf8');
    expect(countryText).toContain('\nkind: country\n');
    expect(countryText).toContain('\ncountry_code: ""\n');
    expect(countryText).not.toContain('positions');
    const orgText = readFileSync(join(dir, 'data/actors/example-org.yaml'), 'utf8');
    expect(orgText).toContain('\nkind: organization\n');
    expect(orgText).toContain(
      '# Type of organization, only as the sources describe it. One of: government-body, state-company,\n# company, intergovernmental, think-tank, media, military, other.\n# org_type: ""\n',
    );
  });

  it('--kind fills in the kind field of other collections', async () => {
    expect((await cli(['new', 'corridors', 'example-bridge', '--kind', 'bridge'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'data/corridors/example-bridge.yaml'), 'utf8')).toContain('\nkind: bridge\n');
  });

  it('--data DIR writes into another data directory', async () => {
    const other = fixtureCopy('base');
    const result = await cli(['new', 'quotes', 'example-remark', '--data', join(other, 'data')]);
    expect(result).toEqual({ code: 0, stdout: `${join(other, 'data', 'quotes', 'example-remark.yaml')}\n`, stderr: '' });
  });
});

describe('new: every collection and kind yields a template that fails only on its placeholders', () => {
  const cases: [string, string, string[]][] = [
    ...COLLECTION_NAMES.filter((c) => c !== 'actors').map((c): [string, string, string[]] => [c, `example-new-${c}`, []]),
    ...['country', 'person', 'organization'].map((k): [string, string, string[]] => ['actors', `example-new-${k}`, ['--kind', k]]),
  ];
  const dir = fixtureCopy('base');

  it.each(cases)('%s %s %j', async (collection, id, extra) => {
    const created = await cli(['new', collection, id, ...extra], { cwd: dir });
    expect(created.code).toBe(0);
    const file = `data/${collection}/${id}.yaml`;
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../../dist/schema/${collection}.schema.json`);
    const problems = await problemsOf(dir, file);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.rule === 'schema')).toBe(true);
    // One problem per placeholder, and nowhere else: no placeholder passes by accident,
    // and nothing outside the placeholders fails.
    expect(problems.map((p) => p.line)).toEqual(placeholderLines(text));
  });
});

describe('new: usage errors exit 2 and write nothing', () => {
  const dir = fixtureCopy('base');
  const snapshot = () => readdirSync(join(dir, 'data'), { recursive: true }).sort();
  const before = snapshot();

  it.each([
    [['new', 'corridor', 'x'], `unknown collection "corridor"; did you mean "corridors"? (collections: ${COLLECTION_NAMES.join(', ')})`],
    [
      ['new', 'corridors', 'Baku Tbilisi_Kars'],
      'invalid id "Baku Tbilisi_Kars": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "baku-tbilisi-kars"?',
    ],
    [
      ['new', 'corridors', 'x--y'],
      'invalid id "x--y": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "x-y"?',
    ],
    [
      ['new', 'corridors', 'Ξ'],
      'invalid id "Ξ": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "x"?',
    ],
    [
      ['new', 'corridors', '!!!'],
      'invalid id "!!!": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"',
    ],
    // The did-you-mean uses the one shared slugify (the English spellings ids already use).
    [
      ['new', 'actors', 'İlham Əliyev'],
      'invalid id "İlham Əliyev": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "ilham-aliyev"?',
    ],
    [
      ['new', 'corridors', 'Naxçıvan–Şərur railway'],
      'invalid id "Naxçıvan–Şərur railway": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "naxcivan-serur-railway"?',
    ],
    [
      ['new', 'actors', 'Шахбазов'],
      'invalid id "Шахбазов": ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; did you mean "shakhbazov"?',
    ],
    [
      ['new', 'actors', 'x', '--kind', 'organisation'],
      'unknown kind "organisation" for actors; did you mean "organization"? (kinds: country, person, organization)',
    ],
    [['new', 'quotes', 'x', '--kind', 'remark'], '--kind does not apply to quotes: its records have no kind field'],
    [
      ['new', 'corridors', 'x', '--kind', 'tunnel'],
      'unknown kind "tunnel" for corridors (kinds: corridor, railway, road, pipeline, bridge, power-line, multimodal-route, port)',
    ],
    [
      ['new', 'corridors', 'x', '--data', 'no-such-dir'],
      'no such data directory: no-such-dir (run from the repository root, or pass --data DIR)',
    ],
  ])('%j', async (args, message) => {
    expect(await cli(args, { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: `caucasus-corridors: ${message}\n` });
    expect(snapshot()).toEqual(before);
  });

  it.each(['con', 'nul', 'aux', 'prn', 'com1', 'lpt9'])(
    'new actors %s: a Windows-reserved id is refused and nothing is written',
    async (id) => {
      expect(await cli(['new', 'actors', id], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: `caucasus-corridors: invalid id "${id}": Windows reserves the file name "${id}.yaml" (con, prn, aux, nul, com0-com9, lpt0-lpt9): choose a longer id, e.g. "${id}-1"\n`,
      });
      expect(snapshot()).toEqual(before);
    },
  );

  it('a name that slugs to a reserved id gets no did-you-mean to it', async () => {
    const result = await cli(['new', 'actors', 'CON'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('did you mean');
  });

  it('missing arguments print the usage', async () => {
    const result = await cli(['new', 'corridors'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^caucasus-corridors: new takes a collection and an id/);
    expect(result.stderr).toContain('caucasus-corridors new <collection> <id> [--kind KIND] [--data DIR]');
  });
});

describe('validate refuses Windows-reserved ids too', () => {
  it('data/actors/con.yaml (id: con) is a schema problem at the id', async () => {
    const dir = fixtureCopy('base');
    const text = readFileSync(join(dir, 'data/actors/turkiye.yaml'), 'utf8').replace(/^id: turkiye$/m, 'id: con');
    writeFileSync(join(dir, 'data/actors/con.yaml'), text);
    const problems = await problemsOf(dir, 'data/actors/con.yaml');
    expect(problems.find((p) => p.line === 1)?.message).toMatch(/^id: "con" is a .*Windows reserves/);
  });
});
