/**
 * A small dataset for rule tests, independent of the shared fixtures: one source, two countries,
 * one corridor, plus the files a test adds. Problems are filtered to the rule under test.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateDataDir, type ValidateOptions } from '../../src/validate.js';
import { tempDir, VALID } from '../helpers/run.js';

const citation = (supports: string) =>
  `sources:\n  - source: example-news\n    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.\n    supports:\n      - ${supports}\n`;

export const corridor = (id: string, extra = '', status = 'proposed') =>
  `id: ${id}\nname: Corridor ${id}\nkind: corridor\nstatus: ${status}\n${extra}${citation('name')}`;

export const country = (id: string, name: string, code: string) =>
  `id: ${id}\nkind: country\nname: ${name}\ncountry_code: ${code}\n${citation('name')}`;

export const agreement = (id: string, extra = '') =>
  `id: ${id}\ntitle: Agreement ${id}\nkind: declaration\ndate: "2021"\nparties:\n  - azerbaijan\nstatus: signed\n${extra}${citation('title')}`;

function dataset(files: Record<string, string | null>): string {
  const dir = join(tempDir('cc-checks-'), 'data');
  mkdirSync(join(dir, 'sources'), { recursive: true });
  cpSync(join(VALID, 'sources', 'example-news.yaml'), join(dir, 'sources', 'example-news.yaml'));
  const base: Record<string, string | null> = {
    'actors/azerbaijan.yaml': country('azerbaijan', 'Azerbaijan', 'AZ'),
    'actors/turkiye.yaml': country('turkiye', 'Türkiye', 'TR'),
    'corridors/example-corridor.yaml': corridor('example-corridor'),
    ...files,
  };
  for (const [path, contents] of Object.entries(base)) {
    if (contents === null) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

/**
 * The problem lines of one rule (`file:line:col: message`, paths relative to data/). Throws when
 * a file fails its schema: a rule test on records that never reach the rules would prove nothing.
 */
export function problemsOf(
  rule: string,
  files: Record<string, string | null>,
  options: (data: string) => ValidateOptions = () => ({}),
): string[] {
  const data = dataset(files);
  const { problems } = validateDataDir(data, options(data));
  const invalid = problems.filter((p) => ['schema', 'yaml-syntax', 'encoding', 'data-layout'].includes(p.rule));
  if (invalid.length)
    throw new Error(`test input is not schema-valid:\n${invalid.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`);
  return problems.filter((p) => p.rule === rule).map((p) => `${p.file.split(`${data}/`).join('')}:${p.line}:${p.col}: ${p.message}`);
}
