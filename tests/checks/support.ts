import { validateDataDir, type ValidateOptions } from '../../src/validate.js';
import { datasetWith } from '../helpers/dataset.js';

/** The valid fixtures with `files` replaced or added: the problem lines of one rule, paths relative to data/. */
export function problemsOf(rule: string, files: Record<string, string | null>, options: (data: string) => ValidateOptions = () => ({})): string[] {
  const data = datasetWith(files);
  return validateDataDir(data, options(data))
    .problems.filter((p) => p.rule === rule)
    .map((p) => `${p.file.split(`${data}/`).join('')}:${p.line}:${p.col}: ${p.message}`);
}

/** Every problem of a dataset, any rule (to show a fixture is otherwise valid). */
export const allProblems = (files: Record<string, string | null>): string[] =>
  validateDataDir(datasetWith(files)).problems.map((p) => `${p.rule}: ${p.message}`);

export const corridor = (id: string, extra = '', status = 'proposed') =>
  `id: ${id}\nname: Corridor ${id}\nkind: corridor\nstatus: ${status}\n${extra}sources:\n  - source: example-news\n    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.\n`;

export const country = (id: string, name: string, code: string) =>
  `id: ${id}\nkind: country\nname: ${name}\ncountry_code: ${code}\nsources:\n  - source: example-news\n    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.\n`;
