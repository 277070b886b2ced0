import type { PathProblem } from '../problems.js';
import type { Citation, Source } from '../schema/index.js';
import { suggestion } from '../suggest.js';
import type { DatasetCheck } from './types.js';

const RULE = 'citation-piece';

export const citationPiece: DatasetCheck = {
  name: RULE,
  description: "A citation's piece names a piece of the cited source, and a source's piece ids are unique.",
  run(ctx) {
    const problems: PathProblem[] = [];
    for (const record of ctx.records) {
      if (record.collection === 'sources') {
        const seen = new Set<string>();
        ((record.data as Source).pieces ?? []).forEach((piece, i) => {
          if (seen.has(piece.id))
            problems.push({
              file: record.file.display,
              path: ['pieces', i, 'id'],
              rule: RULE,
              message: `piece id "${piece.id}" is used twice in this source: give each piece its own id`,
            });
          seen.add(piece.id);
        });
        continue;
      }
      const citations = (record.data as { sources?: Citation[] }).sources ?? [];
      citations.forEach((citation, i) => {
        if (citation.piece === undefined) return;
        const source = ctx.index.get('sources', citation.source);
        if (!source) return; // the references rule reports an unknown source
        const ids = (source.pieces ?? []).map((p) => p.id);
        if (ids.includes(citation.piece)) return;
        const fix = ids.length
          ? `its pieces are ${ids.map((p) => `"${p}"`).join(', ')}${suggestion(citation.piece, ids)}`
          : `that source lists no pieces: add the piece to pieces in data/sources/${citation.source}.yaml, or remove piece from this citation`;
        problems.push({
          file: record.file.display,
          path: ['sources', i, 'piece'],
          rule: RULE,
          message: `piece "${citation.piece}" is not a piece of source "${citation.source}": ${fix}`,
        });
      });
    }
    return problems;
  },
};
