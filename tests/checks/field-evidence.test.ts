import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collections } from '../../src/schema/index.js';
import {
  citationsCovering,
  covers,
  evidenceTree,
  type EvidenceNode,
  maximalNodes,
  nodeAt,
  nodesOf,
  reportedOnlyNodes,
  unsupportedNodes,
} from '../../src/schema/evidence.js';
import { citationsOf } from '../../src/model/citations.js';
import { validateDataDir } from '../../src/validate.js';
import { caseLines, expectedLines } from './evidence-cases.js';

/** The covering citations by definition: every supports path of every citation tested with `covers`. */
const coveringByDefinition = (path: string, citations: readonly { supports: readonly string[] }[]) =>
  citations.flatMap((c, index) => (c.supports.some((s) => covers(s, path)) ? [index] : []));

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

  it('citationsCovering finds exactly the citations one of whose supports paths covers the node, in order', () => {
    // Paths from few letters and the separators, so prefixes, repeats and odd cuts are common.
    const path = fc.string({ unit: fc.constantFrom('a', 'b', '.', '[', ']', '1'), maxLength: 8 });
    fc.assert(
      fc.property(path, fc.array(fc.record({ supports: fc.array(path, { maxLength: 4 }) }), { maxLength: 5 }), (node, cited) => {
        const citations = cited.map((c) => ({ ...c, excerpt: 'x' }));
        const found = citationsCovering({ path: node } as EvidenceNode, citations);
        expect(found.map((f) => f.index)).toEqual(coveringByDefinition(node, citations));
        for (const f of found) expect(f.citation).toBe(citations[f.index]);
      }),
      { numRuns: 2000 },
    );
    const citations = [
      { supports: ['status_history', 'status_history[1]'], excerpt: 'x' },
      { supports: ['status_history[10]'], excerpt: 'y' },
    ];
    expect(citationsCovering({ path: 'status_history[1].date' } as EvidenceNode, citations).map((f) => f.index)).toEqual([0]);
  });

  it('on every record of the dataset: coverage, maximal nodes and nodeAt agree with their plain definitions', () => {
    // maximalNodes as first written: a result object per node.
    const naiveMaximal = (root: EvidenceNode, test: (leaf: EvidenceNode) => boolean): EvidenceNode[] => {
      const visit = (node: EvidenceNode): { all: boolean; relevant: boolean; found: EvidenceNode[] } => {
        if (node.exempt) return { all: true, relevant: false, found: [] };
        if (node.children.length === 0) return { all: test(node), relevant: true, found: test(node) ? [node] : [] };
        const results = node.children.map(visit);
        const relevant = results.some((r) => r.relevant);
        const all = results.every((r) => r.all);
        if (relevant && all) return { all: true, relevant: true, found: [node] };
        return { all: false, relevant, found: results.flatMap((r) => r.found) };
      };
      return root.children.flatMap((child) => visit(child).found);
    };
    const { records } = validateDataDir('data');
    let nodes = 0;
    for (const record of records) {
      const tree = evidenceTree(collections[record.collection].schema, record.data);
      const citations = citationsOf(record.data);
      const all = [...nodesOf(tree)];
      // Asked about another citations list in between, a node answers for the list it is given.
      const other = [...citations].reverse();
      for (const node of all) {
        expect(citationsCovering(node, citations).map((c) => c.index)).toEqual(coveringByDefinition(node.path, citations));
        expect(citationsCovering(node, other).map((c) => c.index)).toEqual(coveringByDefinition(node.path, other));
        expect(nodeAt(tree, node.path)?.path).toBe(node.path);
        nodes++;
      }
      // A test that depends on the node alone, and one on its coverage.
      const odd = (leaf: EvidenceNode) => leaf.path.length % 2 === 1;
      expect(maximalNodes(tree, odd)).toEqual(naiveMaximal(tree, odd));
      for (const node of all.reverse())
        expect(citationsCovering(node, citations).map((c) => c.index)).toEqual(coveringByDefinition(node.path, citations));
      expect(unsupportedNodes(tree, citations)).toEqual(
        naiveMaximal(tree, (leaf) => coveringByDefinition(leaf.path, citations).length === 0),
      );
      for (const path of citations.flatMap((c) => c.supports))
        expect(nodeAt(tree, path)?.path).toBe(all.some((n) => n.path === path) ? path : undefined);
      expect(nodeAt(tree, `${all[0]?.path}.nothing`)).toBeUndefined();
    }
    expect(nodes).toBeGreaterThan(1000);
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
