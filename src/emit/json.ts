import { COLLECTION_NAMES } from '../schema/index.js';
import { publishedRecords } from './published.js';
import { stableJsonChunks, type Emitter } from './types.js';

import { COMBINED_JSON, collectionJson } from '../model/paths.js';

/** dist/json/<collection>.json (one envelope per collection) and dist/json/all.json. */
export const jsonEmitter: Emitter = {
  name: 'json',
  emit: ({ dataset, pkg }) => [
    ...COLLECTION_NAMES.map((collection) => ({
      path: collectionJson(collection),
      contents: stableJsonChunks({
        name: pkg.name,
        version: pkg.version,
        collection,
        count: dataset[collection].length,
        records: publishedRecords(collection, dataset[collection]),
      }),
    })),
    {
      path: COMBINED_JSON,
      contents: stableJsonChunks({
        name: pkg.name,
        version: pkg.version,
        counts: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, dataset[c].length])),
        collections: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, publishedRecords(c, dataset[c])])),
      }),
    },
  ],
};
