import { describe, expect, it } from 'vitest';
import { evidenceReport, formatEvidenceReport } from '../src/report/evidence.js';
import { validateDataDir } from '../src/validate.js';
import { VALID } from './helpers/run.js';

describe('report: evidence coverage', () => {
  const { records } = validateDataDir(VALID);

  it('counts facts, backed facts and reported-only facts per collection', () => {
    const report = evidenceReport(records);
    const agreements = report.collections.find((c) => c.collection === 'agreements')!;
    // kind, date, place, parties[azerbaijan], parties[turkiye], status, corridors[example-corridor]
    expect(agreements).toEqual({ collection: 'agreements', records: 1, facts: 7, backed: 7, reportedOnly: 3 });
    expect(report.collections.map((c) => c.collection)).not.toContain('sources');
    expect(report.reported).toEqual([{ record: 'agreements/example-declaration', fields: ['date', 'place', 'corridors'] }]);
    expect(report.sources).toEqual([]);
  });

  it('per source, the share of the text the union of excerpts covers', () => {
    const text = `Azerbaijan and Türkiye proposed a route via Naxçıvan.\n${'Unrelated words. '.repeat(20)}`;
    const report = evidenceReport(records, new Map([['example-news', text]]));
    const [news] = report.sources;
    expect(news!.source).toBe('example-news');
    expect(news!.coverage.covered).toBe('Azerbaijan and Türkiye proposed a route via Naxçıvan.'.length);
    expect(news!.coverage.share).toBeCloseTo(news!.coverage.covered / news!.coverage.chars);
    const printed = formatEvidenceReport(report, true);
    expect(printed).toMatch(/agreements +1 +7 +7 +100\.0 % +3/);
    expect(printed).toContain('agreements/example-declaration: date, place, corridors');
    expect(printed).toMatch(/example-news +\d+ +53 +\d+\.\d %/);
    expect(formatEvidenceReport(report, false)).toContain('run report --texts DIR');
  });
});
