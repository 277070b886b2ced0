/**
 * YAML documents for property tests of the loader: every record and fixture file, and
 * generated documents full of the forms parsers disagree on (number forms, keys that are
 * not text, quoting, block scalars, flow collections, line endings).
 */
import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** Every .yaml / .yml file below `dir`. */
export function yamlFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

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
/** A YAML document of one mapping, in every style, with the forms parsers disagree on. */
export const yamlDocument = fc
  .tuple(
    fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('', '', '# comment\n', '---\n', '\ufeff'),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
  )
  .map(([entries, prefix, eol]) =>
    `${prefix}${entries.map(([k, v]) => `${renderKey(k)}: ${render(v, '  ', false)}`).join('\n')}\n`.replace(/\n/g, eol),
  );
