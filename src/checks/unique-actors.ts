import { datasetCheck, idList, sharingKey } from './types.js';

/**
 * Names compared as a reader would: NFKC (full-width, ligatures, composed accents) and case
 * folded (upper- then lower-casing also folds ß to ss), inner whitespace collapsed.
 */
export const nameKey = (name: string): string =>
  name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** Two actors are one when they share an ISO country code, or a name up to Unicode normalisation and case. */
export const uniqueActors = datasetCheck<{ name: string; nameKey: string; countryCode?: string }>({
  name: 'unique-actors',
  description: 'No two actors share a country code, or a name equal after Unicode normalisation (NFKC) and case folding.',
  factsOf: (record) =>
    record.collection === 'actors'
      ? {
          name: record.data.name,
          nameKey: nameKey(record.data.name),
          ...(record.data.kind === 'country' ? { countryCode: record.data.country_code } : {}),
        }
      : undefined,
  run: (ctx) => [
    ...sharingKey(ctx, 'actors', (a) => a.countryCode).map(({ record, key, others }) => ({
      file: record.file.display,
      path: ['country_code'],
      rule: 'unique-actors',
      message: `country code ${key} is also the code of ${idList(others)}: one country is one actor; merge the records (other names go in aliases)`,
    })),
    ...sharingKey(ctx, 'actors', (a) => a.nameKey).map(({ record, facts, others }) => ({
      file: record.file.display,
      path: ['name'],
      rule: 'unique-actors',
      message: `name "${facts.name}" is also the name of ${idList(others)} (ignoring case and Unicode variants): merge the records, or make the names tell them apart`,
    })),
  ],
});
