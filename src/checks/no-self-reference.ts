import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencesOf } from '../model/references.js';
import type { Check } from './types.js';

const sameCollectionRefs = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).filter((f) => f.ref?.collection === c)] as const),
);

export const noSelfReference: Check = {
  name: 'no-self-reference',
  description: 'A record does not list itself as part_of, alternative_to, builds_on, …',
  run: (ctx) =>
    ctx.records.flatMap((r) =>
      (sameCollectionRefs.get(r.collection as CollectionName) ?? []).flatMap((field) =>
        [...referencesOf(r.data, field)]
          .filter((ref) => ref.id === r.data.id)
          .map((ref) => ({
            file: r.file.display,
            path: ref.path,
            rule: 'no-self-reference',
            message: `${field.path.join('.')} refers to the record itself ("${ref.id}"): remove it`,
          })),
      ),
    ),
};
