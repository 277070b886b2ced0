import { COLLECTION_NAMES } from '../schema/index.js';
import { publishedRecords } from './published.js';
import { stableJsonChunks, type Emitter } from './types.js';

export const COMBINED_JSON = 'json/all.json';

/** dist/json/<collection>.json (one envelope per collection) and dist/json/all.json. */
export const jsonEmitter: Emitter = {
  name: 'json',
  emit: ({ dataset, pkg }) => [
    ...COLLECTION_NAMES.map((collection) => ({
      path: `json/${collection}.json`,
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
