import { COLLECTION_NAMES } from '../schema/index.js';
import { displayPath } from '../model/record.js';
import { join } from 'node:path';
import { datasetCheck } from './types.js';

export const nonEmptyCollections = datasetCheck({
  name: 'non-empty-collections',
  description: 'Every collection holds at least one record (checked on the whole dataset only).',
  run(ctx) {
    if (ctx.scope !== 'dataset') return [];
    return COLLECTION_NAMES.filter((c) => [...ctx.index.ids(c)].length === 0).map((c) => ({
      file: displayPath(join(ctx.dataDir, c)),
      line: 0,
      col: 0,
      rule: 'non-empty-collections',
      message: `collection "${c}" has no records: add at least one data/${c}/<id>.yaml`,
    }));
  },
});
