import type { PathProblem } from '../problems.js';
import { suggestion } from '../suggest.js';
import { datasetCheck } from './types.js';

const RULE = 'citation-piece';

interface PieceFacts {
  /** A source's piece ids, in order. */
  pieces?: string[];
  /** A record's citations that name a piece: position in `sources`, source id, piece id. */
  cited?: [index: number, source: string, piece: string][];
}

export const citationPiece = datasetCheck<PieceFacts>({
  name: RULE,
  description: "A citation's piece names a piece of the cited source, and a source's piece ids are unique.",
  factsOf(record) {
    if (record.collection === 'sources') return { pieces: (record.data.pieces ?? []).map((p) => p.id) };
    const cited: NonNullable<PieceFacts['cited']> = [];
    record.data.sources.forEach((citation, i) => {
      if (citation.piece !== undefined) cited.push([i, citation.source, citation.piece]);
    });
    return cited.length ? { cited } : undefined;
  },
  run(ctx) {
    const problems: PathProblem[] = [];
    for (const record of ctx.records) {
      const seen = new Set<string>();
      (record.facts?.pieces ?? []).forEach((piece, i) => {
        if (seen.has(piece))
          problems.push({
            file: record.file.display,
            path: ['pieces', i, 'id'],
            rule: RULE,
            message: `piece id "${piece}" is used twice in this source: give each piece its own id`,
          });
        seen.add(piece);
      });
      for (const [i, sourceId, piece] of record.facts?.cited ?? []) {
        const ids = ctx.factsOf('sources', sourceId)?.pieces;
        if (!ids) continue; // the references rule reports an unknown source
        if (ids.includes(piece)) continue;
        const fix = ids.length
          ? `its pieces are ${ids.map((p) => `"${p}"`).join(', ')}${suggestion(piece, ids)}`
          : `that source lists no pieces: add the piece to pieces in data/sources/${sourceId}.yaml, or remove piece from this citation`;
        problems.push({
          file: record.file.display,
          path: ['sources', i, 'piece'],
          rule: RULE,
          message: `piece "${piece}" is not a piece of source "${sourceId}": ${fix}`,
        });
      }
    }
    return problems;
  },
});
