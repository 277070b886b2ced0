import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, collections, DATE_PATTERN, type CollectionName } from '../src/schema/index.js';
import { validateRecord } from '../src/api.js';
import { VALID } from './helpers/run.js';

const fixture = (collection: CollectionName): Record<string, unknown>[] =>
  readdirSync(join(VALID, collection))
    .sort()
    .map((f) => parse(readFileSync(join(VALID, collection, f), 'utf8')));

const clone = <T>(v: T): T => structuredClone(v);

describe('every collection schema accepts the valid fixtures', () => {
  for (const collection of COLLECTION_NAMES)
    it(collection, () => {
      const records = fixture(collection);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(validateRecord(collection, record)).toMatchObject({ success: true });
    });
});

type Case = [name: string, collection: CollectionName, mutate: (r: Record<string, any>) => void, path: string, message: RegExp];

const cases: Case[] = [
  ['unknown key', 'corridors', (r) => (r.lenght = 4), 'lenght', /unknown key "lenght"; did you mean "length"\?/],
  ['missing required field', 'corridors', (r) => delete r.status, 'status', /missing required field "status"/],
  ['misspelled enum', 'corridors', (r) => (r.status = 'operatonal'), 'status', /"operatonal" is not an allowed value.*did you mean "operational"\?/],
  ['uppercase id', 'corridors', (r) => (r.id = 'Example-Corridor'), 'id', /must be kebab-case ASCII/],
  ['id with space', 'actors', (r) => (r.id = 'azer baijan'), 'id', /must be kebab-case ASCII/],
  ['no citations', 'agreements', (r) => (r.sources = []), 'sources', /needs at least one citation/],
  ['empty excerpt', 'quotes', (r) => (r.sources[0].excerpt = ''), 'sources[0].excerpt', /must not be empty/],
  ['excerpt too long', 'quotes', (r) => (r.sources[0].excerpt = 'x'.repeat(401)), 'sources[0].excerpt', /at most 400 characters/],
  ['impossible date', 'agreements', (r) => (r.date = '2023-02-30'), 'date', /"2023-02-30" is not a real calendar date/],
  ['non-leap 29 February', 'agreements', (r) => (r.date = '2023-02-29'), 'date', /not a real calendar date/],
  ['far future date', 'agreements', (r) => (r.date = '2150'), 'date', /outside the accepted years/],
  ['date as number', 'agreements', (r) => (r.date = 2021), 'date', /expected string, got number 2021: .*quotes/],
  ['bad country code', 'actors', (r) => (r.country_code = 'XX'), 'country_code', /"XX" is not an allowed value/],
  ['country code of wrong kind', 'actors', (r) => (r.kind = 'cuntry'), 'kind', /"cuntry": expected one of "country", "person", "organization"; did you mean "country"\?/],
  ['negative value', 'trade-figures', (r) => (r.value = -5), 'value', /must be at least 0, got -5/],
  ['infinite value', 'trade-figures', (r) => (r.value = Infinity), 'value', /must be a finite number/],
  ['value with words', 'trade-figures', (r) => (r.value = '608 million'), 'value', /write a plain number/],
  ['yes as boolean', 'trade-figures', (r) => (r.approximate = 'yes'), 'approximate', /write true or false/],
  ['lowercase currency', 'trade-figures', (r) => (r.unit = 'usd'), 'unit', /ISO 4217 currency code/],
  ['blank name', 'actors', (r) => (r.name = '  Azerbaijan'), 'name', /without leading or trailing whitespace/],
  ['hash not hex', 'sources', (r) => (r.text_sha256 = 'abc'), 'text_sha256', /lowercase hex SHA-256/],
  ['bad language tag', 'sources', (r) => (r.language = 'english'), 'language', /BCP 47/],
  ['bad length unit', 'corridors', (r) => (r.length = { value: 40, unit: 'kilometres' }), 'length.unit', /"kilometres" is not an allowed value/],
  ['top-level list', 'quotes', () => undefined, '', /expected object/],
];

describe('schemas reject bad records with a precise message', () => {
  for (const [name, collection, mutate, path, message] of cases)
    it(`${collection}: ${name}`, () => {
      const record = clone(fixture(collection)[0]!);
      mutate(record);
      const input = name === 'top-level list' ? [record] : record;
      const result = validateRecord(collection, input);
      expect(result.success).toBe(false);
      if (result.success) return;
      const problem = result.problems.find((p) => p.path === path);
      expect(problem, JSON.stringify(result.problems)).toBeDefined();
      expect(problem!.message).toMatch(message);
    });
});

describe('dates', () => {
  const ok = ['2023', '2023-10', '2023-09-25', '2024-02-29', '2000-02-29', '2023~', '2023-09?', '2023-09-25%', '1997'];
  const bad = ['2023-13', '2023-00', '2023-04-31', '1900-02-29', '2100-02-29', '23', '2023-9-1', '2023-09-25T10:00', '2023~?', '0999', '2101', ' 2023'];
  it.each(ok)('accepts %s', (d) => expect(DATE_PATTERN.test(d)).toBe(true));
  it.each(bad)('rejects %s', (d) => expect(DATE_PATTERN.test(d)).toBe(false));
});

it('strict objects everywhere: nested unknown keys are errors too', () => {
  const record = clone(fixture('corridors')[0]!);
  (record as any).sources[0].page = 3;
  const result = validateRecord('corridors', record);
  expect(result.success).toBe(false);
  expect(!result.success && result.problems[0]).toMatchObject({ path: 'sources[0].page' });
});

it('suggestions catch swapped letters in words but not wild guesses for short codes', async () => {
  const { didYouMean } = await import('../src/suggest.js');
  expect(didYouMean('nmae', ['name', 'aliases'])).toBe('name');
  expect(didYouMean('operatonal', ['operational', 'proposed'])).toBe('operational');
  expect(didYouMean('XYZ', ['BYN', 'USD'])).toBeUndefined();
  expect(didYouMean('USX', ['USD', 'EUR'])).toBe('USD');
});
