import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, DATE_PATTERN, type CollectionName } from '../src/schema/index.js';
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
  [
    'misspelled enum',
    'corridors',
    (r) => (r.status = 'operatonal'),
    'status',
    /"operatonal" is not an allowed value.*did you mean "operational"\?/,
  ],
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
  [
    'country code of wrong kind',
    'actors',
    (r) => (r.kind = 'cuntry'),
    'kind',
    /"cuntry": expected one of "country", "person", "organization"; did you mean "country"\?/,
  ],
  ['negative value', 'trade-figures', (r) => (r.value = -5), 'value', /must be at least 0, got -5/],
  ['infinite value', 'trade-figures', (r) => (r.value = Infinity), 'value', /must be a finite number/],
  ['value with words', 'trade-figures', (r) => (r.value = '608 million'), 'value', /write a plain number/],
  ['yes as boolean', 'trade-figures', (r) => (r.approximate = 'yes'), 'approximate', /write true or false/],
  ['lowercase currency', 'trade-figures', (r) => (r.unit = 'usd'), 'unit', /ISO 4217 currency code/],
  ['blank name', 'actors', (r) => (r.name = '  Azerbaijan'), 'name', /without leading or trailing whitespace/],
  ['hash not hex', 'sources', (r) => (r.text_sha256 = 'abc'), 'text_sha256', /lowercase hex SHA-256/],
  ['bad language tag', 'sources', (r) => (r.language = 'english'), 'language', /BCP 47/],
  [
    'bad length unit',
    'corridors',
    (r) => (r.length = { value: 40, unit: 'kilometres' }),
    'length.unit',
    /"kilometres" is not an allowed value/,
  ],
  ['top-level list', 'quotes', () => undefined, '', /expected object/],
  // Issue #13: text that drives terminals, reorders display or says nothing; unsafe ids and URLs.
  ['Windows device name as id', 'actors', (r) => (r.id = 'con'), 'id', /"con" is a device name Windows reserves .*choose a longer id/],
  ['Windows device name com1', 'corridors', (r) => (r.id = 'com1'), 'id', /device name Windows reserves/],
  ['reference to a Windows device name', 'corridors', (r) => (r.countries = ['nul']), 'countries[0]', /device name Windows reserves/],
  ['ESC in a name', 'actors', (r) => (r.name = 'Azer\u001b[2Jbaijan'), 'name', /contains a control character \(U\+001B at character 5\)/],
  ['BEL in a note', 'corridors', (r) => (r.note = 'ding\u0007'), 'note', /control character \(U\+0007/],
  ['NUL in an alias', 'corridors', (r) => (r.aliases = ['a\u0000b']), 'aliases[0]', /control character \(U\+0000/],
  ['C1 control in a title', 'agreements', (r) => (r.title = 'Decl\u0085aration'), 'title', /control character \(U\+0085/],
  [
    'bidi override in a name',
    'actors',
    (r) => (r.name = '\u202eAzerbaijan'),
    'name',
    /bidirectional control character.*U\+202E at character 1\): remove it$/,
  ],
  ['bidi isolate in a note', 'corridors', (r) => (r.note = 'a\u2066b'), 'note', /bidirectional control character/],
  [
    'bidi control in an excerpt',
    'quotes',
    (r) => (r.sources[0].excerpt += '\u202d'),
    'sources[0].excerpt',
    /bidirectional control character/,
  ],
  ['ESC in an excerpt', 'quotes', (r) => (r.sources[0].excerpt += '\u001b'), 'sources[0].excerpt', /control character \(U\+001B/],
  ['zero-width space as a name', 'actors', (r) => (r.name = '\u200b'), 'name', /is blank: it holds only spaces or invisible characters/],
  ['Hangul filler as a note', 'corridors', (r) => (r.note = '\u3164'), 'note', /is blank/],
  ['line break in a one-line field', 'actors', (r) => (r.name = 'Azer\nbaijan'), 'name', /line break; this field holds a single line/],
  ['tab in a one-line field', 'corridors', (r) => (r.aliases = ['a\tb']), 'aliases[0]', /tab; this field holds a single line/],
  ['CR in a multi-line field', 'corridors', (r) => (r.description = 'one\r\ntwo'), 'description', /control character \(U\+000D/],
  ['javascript: URL', 'sources', (r) => (r.url = 'javascript:alert(1)'), 'url', /"javascript:alert\(1\)" is not an http\(s\) URL/],
  ['ftp URL', 'sources', (r) => (r.url = 'ftp://example.org/file'), 'url', /not an http\(s\) URL/],
  ['URL with a space', 'sources', (r) => (r.url = 'https://example.org/a b'), 'url', /not an http\(s\) URL/],
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

describe('text that may span lines', () => {
  it('notes and descriptions keep line breaks and tabs; names and URLs are accepted as usual', () => {
    const record = clone(fixture('corridors')[0]!);
    record.description = 'A first line\n\tand an indented second line';
    record.note = 'Line one\nLine two';
    expect(validateRecord('corridors', record)).toMatchObject({ success: true });
    const source = clone(fixture('sources')[0]!);
    source.url = 'https://example.org/news/2023/09/25/corridor?lang=en#top';
    expect(validateRecord('sources', source)).toMatchObject({ success: true });
  });

  it('messages show control characters visibly, never raw', () => {
    const record = clone(fixture('corridors')[0]!);
    record.id = 'a\u001b[2J';
    record.status = 'operat\u0007ional';
    record['x\u001b[31m'] = 1;
    const result = validateRecord('corridors', record);
    expect(result.success).toBe(false);
    if (result.success) return;
    const messages = result.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('\\u{1b}[2J');
    expect(messages).toContain('\\u{7}');
    expect(messages).toContain('unknown key "x\\u{1b}[31m"');
    expect(messages).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

describe('dates', () => {
  const ok = ['2023', '2023-10', '2023-09-25', '2024-02-29', '2000-02-29', '2023~', '2023-09?', '2023-09-25%', '1997'];
  const bad = [
    '2023-13',
    '2023-00',
    '2023-04-31',
    '1900-02-29',
    '2100-02-29',
    '23',
    '2023-9-1',
    '2023-09-25T10:00',
    '2023~?',
    '0999',
    '2101',
    ' 2023',
  ];
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
