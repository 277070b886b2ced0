/**
 * `npm run test:spreadsheet`: the published tables read by the tools people use, on a fresh
 * build of data/ (or `--dist DIR`):
 *
 * - Frictionless (the `datapackage` JS library) reads every resource of datapackage.json,
 *   foreign keys checked, with no workaround;
 * - Python's csv.DictReader (encoding utf-8) and csv-parse with default options see `id`
 *   (or the table's first column) as the first header of every CSV;
 * - LibreOffice headless converts every sheet of the workbook to CSV, and every cell is
 *   compared with the JSON (collections) or with the CSV (link tables, citations), which the
 *   round-trip tests tie to the JSON. Booleans come back as TRUE / FALSE.
 *
 * Needs `python3` and `soffice` (Debian: apt-get install -y libreoffice-calc-nogui).
 * Prints one line per check and `N passed, N failed`; exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { COMBINED_JSON, DATAPACKAGE_JSON } from '../src/model/paths.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { Package } from 'datapackage';
import { columnsOf, encodeCell } from '../src/emit/csv-format.js';
import { ABOUT_SHEET, sheetNames, typedCell, XLSX_PATH, type TableResource } from '../src/emit/xlsx.js';
import { isCollectionName } from '../src/schema/index.js';
import { check, finish } from './check-report.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { dist: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const scratch = mkdtempSync(join(tmpdir(), 'cc-spreadsheet-'));

function build(): string {
  const out = join(scratch, 'dist');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
  return out;
}

try {
  const dist = values.dist ?? build();
  const descriptor = JSON.parse(readFileSync(join(dist, DATAPACKAGE_JSON), 'utf8')) as { resources: TableResource[] };
  const all = JSON.parse(readFileSync(join(dist, COMBINED_JSON), 'utf8')) as {
    counts: Record<string, number>;
    collections: Record<string, Record<string, unknown>[]>;
  };

  // Frictionless: every resource, foreign keys included.
  {
    const problems: string[] = [];
    const pkg = await Package.load(join(dist, DATAPACKAGE_JSON), { strict: false });
    if (!pkg.valid) problems.push(...pkg.errors.map((e: Error) => `datapackage.json: ${e.message}`));
    for (const resource of pkg.resources) {
      try {
        const rows = await resource.read({ relations: true, keyed: true });
        const expected = all.counts[resource.name];
        if (expected !== undefined && rows.length !== expected)
          problems.push(`${resource.name}: ${rows.length} rows, all.json counts ${expected}`);
        if (rows.length > 0 && !(resource.schema.fields[0].name in rows[0]))
          problems.push(`${resource.name}: first column missing from the rows`);
      } catch (error) {
        const e = error as { message: string; errors?: { message: string }[] };
        problems.push(`${resource.descriptor.path}: ${[e.message, ...(e.errors ?? []).map((x) => x.message)].join(' | ')}`);
      }
    }
    check(`Frictionless reads all ${pkg.resources.length} resources with foreign keys checked`, problems);
  }

  // Python csv and csv-parse with their defaults.
  {
    const csvs = readdirSync(join(dist, 'csv')).sort();
    const firstColumns = Object.fromEntries(descriptor.resources.map((r) => [r.path.slice(4), r.schema.fields[0]!.name]));
    const python = spawnSync(
      'python3',
      [
        '-c',
        'import csv, json, sys\nout = {}\nfor p in sys.argv[1:]:\n    with open(p, encoding="utf-8", newline="") as f:\n        r = csv.DictReader(f)\n        out[p] = [r.fieldnames[0], sum(1 for _ in r)]\nprint(json.dumps(out))',
        ...csvs.map((f) => join(dist, 'csv', f)),
      ],
      { encoding: 'utf8' },
    );
    const problems: string[] = python.status === 0 ? [] : [`python3 failed: ${python.stderr}`];
    if (python.status === 0) {
      const seen = JSON.parse(python.stdout) as Record<string, [string, number]>;
      for (const f of csvs) {
        const [first] = seen[join(dist, 'csv', f)]!;
        if (first !== firstColumns[f])
          problems.push(`csv/${f}: csv.DictReader sees first column ${JSON.stringify(first)}, expected ${JSON.stringify(firstColumns[f])}`);
      }
    }
    check(`Python csv.DictReader (encoding utf-8) sees the first column of all ${csvs.length} CSVs`, problems);

    const parseProblems: string[] = [];
    for (const f of csvs) {
      const rows = parse(readFileSync(join(dist, 'csv', f)), { columns: true }) as Record<string, string>[];
      const first = firstColumns[f]!;
      if (rows.length && rows.some((row) => row[first] === undefined))
        parseProblems.push(`csv/${f}: csv-parse (columns: true) gives row.${first} === undefined`);
    }
    check(`csv-parse defaults see the first column of all ${csvs.length} CSVs`, parseProblems);
  }

  // LibreOffice: every sheet of the workbook, every cell.
  {
    const workbook = join(dist, XLSX_PATH);
    const outDir = join(scratch, 'libreoffice');
    // A fresh profile per run: parallel runs never share (or lock) one.
    const profile = pathToFileURL(mkdtempSync(join(scratch, 'profile-'))).href;
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, workbook],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const problems: string[] = [];
    if (lo.error || lo.status !== 0)
      problems.push(
        `soffice failed (${lo.error?.message ?? `exit ${lo.status}`}): ${lo.stderr}; install it with apt-get install -y libreoffice-calc-nogui`,
      );
    else {
      const names = sheetNames(descriptor.resources);
      const sheetCsv = (sheet: string) => join(outDir, `caucasus-corridors-${sheet}.csv`);
      const read = (path: string) => parse(readFileSync(path, 'utf8'), { relax_column_count: true }) as string[][];
      if (!existsSync(sheetCsv(ABOUT_SHEET))) problems.push(`sheet "${ABOUT_SHEET}" missing`);
      else if (
        read(sheetCsv(ABOUT_SHEET))[1]?.[1] !==
        (JSON.parse(readFileSync(join(dist, DATAPACKAGE_JSON), 'utf8')) as { version: string }).version
      )
        problems.push(`sheet "${ABOUT_SHEET}": the version is not in B2`);
      let cells = 0;
      // What LibreOffice prints for a typed cell.
      const shown = (value: string | number | boolean | null) =>
        value === null ? '' : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
      for (const resource of descriptor.resources) {
        const sheet = names.get(resource.name)!;
        if (!existsSync(sheetCsv(sheet))) {
          problems.push(`sheet "${sheet}" missing from the workbook`);
          continue;
        }
        const got = read(sheetCsv(sheet));
        const fields = resource.schema.fields;
        let expected: string[][];
        if (isCollectionName(resource.name)) {
          // Collections: straight from the JSON records, through the CSV column definitions.
          const columns = columnsOf(resource.name);
          expected = all.collections[resource.name]!.map((record) =>
            columns.map((c, i) => shown(typedCell(encodeCell(record, c.field), fields[i]!))),
          );
        } else {
          expected = (parse(readFileSync(join(dist, resource.path)), {}) as string[][])
            .slice(1)
            .map((row) => row.map((text, i) => shown(typedCell(text, fields[i]!))));
        }
        const header = fields.map((f) => f.name);
        if (JSON.stringify(got[0]) !== JSON.stringify(header))
          problems.push(`${sheet}: header ${JSON.stringify(got[0])}, expected ${JSON.stringify(header)}`);
        if (got.length - 1 !== expected.length) problems.push(`${sheet}: ${got.length - 1} rows, expected ${expected.length}`);
        for (const [r, row] of expected.entries())
          for (const [c, want] of row.entries()) {
            cells++;
            const have = got[r + 1]?.[c] ?? '';
            if (have !== want)
              problems.push(`${sheet}!R${r + 2}C${c + 1} (${header[c]}): ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
          }
      }
      process.stdout.write(`     (${cells} cells compared in ${descriptor.resources.length} sheets)\n`);
      if (cells === 0) problems.push('no cell compared');
    }
    check('LibreOffice converts every sheet of the workbook and every cell matches the JSON', problems);
  }
} catch (error) {
  check('spreadsheet checks ran', [(error as Error).stack ?? String(error)]);
} finally {
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  else process.stdout.write(`kept ${scratch}\n`);
}

finish();
