import type { PathProblem } from '../problems.js';
import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencesOf } from '../model/references.js';
import type { Check } from './types.js';

/** Lists of references (each becomes a link table, e.g. agreement-parties.csv). */
const refLists = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).filter((f) => f.ref && f.listOfScalars && f.listPath)] as const),
);

export const duplicateReferences: Check = {
  name: 'duplicate-references',
  description: 'A list of references (countries, parties, part_of, …) names each record once.',
  run: (ctx) =>
    ctx.records.flatMap((r) =>
      (refLists.get(r.collection as CollectionName) ?? []).flatMap((field) => {
        const first = new Map<string, number>();
        const problems: PathProblem[] = [];
        for (const ref of referencesOf(r.data, field)) {
          const index = ref.path[ref.path.length - 1] as number;
          const earlier = first.get(ref.id);
          if (earlier === undefined) first.set(ref.id, index);
          else
            problems.push({
              file: r.file.display,
              path: ref.path,
              rule: 'duplicate-references',
              message: `${field.path.join('.')} lists "${ref.id}" twice (items ${earlier + 1} and ${index + 1}): remove the repeated item`,
            });
        }
        return problems;
      }),
    ),
};
