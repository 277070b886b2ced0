import { existsSync, statSync } from 'node:fs';
import { formatProblems } from '../../format.js';
import { COLLECTION_NAMES, type CollectionName } from '../../schema/index.js';
import { citationsOf } from '../../model/citations.js';
import { toDataset } from '../../model/dataset.js';
import { validateDataDir } from '../../validate.js';
import { visible } from '../../util/visible.js';
import { evidenceReport, formatEvidenceReport } from '../../report/evidence.js';
import type { Source } from '../../schema/index.js';
import { sourceTexts } from '../../verify/sources.js';
import type { Handler } from '../io.js';
import { EXIT, UsageError } from '../usage-error.js';

export const runReport: Handler = ({ positionals, options, path }) => {
  if (options.data !== undefined && positionals.length)
    throw new UsageError('give the data folder either as DATA_DIR or as --data DIR, not both');
  const given = (options.data as string | undefined) ?? positionals[0] ?? 'data';
  const dataDir = path(given);
  if (!existsSync(dataDir)) throw new UsageError(`no such data directory: ${visible(given)}`);
  const textsGiven = options.texts as string | undefined;
  if (textsGiven !== undefined && !(existsSync(path(textsGiven)) && statSync(path(textsGiven)).isDirectory()))
    throw new UsageError(`no such directory: ${visible(textsGiven)}`);
  const { records, problems } = validateDataDir(dataDir);
  if (problems.length) return { stdout: formatProblems('pretty', problems, { checked: records.length }), code: EXIT.invalid };
  const dataset = toDataset(records);
  const cited = COLLECTION_NAMES.filter((c) => c !== 'sources');
  const perSource = new Map<string, Map<CollectionName, number>>();
  for (const c of cited)
    for (const record of dataset[c]) {
      const ids = new Set(citationsOf(record).map((s) => s.source));
      for (const id of ids) {
        const row = perSource.get(id) ?? new Map<CollectionName, number>();
        row.set(c, (row.get(c) ?? 0) + 1);
        perSource.set(id, row);
      }
    }
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  };
  const totals = table(
    ['collection', 'records'],
    [...COLLECTION_NAMES.map((c) => [c, String(dataset[c].length)]), ['total', String(records.length)]],
  );
  const bySource = table(
    ['source', ...cited],
    dataset.sources.map((s) => [visible(s.id), ...cited.map((c) => String(perSource.get(s.id)?.get(c) ?? 0))]),
  );
  const texts = options.texts === undefined ? undefined : sourceTexts(path(options.texts as string), dataset.sources as Source[]);
  const evidence = formatEvidenceReport(evidenceReport(records, texts), texts !== undefined);
  return { stdout: `Records per collection\n\n${totals}\n\nRecords citing each source\n\n${bySource}\n\n${evidence}`, code: EXIT.ok };
};
