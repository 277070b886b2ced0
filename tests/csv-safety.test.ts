/**
 * Issue #13: CSV rows cannot split and no cell is a formula.
 *
 * A valid dataset whose text holds line breaks and formula-like starts (also after spaces or
 * zero-width characters, and in full-width forms) is built; every CSV is then read by readers
 * that end a row on CRLF, LF or CR alike (csv-parse told so, and Python's `csv` when present).
 * Each must find exactly one row per record, and no cell a spreadsheet would evaluate.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDataDir } from '../src/build.js';
import { columnsOf } from '../src/emit/csv-format.js';
import { linkTables } from '../src/emit/csv.js';
import { toDataset } from '../src/model/dataset.js';
import { CITATIONS_CSV } from '../src/model/paths.js';
import { referencesOf } from '../src/model/references.js';
import { COLLECTION_NAMES } from '../src/schema/index.js';
import { validateDataDir } from '../src/validate.js';
import { datasetWith } from './helpers/dataset.js';
import { tempDir } from './helpers/run.js';

const hostileCorridor = `id: formula-corridor
name: "\\u200b=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
aliases:
  - "＝1+1"
  - "@SUM(A1:A9)"
  - "＋1"
  - "－1"
  - "＠cmd"
kind: corridor
endpoints:
  from: "\\u2060+1"
  to: "\\u200d-2+3"
status: proposed
description: |-
  A harmless first line
  =cmd|' /C calc'!A0
sources:
  - source: example-news
    excerpt: " =1+2 \\u00a0=3 more words here"
    supports: [name, aliases, kind, endpoints, description]
    note: "@SUM(1) as a note"
  - source: example-news
    excerpt: "\\u00a0=2*3 and more words"
    supports: [status]
    note: "\\u2060=1 hides behind a word joiner"
`;

/** Characters a spreadsheet skips before it reads a cell's first character. */
const SKIPPED = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff']);
/** Would a spreadsheet read this cell as a formula? (Plain numbers such as -5 are data.) */
function evaluates(cell: string): boolean {
  if (/^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i.test(cell)) return false;
  const chars = [...cell];
  const first = chars.find((c) => !SKIPPED.has(c));
  return first !== undefined && '=+-@'.includes(first.normalize('NFKC'));
}

describe('CSV output of hostile but valid text', async () => {
  const data = datasetWith({ 'corridors/formula-corridor.yaml': hostileCorridor });
  const out = join(tempDir('cc-csv-safety-'), 'out');
  const result = await buildDataDir(data, out, { pkg: { name: 'caucasus-corridors', version: '0.0.0-test' } });
  const dataset = toDataset(validateDataDir(data).records);

  /** Rows each CSV must have, header included. */
  const expectedRows = new Map<string, number>();
  for (const c of COLLECTION_NAMES) expectedRows.set(`csv/${c}.csv`, dataset[c].length + 1);
  for (const table of linkTables()) {
    const field = columnsOf(table.owner).find((col) => col.name === table.field)!.field;
    expectedRows.set(table.path, dataset[table.owner].reduce((n, r) => n + [...referencesOf(r, field)].length, 0) + 1);
  }
  const citations = COLLECTION_NAMES.flatMap((c): readonly unknown[] => dataset[c]).reduce<number>(
    (n, r) => n + ((r as { sources?: unknown[] }).sources?.length ?? 0),
    0,
  );
  expectedRows.set(CITATIONS_CSV, citations + 1);
  const csvFiles = readdirSync(join(out, 'csv'))
    .map((f) => `csv/${f}`)
    .sort();

  it('builds, and covers every CSV file', () => {
    expect(result.problems).toEqual([]);
    expect(csvFiles).toEqual([...expectedRows.keys()].sort());
  });

  it('the hostile description really holds a line break and a formula on its second line', () => {
    const corridor = dataset.corridors.find((r) => r.id === 'formula-corridor') as { description: string };
    expect(corridor.description).toBe("A harmless first line\n=cmd|' /C calc'!A0");
  });

  const strict = (path: string): string[][] =>
    parse(readFileSync(join(out, path)), {
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: false,
      relax_column_count: false,
    });

  for (const path of [...expectedRows.keys()]) {
    it(`${path}: one row per record with any row ending, and no cell a spreadsheet evaluates`, () => {
      const rows = strict(path);
      expect(rows).toHaveLength(expectedRows.get(path)!);
      const formulas = rows.flat().filter(evaluates);
      expect(formulas).toEqual([]);
    });
  }

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)("Python's csv module reads the same rows (python3 present)", () => {
    const script = `
import csv, json, sys
out = {}
for path in sys.argv[2:]:
    with open(sys.argv[1] + '/' + path, newline='', encoding='utf-8-sig') as f:
        out[path] = list(csv.reader(f, strict=True))
print(json.dumps(out))`;
    const run = spawnSync('python3', ['-c', script, out, ...csvFiles], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.stderr).toBe('');
    const byPath = JSON.parse(run.stdout) as Record<string, string[][]>;
    for (const path of csvFiles) {
      expect(byPath[path], path).toHaveLength(expectedRows.get(path)!);
      expect(byPath[path]).toEqual(strict(path));
      expect(byPath[path]!.flat().filter(evaluates), path).toEqual([]);
    }
  });
});
