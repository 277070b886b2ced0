import { datasetCheck, idList, sharingKey } from './types.js';

/**
 * A document is recorded once: two sources with the same text_sha256 describe the same archived
 * text. Compared with every source of the dataset, also when only some files are checked.
 */
export const uniqueSourceTexts = datasetCheck<string>({
  name: 'unique-source-texts',
  description: 'No two sources have the same text_sha256.',
  factsOf: (record) => (record.collection === 'sources' ? record.data.text_sha256 : undefined),
  run: (ctx) =>
    sharingKey(ctx, 'sources', (sha) => sha).map(({ record, others }) => ({
      file: record.file.display,
      path: ['text_sha256'],
      rule: 'unique-source-texts',
      message: `the same text as source${others.length > 1 ? 's' : ''} ${idList(others)} (equal text_sha256): a document is recorded once; merge the records and cite one id`,
    })),
});
