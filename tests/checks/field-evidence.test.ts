import { describe, expect, it } from 'vitest';
import { collections } from '../../src/schema/index.js';
import { covers, evidenceTree, nodesOf, reportedOnlyNodes, unsupportedNodes } from '../../src/schema/evidence.js';
import { caseLines, expectedLines } from './evidence-cases.js';

describe('field-evidence', () => {
  for (const name of ['uncovered-field', 'misspelled-supports'])
    it(`case ${name}`, () => {
      const lines = caseLines(name);
      expect(lines).toEqual(expectedLines(name));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/: field-evidence: /);
    });

  it('names the whole field when no part of it is backed, the parts otherwise', () => {
    const record = {
      id: 'x',
      name: 'X',
      kind: 'road',
      endpoints: { from: 'A', to: 'B', via: ['C', 'D'] },
      status: 'unknown',
      countries: ['azerbaijan', 'iran'],
      sources: [
        { source: 's', excerpt: 'a road from A to B via C', supports: ['kind', 'endpoints.from', 'endpoints.via[0]', 'countries[iran]'] },
      ],
    };
    const tree = evidenceTree(collections.corridors.schema, record);
    expect(unsupportedNodes(tree, record.sources).map((n) => n.path)).toEqual([
      'countries[azerbaijan]',
      'endpoints.to',
      'endpoints.via[1]',
    ]);
    // status "unknown" states nothing; name and id identify the record.
    expect([...nodesOf(tree)].filter((n) => n.exempt).map((n) => n.path)).toEqual([
      'id',
      'name',
      'status',
      'sources',
      ...[...nodesOf(tree)].filter((n) => n.path.startsWith('sources') && n.path !== 'sources').map((n) => n.path),
    ]);
  });

  it('exempts editorial fields, identifying fields, false booleans and whole sources records', () => {
    const actor = {
      id: 'azerbaijan',
      kind: 'country',
      name: 'Azerbaijan',
      country_code: 'AZ',
      note: 'n',
      sources: [{ source: 's', excerpt: 'Azerbaijan is a country', supports: ['name'] }],
    };
    expect(unsupportedNodes(evidenceTree(collections.actors.schema, actor), actor.sources)).toEqual([]);
    const figure = {
      id: 'f',
      indicator: 'count',
      value: 3,
      unit: 'items',
      approximate: false,
      sources: [{ source: 's', excerpt: 'three items were counted', supports: ['indicator', 'value', 'unit'] }],
    };
    expect(unsupportedNodes(evidenceTree(collections['trade-figures'].schema, figure), figure.sources)).toEqual([]);
    const approximate = { ...figure, approximate: true };
    expect(
      unsupportedNodes(evidenceTree(collections['trade-figures'].schema, approximate), approximate.sources).map((n) => n.path),
    ).toEqual(['approximate']);
    const source = { id: 's', title: 'T', kind: 'report', language: 'en', text_sha256: '0'.repeat(64) };
    expect(evidenceTree(collections.sources.schema, source).exempt).toBeTruthy();
  });

  it('a path covers itself and what is under it, nothing else', () => {
    expect(covers('status_history', 'status_history[1].date')).toBe(true);
    expect(covers('status_history[1]', 'status_history[1].date')).toBe(true);
    expect(covers('status_history[1]', 'status_history[10]')).toBe(false);
    expect(covers('endpoints.via', 'endpoints.via[0]')).toBe(true);
    expect(covers('end', 'endpoints')).toBe(false);
  });

  it('reported-only fields: backed by reported citations and by no stated one', () => {
    const record = {
      id: 'a',
      title: 'A',
      kind: 'agreement',
      status: 'agreed',
      parties: ['azerbaijan', 'iran'],
      corridors: ['c'],
      sources: [
        {
          source: 's',
          excerpt: 'they have apparently concluded an agreement',
          supports: ['kind', 'status', 'parties'],
          certainty: 'reported' as const,
        },
        { source: 's', excerpt: 'Iran and the corridor c', supports: ['parties[iran]', 'corridors'] },
      ],
    };
    const tree = evidenceTree(collections.agreements.schema, record);
    expect(reportedOnlyNodes(tree, record.sources).map((n) => n.path)).toEqual(['kind', 'parties[azerbaijan]', 'status']);
  });
});
