import { COLLECTION_NAMES, collections } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencesOf } from '../model/references.js';
import { recordCheck } from './types.js';

const sameCollectionRefs = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).filter((f) => f.ref?.collection === c)] as const),
);

export const noSelfReference = recordCheck({
  name: 'no-self-reference',
  description: 'A record does not list itself as part_of, alternative_to, builds_on, …',
  check: (r) =>
    (sameCollectionRefs.get(r.collection) ?? []).flatMap((field) =>
      [...referencesOf(r.data, field)]
        .filter((ref) => ref.id === r.data.id)
        .map((ref) => ({ path: ref.path, message: `${field.path.join('.')} refers to the record itself ("${ref.id}"): remove it` })),
    ),
});
