/**
 * Specific curated facts must survive into the built JSON and CSV (not just counts).
 * Each fact below is stated in one of the source documents; see the record's citations.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { sha256 } from '../src/verify/sources.js';
import { ROOT } from './helpers/run.js';

let dist: string;
const records = (c: string): any[] => JSON.parse(readFileSync(join(dist, `json/${c}.json`), 'utf8')).records;
const byId = (c: string, id: string) => records(c).find((r) => r.id === id);
/** CSV rows of a table as objects keyed by header. */
const csvRows = (table: string): Record<string, string>[] =>
  parseCsv(readFileSync(join(dist, `csv/${table}.csv`)), { bom: true, columns: true });
const csvRow = (table: string, id: string) => csvRows(table).find((r) => r.id === id)!;

beforeAll(() => {
  dist = inject('packageDist');
});

describe('corridors', () => {
  it('Zangezur: 40 km road and rail through Syunik, proposed, opposed by Armenia and Iran', () => {
    const z = byId('corridors', 'zangezur-corridor');
    expect(z.length).toEqual({ value: 40, unit: 'km' });
    expect(z.modes).toEqual(expect.arrayContaining(['road', 'rail']));
    expect(z.aliases).toContain('Nakhchivan corridor');
    expect(z.opponents).toEqual(expect.arrayContaining(['armenia', 'iran']));
    expect(z.status).toBe('proposed');
    const row = csvRow('corridors', 'zangezur-corridor');
    expect(row['length.value']).toBe('40');
    expect(row['length.unit']).toBe('km');
    expect(row['endpoints.via']).toBe('Armenia’s Syunik Province');
  });

  it('Astara–Rasht: a 170 km railway section agreed in May 2023', () => {
    const r = byId('corridors', 'astara-rasht-railway');
    expect(r.length).toMatchObject({ value: 170, unit: 'km' });
    expect(r.status_history).toContainEqual(expect.objectContaining({ date: '2023-05', status: 'agreed' }));
    expect(csvRow('corridors', 'astara-rasht-railway')['status_history.date']).toBe('2023-05');
  });

  it('Astarachay bridge: about 100 m long, 31 m wide, part of the North–South corridor', () => {
    const b = byId('corridors', 'astarachay-bridge');
    expect(b.kind).toBe('bridge');
    expect(b.length).toMatchObject({ value: 100, unit: 'm' });
    expect(b.width).toMatchObject({ value: 31, unit: 'm' });
    expect(b.part_of).toContain('international-north-south-transport-corridor');
    const row = csvRow('corridors', 'astarachay-bridge');
    expect([row['length.value'], row['width.value']]).toEqual(['100', '31']);
  });

  it('the bypass railway through Iran is an alternative to Zangezur (also in the link table)', () => {
    expect(byId('corridors', 'iran-bypass-railway').alternative_to).toContain('zangezur-corridor');
    expect(csvRows('corridor-alternative-to')).toContainEqual({
      corridor: 'iran-bypass-railway',
      related_corridor: 'zangezur-corridor',
      position: '1',
    });
  });
});

describe('agreements', () => {
  it('the 10 November 2020 ceasefire, Russia-brokered', () => {
    const a = byId('agreements', 'trilateral-ceasefire-declaration-2020');
    expect(a).toMatchObject({ kind: 'ceasefire', date: '2020-11-10', brokers: ['russia'] });
    expect(csvRow('agreements', 'trilateral-ceasefire-declaration-2020').date).toBe('2020-11-10');
  });

  it('the Shusha Declaration of 15 June 2021 between Azerbaijan and Turkey', () => {
    const a = byId('agreements', 'shusha-declaration');
    expect(a).toMatchObject({ date: '2021-06-15', place: 'Shusha' });
    expect(a.parties).toEqual(['azerbaijan', 'turkey']);
    const parties = csvRows('agreement-parties').filter((r) => r.agreement === 'shusha-declaration');
    expect(parties.map((r) => r.actor)).toEqual(['azerbaijan', 'turkey']);
  });
});

describe('trade figures', () => {
  it('Azerbaijan–Iran trade grew from $608 million to $688 million: one record, period exactly as stated', () => {
    const t = byId('trade-figures', 'azerbaijan-iran-bilateral-trade-2022-2023');
    expect(t).toMatchObject({ indicator: 'trade-turnover', from_value: 608000000, value: 688000000, unit: 'USD' });
    expect(t.period).toMatchObject({ start: '2022-03', end: '2023-03', as_stated: 'in the period March 2022-March 2023' });
    expect(t.note).toMatch(/ambiguous/i);
    const row = csvRow('trade-figures', 'azerbaijan-iran-bilateral-trade-2022-2023');
    expect(row.value).toBe('688000000');
    expect(row['period.start']).toBe('2022-03');
  });
});

describe('quotes and actors', () => {
  it('Erdoğan’s words at the Naxcivan pipeline groundbreaking, verbatim', () => {
    const q = byId('quotes', 'erdogan-windows-of-opportunity');
    expect(q.text).toBe('Windows of opportunity for regional normalization have opened and should be seized');
    expect(q.speaker).toBe('recep-tayyip-erdogan');
    expect(q.sources[0].excerpt).toContain(q.text);
    expect(csvRow('quotes', 'erdogan-windows-of-opportunity').text).toBe(q.text);
  });

  it('countries carry ISO codes and the spellings the sources use, diacritics intact in CSV', () => {
    expect(byId('actors', 'turkey')).toMatchObject({ kind: 'country', country_code: 'TR' });
    expect(byId('actors', 'turkey').aliases).toContain('Türkiye');
    expect(csvRow('actors', 'turkey').aliases).toContain('Türkiye');
    expect(byId('actors', 'azerbaijan').country_code).toBe('AZ');
  });
});

describe('sources', () => {
  it('dates only where the text supports them, with the derivation noted', () => {
    expect(byId('sources', 'shahbazov-azerbaijan-iran-normalization-2023').published).toBe('2023-09-28');
    const bloomberg = byId('sources', 'bloomberg-erdogan-naxcivan-2023');
    expect(bloomberg.published).toBe('2023?');
    expect(bloomberg.published_note).toMatch(/©2023/);
    expect(byId('sources', 'turkic-trade-corridor-analysis').published).toBeUndefined();
    expect(byId('sources', 'shahbazov-compilation').kind).toBe('compilation');
  });

  const seeds = join(ROOT, '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))('text_sha256 is the SHA-256 of each archived text', () => {
    const hashes = new Map(readdirSync(seeds).map((f) => [f, sha256(readFileSync(join(seeds, f)))]));
    for (const s of records('sources')) expect(hashes.get(s.archived_as), s.id).toBe(s.text_sha256);
  });
});
