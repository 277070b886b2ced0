import { COLLECTION_NAMES, collections } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencesOf } from '../model/references.js';
import { type Finding, recordCheck } from './types.js';

/** Lists of references (each becomes a link table, e.g. agreement-parties.csv). */
const refLists = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).filter((f) => f.ref && f.listOfScalars && f.listPath)] as const),
);

export const duplicateReferences = recordCheck({
  name: 'duplicate-references',
  description: 'A list of references (countries, parties, part_of, …) names each record once.',
  check: (r) =>
    (refLists.get(r.collection) ?? []).flatMap((field) => {
      const first = new Map<string, number>();
      const findings: Finding[] = [];
      for (const ref of referencesOf(r.data, field)) {
        const index = ref.item;
        const earlier = first.get(ref.id);
        if (earlier === undefined) first.set(ref.id, index);
        else
          findings.push({
            path: ref.path,
            message: `${field.path.join('.')} lists "${ref.id}" twice (items ${earlier + 1} and ${index + 1}): remove the repeated item`,
          });
      }
      return findings;
    }),
});
