import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canonicalText, formatRecordFile, orderKeys } from '../src/format-data/canonical.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import { schemaModeline } from '../src/model/paths.js';
import { displayPath } from '../src/model/record.js';
import { collections, isCollectionName } from '../src/schema/index.js';
import { ROOT, scratchDirs, VALID } from './helpers/run.js';

const scratch = scratchDirs('cc-format-data-');

/** Every <collection>/<id>.yaml under a folder: the corpus and the test fixtures. */
function recordFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) walk(p);
      else if (name.endsWith('.yaml') && isCollectionName(basename(dirname(p)))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const corpus = [...recordFiles(join(ROOT, 'data')), ...recordFiles(join(ROOT, 'tests', 'fixtures'))];
const excerptsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(excerptsOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => (k === 'excerpt' && typeof v === 'string' ? [v] : excerptsOf(v)))
      : [];

describe('canonical record files', () => {
  it('the corpus is not empty', () => {
    expect(corpus.filter((f) => f.includes(`${join(ROOT, 'data')}/`)).length).toBeGreaterThan(0);
    expect(corpus.filter((f) => f.includes(join('tests', 'fixtures'))).length).toBeGreaterThan(0);
  });

  it('round-trips every record of data/ and the fixtures: same data, idempotent, excerpts verbatim', () => {
    let formatted = 0;
    for (const path of corpus) {
      const collection = basename(dirname(path));
      if (!isCollectionName(collection)) continue;
      const bytes = readFileSync(path);
      const original = parseYamlFile(path, bytes);
      const outcome = formatRecordFile(collection, path, bytes);
      if (original.problems.length) {
        // Files the loader refuses are left alone, with the loader's problems.
        expect(outcome.text, relative(ROOT, path)).toBeUndefined();
        expect(outcome.problems).toEqual(original.problems);
        continue;
      }
      const text = outcome.text as string;
      const again = parseYamlFile(path, Buffer.from(text));
      expect(again.problems, relative(ROOT, path)).toEqual([]);
      expect(again.value, relative(ROOT, path)).toEqual(original.value);
      expect(formatRecordFile(collection, path, Buffer.from(text)).text, relative(ROOT, path)).toBe(text);
      expect(text.split('\n')[0]).toBe(schemaModeline(collection));
      expect(text.match(/^\s*#/gm)).toHaveLength(1);
      for (const excerpt of excerptsOf(original.value)) expect(text.includes(excerpt) || text.includes(JSON.stringify(excerpt))).toBe(true);
      formatted++;
    }
    expect(formatted).toBeGreaterThan(corpus.length / 2);
  });

  it('puts keys in schema order at every depth, unknown keys last, and drops comments', () => {
    const text = canonicalText('corridors', {
      sources: [{ excerpt: 'E', source: 's', supports: ['name'] }],
      zzz: 1,
      name: 'Name',
      id: 'x',
    });
    expect(text).toBe(
      `${schemaModeline('corridors')}\nid: x\nname: Name\nsources:\n  - source: s\n    excerpt: >-\n      E\n    supports: [name]\nzzz: 1\n`,
    );
    const withComments = `# a comment\nname: Name # trailing\nid: x\n`;
    const out = formatRecordFile('corridors', 'x.yaml', Buffer.from(withComments)).text ?? '';
    expect(out).toBe(`${schemaModeline('corridors')}\nid: x\nname: Name\n`);
  });

  it('follows the variant a discriminated union selects', () => {
    const ordered = orderKeys({ sources: [], name: 'A', kind: 'country', id: 'a', country_code: 'AZ' }, collections.actors.schema);
    expect(Object.keys(ordered as object)).toEqual(['id', 'kind', 'name', 'country_code', 'sources']);
  });

  it('quotes what a YAML 1.1 reader would not read as text, never wraps an excerpt, and keeps odd excerpts exact', () => {
    const long = `${'word '.repeat(60)}end`;
    const odd = ' leading space and a\nline break\t';
    const text = canonicalText('corridors', {
      id: 'x',
      name: 'yes',
      aliases: ['2023-09-25', 'no', 'plain'],
      sources: [
        { source: 's', excerpt: long },
        { source: 's', excerpt: odd },
      ],
    });
    expect(text).toContain('name: "yes"');
    expect(text).toContain('aliases: ["2023-09-25", "no", plain]');
    expect(text).toContain(`      ${long}\n`);
    expect(parse(text).sources[1].excerpt).toBe(odd);
  });

  it('--check lists non-canonical files with the fix command and fails; format:data fixes them', () => {
    const dir = join(scratch('check'), 'data');
    cpSync(VALID, dir, { recursive: true });
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'format-data.ts'), '--data', dir, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(run().status).toBe(0);
    const clean = run('--check');
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    const file = recordFiles(dir)[0] as string;
    writeFileSync(file, `# hand comment\n${readFileSync(file, 'utf8')}`);
    const dirty = run('--check');
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toContain(`${displayPath(file)}: not in canonical form`);
    expect(dirty.stdout).toContain(`run "npm run format:data -- --data ${dir}"`);
    expect(run().status).toBe(0);
    expect(run('--check').status).toBe(0);
  });
});
