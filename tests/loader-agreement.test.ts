/**
 * The loader's two YAML paths agree (issue 12): whenever the fast js-yaml path accepts a
 * file, the strict position-tracking parser accepts it too and reads the very same value.
 * Anything the fast path does not accept falls back to the strict path, so agreement on
 * acceptance is all that keeps the two from ever giving different results. Checked over
 * the real corpus, every fixture (the hostile ones included) and generated documents.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import { ROOT } from './helpers/run.js';
import { yamlDocument as document, yamlFiles } from './helpers/yaml-documents.js';

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
