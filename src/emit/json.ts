import { COLLECTION_NAMES } from '../schema/index.js';
import { COMBINED_JSON, collectionJson } from '../model/paths.js';
import { indentJson, JsonArraySlot, jsonFrame, jsonItem } from './json-frame.js';
import { publishedRecord } from './published.js';
import type { Emitter } from './types.js';

/** Depth of the records array in dist/json/<collection>.json (`records`) and in all.json (`collections.<collection>`). */
const COLLECTION_DEPTH = 1;
const COMBINED_DEPTH = 2;

/** dist/json/<collection>.json (one envelope per collection) and dist/json/all.json. */
export const jsonEmitter: Emitter = {
  name: 'json',
  emit: ({ counts, pkg }) => [
    ...COLLECTION_NAMES.map((collection) => ({
      path: collectionJson(collection),
      contents: jsonFrame({
        name: pkg.name,
        version: pkg.version,
        collection,
        count: counts[collection],
        records: new JsonArraySlot(collectionJson(collection), COLLECTION_DEPTH),
      }),
    })),
    {
      path: COMBINED_JSON,
      contents: jsonFrame({
        name: pkg.name,
        version: pkg.version,
        counts: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, counts[c]])),
        collections: Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new JsonArraySlot(`${COMBINED_JSON}#${c}`, COMBINED_DEPTH)])),
      }),
    },
  ],
  *record(collection, record) {
    const published = publishedRecord(collection, record);
    const item = jsonItem(published, COLLECTION_DEPTH);
    yield [collectionJson(collection), item];
    yield [`${COMBINED_JSON}#${collection}`, indentJson(item, COMBINED_DEPTH - COLLECTION_DEPTH)];
  },
};
