/**
 * Schema problems of a file the fast path read are located from js-yaml's events
 * (src/load/fast-positions.ts) instead of a strict parse: the line:col must be exactly the
 * strict parser's (src/load/positions.ts), for every path a message can name. Checked on every
 * path of every record and fixture, and of generated documents; where the fast locator cannot
 * answer it says so (undefined), and the loader parses strictly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { decodeRecordBytes } from '../src/load/decode.js';
import { fastLocator } from '../src/load/fast-positions.js';
import { fastParseYaml } from '../src/load/fast-yaml.js';
import { locatePath } from '../src/load/positions.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import { ROOT } from './helpers/run.js';
import { yamlDocument, yamlFiles } from './helpers/yaml-documents.js';

type Path = (string | number)[];

/** Every path into `value`, and paths a message can name that lead nowhere (a missing key, an item past the end, a key of a scalar). */
function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) pathsOf(item, [...path, i], out);
    out.push([...path, value.length], [...path, 'missing']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
    out.push([...path, 'no such key'], [...path, 0], [...path, 'no such key', 'deeper']);
  } else out.push([...path, 'inside a scalar']);
  return out;
}

/** Compares both locators on every path of `text`; counts the answers the fast one gave. Undefined when the fast path does not read `text`. */
function compare(source: string, label: string): { answered: number; declined: number } | undefined {
  // As the loader reads a file: decoded from its bytes (a leading BOM dropped), for both parsers.
  const bytes = new TextEncoder().encode(source);
  const decoded = decodeRecordBytes(bytes);
  if (!('text' in decoded)) return undefined;
  const text = decoded.text;
  const value = fastParseYaml(text);
  if (value === undefined) return undefined;
  const locate = fastLocator(text);
  expect(locate, `${label}: the fast path read it, so the locator must too`).toBeDefined();
  const strict = parseYamlFile(label, bytes);
  let answered = 0;
  let declined = 0;
  for (const path of pathsOf(value))
    for (const at of ['key', 'value'] as const) {
      const fast = locate!(path, at);
      if (fast === undefined) {
        declined++;
        continue;
      }
      answered++;
      expect(fast, `${label}: ${JSON.stringify(path)} (${at})\n${text}`).toEqual(locatePath(strict.doc!, strict.lineCounter!, path, at));
    }
  return { answered, declined };
}

describe('the fast locator places every path where the strict parser does', () => {
  it('on every record of data/ and every fixture', () => {
    const files = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'tests', 'fixtures'))];
    let answered = 0;
    let declined = 0;
    for (const file of files) {
      const result = compare(new TextDecoder().decode(readFileSync(file)), file);
      answered += result?.answered ?? 0;
      declined += result?.declined ?? 0;
    }
    // Not vacuous: nearly every path is answered without the strict parser.
    expect(answered).toBeGreaterThan(10_000);
    expect(declined).toBeLessThan(answered / 100);
  });

  it('on hand-written corners: empty values, flow collections, block scalars, comments, CRLF', () => {
    const corners = [
      '# modeline\nid: a\nname: "B"\nempty:\nlist:\n  - x\n  - k: v\n    j: >-\n      folded\nflow: [1, b]\nmap:\n  # c\n  inner: 2\n',
      "a: {b: [1, {c: d}], e: ~}\nf: |\n  text\n  more\ng: 'q'\n",
      'a:\r\n  - b: 1\r\n    c:\r\n      - 2\r\n',
      'list:\n- a\n- b\nafter: 1\n',
      'a:   # comment\n  b: 1\n',
      'x: [a, [b, c], {d: e}]\n',
    ];
    for (const text of corners) expect(compare(text, JSON.stringify(text))?.answered, JSON.stringify(text)).toBeGreaterThan(0);
  });

  it('on generated documents', { timeout: 30_000 }, () => {
    let answered = 0;
    fc.assert(
      fc.property(yamlDocument, (text) => {
        answered += compare(text, 'generated document')?.answered ?? 0;
      }),
      { numRuns: Number(process.env.AGREE_RUNS ?? 1500), seed: Number(process.env.AGREE_SEED ?? 12) },
    );
    expect(answered).toBeGreaterThan(500);
  });
});

describe('the loader', () => {
  it('locates the schema problems of a file the fast path read without the strict parser, at the same line:col', async () => {
    vi.resetModules();
    const strictCalls = { n: 0 };
    vi.doMock('../src/load/yaml-file.js', async (importOriginal) => {
      const original = await importOriginal<typeof import('../src/load/yaml-file.js')>();
      return {
        ...original,
        parseYamlFile: (...args: Parameters<typeof original.parseYamlFile>) => {
          strictCalls.n++;
          return original.parseYamlFile(...args);
        },
      };
    });
    const { parseRecord, parseRecordStrictly } = await import('../src/load/record.js');
    const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'valid', 'corridors', 'example-corridor.yaml'), 'utf8');
    const broken = `${text.replace(/^kind: .*$/m, 'kind: railroad')}unknown_field: 1\n`;
    const file = { collection: 'corridors' as const, path: 'x.yaml', display: 'x.yaml', stem: 'example-corridor' };
    const bytes = new TextEncoder().encode(broken);
    const fast = parseRecord(file, bytes);
    expect(strictCalls.n, 'the strict parser was not needed').toBe(0);
    const strict = parseRecordStrictly(file, bytes);
    expect(strictCalls.n).toBe(1);
    expect(fast.problems.length).toBe(2);
    expect(fast).toEqual(strict);
    vi.doUnmock('../src/load/yaml-file.js');
  });
});
