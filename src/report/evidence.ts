/**
 * The evidence part of `report`: per collection, the share of stated facts (non-exempt
 * fields and list elements) that a citation backs and how many only `reported` citations
 * back; the records with reported-only facts; and, when the source texts are at hand, the
 * share of each source's text that the union of its excerpts covers.
 */
import { citationsOf } from '../model/citations.js';
import type { LoadedRecord } from '../model/record.js';
import { citationsCovering, evidenceTree, factLeaves, reportedOnlyNodes } from '../schema/evidence.js';
import { COLLECTION_NAMES, collections, type CollectionName, type Source } from '../schema/index.js';
import { visible } from '../util/visible.js';
import { sourceCoverage, type SourceCoverage } from '../verify/coverage.js';

export interface CollectionEvidence {
  collection: CollectionName;
  records: number;
  /** Non-exempt leaves (fields and list elements) the records state. */
  facts: number;
  /** Of those, backed by at least one citation. */
  backed: number;
  /** Of those, backed only by citations with certainty "reported". */
  reportedOnly: number;
}

export interface EvidenceReport {
  collections: CollectionEvidence[];
  /** `collection/id` → evidence paths of its reported-only fields (records that have any). */
  reported: { record: string; fields: string[] }[];
  /** Per source with a text: how much of it the union of its excerpts covers. */
  sources: { source: string; coverage: SourceCoverage }[];
}

/** `texts`: archived text by source id (sources without one are left out of `sources`). */
export function evidenceReport(records: readonly LoadedRecord[], texts?: ReadonlyMap<string, string>): EvidenceReport {
  const stats = new Map<CollectionName, CollectionEvidence>(
    COLLECTION_NAMES.filter((c) => c !== 'sources').map((c) => [c, { collection: c, records: 0, facts: 0, backed: 0, reportedOnly: 0 }]),
  );
  const reported: EvidenceReport['reported'] = [];
  const excerpts = new Map<string, string[]>();
  for (const record of records) {
    const citations = citationsOf(record.data);
    for (const c of citations) excerpts.set(c.source, [...(excerpts.get(c.source) ?? []), c.excerpt]);
    const row = stats.get(record.collection);
    if (!row) continue;
    const tree = evidenceTree(collections[record.collection].schema, record.data);
    row.records++;
    for (const leaf of factLeaves(tree)) {
      const covering = citationsCovering(leaf, citations);
      row.facts++;
      if (covering.length) row.backed++;
      if (covering.length && covering.every(({ citation }) => citation.certainty === 'reported')) row.reportedOnly++;
    }
    const fields = reportedOnlyNodes(tree, citations).map((n) => n.path);
    if (fields.length) reported.push({ record: `${record.collection}/${record.data.id}`, fields });
  }
  reported.sort((a, b) => (a.record < b.record ? -1 : 1));
  const sources = records
    .filter((r) => r.collection === 'sources')
    .map((r) => (r.data as Source).id)
    .sort()
    .flatMap((id) => {
      const text = texts?.get(id);
      return text === undefined ? [] : [{ source: id, coverage: sourceCoverage(text, excerpts.get(id) ?? []) }];
    });
  return { collections: [...stats.values()], reported, sources };
}

const pct = (part: number, whole: number) => (whole ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)} %` : '—');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The report as text sections (after the record counts of `report`). */
export function formatEvidenceReport(report: EvidenceReport, textsGiven: boolean): string {
  const out: string[] = [];
  out.push(
    'Evidence per collection (facts: fields and list elements a record states, exempt ones not counted)',
    '',
    table(
      ['collection', 'records', 'facts', 'backed', 'share backed', 'reported-only'],
      report.collections.map((c) => [
        c.collection,
        String(c.records),
        String(c.facts),
        String(c.backed),
        pct(c.backed, c.facts),
        String(c.reportedOnly),
      ]),
    ),
    '',
  );
  out.push(`Records with reported-only facts (backed only by hedged or second-hand citations): ${report.reported.length}`, '');
  for (const r of report.reported) out.push(`  ${visible(r.record)}: ${r.fields.map(visible).join(', ')}`);
  if (report.reported.length) out.push('');
  if (textsGiven) {
    out.push(
      'Share of each source text covered by the union of its excerpts (verify-sources warns above 50 %)',
      '',
      table(
        ['source', 'characters', 'covered', 'share'],
        report.sources.map((s) => [
          visible(s.source),
          String(s.coverage.chars),
          String(s.coverage.covered),
          pct(s.coverage.covered, s.coverage.chars),
        ]),
      ),
      '',
    );
  } else out.push('Excerpt coverage of each source: run report --texts DIR (the archived source texts).', '');
  return `${out.join('\n')}`;
}
