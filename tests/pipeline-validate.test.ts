import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataDir } from '../src/validate.js';
import { datasetWith } from './helpers/dataset.js';
import { VALID } from './helpers/run.js';

/** Problems as `file:line:col: rule: message` with the file relative to the data dir. */
function problemLines(dir: string, only?: string[]): string[] {
  return validateDataDir(dir, only ? { only } : {}).problems.map(
    (p) => `${relative(dir, p.file.startsWith('/') ? p.file : `${process.cwd()}/${p.file}`)}:${p.line}:${p.col}: ${p.rule}: ${p.message}`,
  );
}

it('the valid fixture dataset has no problems', () => {
  const result = validateDataDir(VALID);
  expect(result.problems).toEqual([]);
  expect(result.records).toHaveLength(10);
});

describe('located messages', () => {
  it('points at the offending value, key, or the object missing a field', () => {
    const dir = datasetWith({
      'corridors/example-railway.yaml': [
        'id: example-railway',
        'name: Example railway',
        'kind: railway',
        'modes:',
        '  - rail',
        '  - train',
        'status: operatonal',
        'lenght: 12',
        'sources:',
        '  - source: example-news',
        '    excerpt: ""',
        '    supports: [kind]',
        '',
      ].join('\n'),
    });
    expect(problemLines(dir)).toEqual([
      'corridors/example-railway.yaml:6:5: schema: modes[1]: "train" is not an allowed value: expected one of "rail", "road", "sea", "pipeline", "power"; did you mean "rail"?',
      'corridors/example-railway.yaml:7:9: schema: status: "operatonal" is not an allowed value: expected one of "proposed", "under-negotiation", "agreed", "under-construction", "operational", "suspended", "cancelled", "unknown"; did you mean "operational"?',
      'corridors/example-railway.yaml:8:1: schema: unknown key "lenght"; did you mean "length"?',
      'corridors/example-railway.yaml:11:14: schema: sources[0].excerpt: must not be empty: copy the supporting sentence verbatim from the source',
    ]);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const dir = datasetWith({
      'agreements/example-declaration.yaml':
        'id: example-declaration\ntitle: T\nstatus: signed\nsources:\n  - source: example-news\n    excerpt: the two leaders signed the declaration\n    supports: [status]\n',
    });
    expect(problemLines(dir)).toEqual([
      'agreements/example-declaration.yaml:1:1: schema: missing required field "kind" (one of "ceasefire", "declaration", "treaty", "memorandum", "agreement", "proposal", "statement")',
    ]);
  });

  it('collects the problems of every file in one run', () => {
    const dir = datasetWith({
      'actors/azerbaijan.yaml':
        'id: azerbaijan\nkind: country\nname: Azerbaijan\ncountry_code: AZE\nsources:\n  - source: example-news\n    excerpt: x\n    supports: [name]\n',
      'quotes/example-quote.yaml': 'id: example-quote\ntext: [broken\n',
    });
    const lines = problemLines(dir);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^actors\/azerbaijan\.yaml:4:15: schema: country_code: "AZE" is not an allowed value/);
    expect(lines[1]).toMatch(/^quotes\/example-quote\.yaml:3:1: yaml-syntax: /);
  });
});

describe('cross-record checks', () => {
  it('dangling references name the collection that was searched', () => {
    const dir = datasetWith({
      'agreements/example-declaration.yaml': [
        'id: example-declaration',
        'title: Example declaration',
        'kind: declaration',
        'parties:',
        '  - azerbaijan',
        '  - turkey',
        'status: signed',
        'corridors:',
        '  - azerbaijan',
        'sources:',
        '  - source: unknown-news',
        '    excerpt: the two leaders signed the declaration',
        '    supports: [kind, parties, status, corridors]',
        '',
      ].join('\n'),
    });
    expect(problemLines(dir)).toEqual([
      'agreements/example-declaration.yaml:6:5: references: unknown actor "turkey": no data/actors/turkey.yaml; did you mean "turkiye"?',
      'agreements/example-declaration.yaml:9:5: references: "azerbaijan" is an actor (data/actors/azerbaijan.yaml), but corridors must name a corridor (looked in data/corridors/)',
      'agreements/example-declaration.yaml:11:13: references: unknown source "unknown-news": no data/sources/unknown-news.yaml',
    ]);
  });

  it('references to actors of the wrong kind are errors', () => {
    const dir = datasetWith({
      'corridors/example-railway.yaml':
        'id: example-railway\nname: R\nkind: railway\ncountries:\n  - recep-tayyip-erdogan\nstatus: proposed\nsources:\n  - source: example-news\n    excerpt: a railway that is part of the corridor\n    supports: [kind, countries, status]\n',
    });
    expect(problemLines(dir)).toEqual([
      'corridors/example-railway.yaml:5:5: references: "recep-tayyip-erdogan" is an actor of kind "person", but countries must name an actor of kind "country"',
    ]);
  });

  it('ids equal file names and are unique', () => {
    const dir = datasetWith({
      'actors/turkiye-2.yaml':
        'id: turkiye\nkind: country\nname: T\ncountry_code: TR\nsources:\n  - source: example-news\n    excerpt: Azerbaijan and Türkiye proposed a route\n    supports: [name]\n',
    });
    expect(problemLines(dir)).toEqual([
      'actors/turkiye-2.yaml:1:5: id-matches-filename: id "turkiye" does not match the file name "turkiye-2.yaml": rename the file to turkiye.yaml or change the id to "turkiye-2"',
      'actors/turkiye-2.yaml:1:5: unique-ids: id "turkiye" is also used by ' +
        `${dir}/actors/turkiye.yaml` +
        ': ids must be unique within a collection',
      'actors/turkiye.yaml:1:5: unique-ids: id "turkiye" is also used by ' +
        `${dir}/actors/turkiye-2.yaml` +
        ': ids must be unique within a collection',
    ]);
  });

  it('semantic rules: period order, currency codes, quote attribution and evidence', () => {
    const dir = datasetWith({
      'trade-figures/example-turnover.yaml':
        'id: example-turnover\nindicator: exports\nperiod:\n  start: "2023-03"\n  end: "2022"\nvalue: 1\nunit: XYZ\napproximate: false\nsources:\n  - source: example-news\n    excerpt: exports of 1 from 2023-03 to 2022\n    supports: [indicator, period, value, unit]\n',
      'quotes/example-quote.yaml':
        'id: example-quote\ntext: Not in the excerpt\nform: direct\nsources:\n  - source: example-news\n    excerpt: Something else entirely\n    supports: [text, form]\n',
    });
    expect(problemLines(dir)).toEqual([
      'quotes/example-quote.yaml:2:1: quote-attribution: quote has neither speaker nor from_document: add the actor id of who said it, or the agreement it is quoted from',
      'quotes/example-quote.yaml:2:7: quote-in-excerpt: quote text is not inside any of its excerpts: cite the source sentence that contains the quotation, character for character',
      'trade-figures/example-turnover.yaml:5:8: period-order: period ends (2022) before it starts (2023-03): swap start and end or fix the dates',
      'trade-figures/example-turnover.yaml:7:7: currency-codes: "XYZ" is not an ISO 4217 currency code',
    ]);
  });

  it('an empty collection is an error of the whole dataset', () => {
    const dir = datasetWith({ 'trade-figures/example-turnover.yaml': null });
    expect(problemLines(dir)).toEqual([
      'trade-figures:0:0: non-empty-collections: collection "trade-figures" has no records: add at least one data/trade-figures/<id>.yaml',
    ]);
  });

  it('single-file validation resolves references against the whole dataset', () => {
    const dir = datasetWith();
    expect(problemLines(dir, [`${dir}/quotes/example-quote.yaml`])).toEqual([]);
    const broken = datasetWith({
      'quotes/example-quote.yaml':
        'id: example-quote\ntext: Windows of opportunity\nform: direct\nspeaker: erdogan\nsources:\n  - source: example-news\n    excerpt: “Windows of opportunity have opened”\n    supports: [text, form, speaker]\n',
    });
    expect(problemLines(broken, [`${broken}/quotes/example-quote.yaml`])).toEqual([
      'quotes/example-quote.yaml:4:10: references: unknown actor "erdogan": no data/actors/erdogan.yaml',
    ]);
  });
});
