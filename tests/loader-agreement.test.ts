/**
 * The loader's two YAML paths agree (issue 12): whenever the fast js-yaml path accepts a
 * file, the strict position-tracking parser accepts it too and reads the very same value.
 * Anything the fast path does not accept falls back to the strict path, so agreement on
 * acceptance is all that keeps the two from ever giving different results. Checked over
 * the real corpus, every fixture (the hostile ones included) and generated documents.
 */
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import { ROOT } from './helpers/run.js';

function yamlFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Fails unless the two paths agree on `text`; returns whether the fast path accepted it. */
function agree(text: string, label = 'document'): boolean {
  const fast = fastParseYaml(text);
  if (fast === undefined) return false;
  const strict = parseYamlFile(label, new TextEncoder().encode(text));
  expect(strict.problems, `${label}: the fast path accepted what the strict parser rejects:\n${text}`).toEqual([]);
  expect(fast, `${label}: the two parsers read different values:\n${text}`).toStrictEqual(strict.value);
  return true;
}

describe('the fast and the strict YAML path agree', () => {
  it('on every record of data/ (and the fast path accepts them all)', () => {
    const files = yamlFiles(join(ROOT, 'data'));
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) expect(agree(readFileSync(f, 'utf8'), f), `${f} should take the fast path`).toBe(true);
  });

  it('on every fixture, the hostile ones included', () => {
    const files = yamlFiles(join(ROOT, 'tests', 'fixtures'));
    expect(files.length).toBeGreaterThan(50);
    let accepted = 0;
    for (const f of files) {
      const bytes = readFileSync(f);
      if (agree(new TextDecoder().decode(bytes), f)) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('refuses what the strict path reports: tags, aliases, duplicate or reserved keys, deep nesting, number forms', () => {
    const refused = [
      'a: !!str 1\n',
      'a: &x 1\nb: *x\n',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      'constructor: {}\n',
      'a: "\\ud800"\n',
      `a: ${'['.repeat(20)}${']'.repeat(20)}\n`,
      'a: 0x1F\n',
      'a: 0o17\n',
      'a: 1e-400\n',
      'a: 1e400\n',
      '1: one\n',
      'null: x\n',
      '- a\n',
      'a\n',
      '',
      'a: 1\n---\nb: 2\n',
      '%YAML 1.2\n---\na: 1\n',
      '? [a]\n: b\n',
      // Found by this test: js-yaml reads a lone CR as a line break and allows longer implicit keys.
      'a: b\rc: d\n',
      `${'k'.repeat(1100)}: v\n`,
      // Keys js-yaml 4 would turn into text: typed scalars, collections, an empty key.
      'true: x\n',
      '~: x\n',
      '1.5: x\n',
      '[a]: b\n',
      '[a, b]: c\n',
      'x: {[a]: b}\n',
      'x: [[a]: b]\n',
      'x: [{a: 1}: b]\n',
      'x: [a: b]\n',
      '{a: 1}: b\n',
      ': x\n',
      `"${'\\u0041'.repeat(200)}": v\n`,
      // Found by the generated documents below: js-yaml 4 reads these differently from YAML 1.2.
      'A: \n  - \n    - \n  - \nid: \n',
      'A: \n  - -\n  - 0b101\n',
      '(: \n  - "\n"1": \'0x1F\'\n',
      '(: [{#: >\n    =1}]\n',
    ];
    for (const text of refused) expect(fastParseYaml(text), JSON.stringify(text)).toBeUndefined();
    expect(fastParseYaml('a: "0x1F"\nb: 31\nc: 1e-300\n')).toEqual({ a: '0x1F', b: 31, c: 1e-300 });
    // Text keys that look like other types are text: the same value as the strict parser reads.
    expect(fastParseYaml('"1": one\n\'true\': x\nnulls: [1, true, null, ~, .inf, -.inf]\n')).toEqual({
      '1': 'one',
      true: 'x',
      nulls: [1, true, null, null, Infinity, -Infinity],
    });
  });

  // --- Generated documents ---------------------------------------------------------
  const TRICKY = [
    '0x1F',
    '0o17',
    '1e-400',
    '1e400',
    '-1e400',
    '0e5',
    '1.5e-10',
    '.5',
    '5.',
    '+12',
    '-0',
    '012',
    '1_000',
    '0b101',
    '1:20',
    '.inf',
    '-.inf',
    '.nan',
    '.NaN',
    '~',
    'null',
    'Null',
    'NULL',
    'true',
    'True',
    'TRUE',
    'yes',
    'no',
    'on',
    'y',
    '2023-01-01',
    '2023',
    '1.10',
    '9007199254740993',
    `1${'0'.repeat(400)}`,
    '',
    ' ',
    'a b',
    'a: b',
    'a #b',
    '#c',
    '- x',
    '"',
    "'",
    '\\',
    '\\n',
    '\t',
    'x\ty',
    'é',
    'Naxçıvan',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '<<',
    '=1',
    '@x',
    '`x',
    '&a',
    '*a',
    '!x',
    '!!str',
    '%',
    '|',
    '>',
    '[',
    ']',
    '{',
    '}',
    ',',
    '?',
    ':',
    '-',
    '---',
    '...',
    'x'.repeat(1030),
  ];
  const scalarText = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }));
  const doubleQuoted = (s: string) => JSON.stringify(s);
  const singleQuoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const scalar = fc
    .tuple(scalarText, fc.constantFrom('plain', 'plain', 'single', 'double', 'double-escape', 'literal', 'folded'))
    .map(([s, style]) => ({ s, style }));
  type Tree =
    | { kind: 'scalar'; s: string; style: string }
    | { kind: 'seq'; items: Tree[]; flow: boolean }
    | { kind: 'map'; entries: [string, Tree][]; flow: boolean };
  const key = fc.oneof(
    fc.constantFrom(
      'id',
      'name',
      'value',
      'a',
      'b',
      'a',
      '0x1F',
      '1',
      'null',
      'true',
      '__proto__',
      '<<',
      '? x',
      'k: v',
      '',
      'k'.repeat(999),
      'k'.repeat(1024),
      'k'.repeat(1030),
      // Collections and other non-text keys, which js-yaml 4 would turn into text.
      '[a]',
      '[a, b]',
      '{a: 1}',
      '[]',
      '~',
      '1.5',
      '"1"',
      "'true'",
    ),
    fc.string({ maxLength: 6 }),
  );
  const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar.map((x) => ({ kind: 'scalar' as const, ...x })),
      fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { maxLength: 4 }), flow: fc.boolean() }),
      fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('tree')), { maxLength: 4 }), flow: fc.boolean() }),
    ),
  }));

  const renderScalar = (x: { s: string; style: string }, indent: string): string => {
    switch (x.style) {
      case 'single':
        return singleQuoted(x.s);
      case 'double':
        return doubleQuoted(x.s);
      case 'double-escape':
        return (
          `"${[...x.s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}\\ud800"`.slice(
            0,
            x.s.length % 2 ? undefined : -7,
          ) + (x.s.length % 2 ? '' : '"')
        );
      case 'literal':
      case 'folded':
        return `${x.style === 'literal' ? '|' : '>'}\n${x.s
          .split('\n')
          .map((l) => `${indent}  ${l}`)
          .join('\n')}`;
      default:
        return x.s;
    }
  };
  const renderKey = (k: string) => k;
  function render(t: Tree, indent: string, flow: boolean): string {
    if (t.kind === 'scalar') return renderScalar(t, indent);
    if (t.kind === 'seq') {
      if (flow || t.flow || t.items.length === 0) return `[${t.items.map((i) => render(i, indent, true)).join(', ')}]`;
      return t.items.map((i) => `\n${indent}- ${render(i, `${indent}  `, false)}`).join('');
    }
    if (flow || t.flow || t.entries.length === 0)
      return `{${t.entries.map(([k, v]) => `${renderKey(k)}: ${render(v, indent, true)}`).join(', ')}}`;
    return t.entries.map(([k, v]) => `\n${indent}${renderKey(k)}: ${render(v, `${indent}  `, false)}`).join('');
  }
  const document = fc
    .tuple(
      fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('', '', '# comment\n', '---\n', '\ufeff'),
      fc.constantFrom('\n', '\n', '\r\n', '\r'),
    )
    .map(([entries, prefix, eol]) =>
      `${prefix}${entries.map(([k, v]) => `${renderKey(k)}: ${render(v, '  ', false)}`).join('\n')}\n`.replace(/\n/g, eol),
    );

  it('on generated documents, the number forms 0x1F, 0o17 and 1e-400 included', { timeout: 30_000 }, () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (agree(text)) accepted++;
      }),
      { numRuns: Number(process.env.AGREE_RUNS ?? 1500), seed: Number(process.env.AGREE_SEED ?? 12) },
    );
    // The property is not vacuous: a good share of the documents take the fast path.
    expect(accepted).toBeGreaterThan(40);
  });
});
