import type { PathProblem } from '../problems.js';
import { everyRecordOf, recordsOf, type DatasetCheck } from './types.js';

/**
 * Names compared as a reader would: NFKC (full-width, ligatures, composed accents) and case
 * folded (upper- then lower-casing also folds ß to ss), inner whitespace collapsed.
 */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Two actors are one when they share an ISO country code, or a name up to Unicode normalisation and case. */
export const uniqueActors: DatasetCheck = {
  name: 'unique-actors',
  description: 'No two actors share a country code, or a name equal after Unicode normalisation (NFKC) and case folding.',
  run(ctx) {
    const checked = recordsOf(ctx, 'actors');
    if (checked.length === 0) return [];
    const all = everyRecordOf(ctx, 'actors');
    const byCode = new Map<string, string[]>();
    const byName = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string, id: string) => {
      const ids = map.get(key);
      if (ids) ids.push(id);
      else map.set(key, [id]);
    };
    for (const actor of all.values()) {
      if (actor.kind === 'country') add(byCode, actor.country_code, actor.id);
      add(byName, nameKey(actor.name), actor.id);
    }
    const problems: PathProblem[] = [];
    for (const r of checked) {
      const a = r.data;
      const sameCode = a.kind === 'country' ? (byCode.get(a.country_code) ?? []).filter((id) => id !== a.id) : [];
      if (a.kind === 'country' && sameCode.length)
        problems.push({
          file: r.file.display,
          path: ['country_code'],
          rule: 'unique-actors',
          message: `country code ${a.country_code} is also the code of ${sameCode.map((id) => `"${id}"`).join(', ')}: one country is one actor; merge the records (other names go in aliases)`,
        });
      const sameName = (byName.get(nameKey(a.name)) ?? []).filter((id) => id !== a.id);
      if (sameName.length)
        problems.push({
          file: r.file.display,
          path: ['name'],
          rule: 'unique-actors',
          message: `name "${a.name}" is also the name of ${sameName.map((id) => `"${id}"`).join(', ')} (ignoring case and Unicode variants): merge the records, or make the names tell them apart`,
        });
    }
    return problems;
  },
};
