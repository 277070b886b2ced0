import { everyRecordOf, recordsOf, type DatasetCheck } from './types.js';

/**
 * A document is recorded once: two sources with the same text_sha256 describe the same archived
 * text. Compared with every source of the dataset, also when only some files are checked.
 */
export const uniqueSourceTexts: DatasetCheck = {
  name: 'unique-source-texts',
  description: 'No two sources have the same text_sha256.',
  run(ctx) {
    const checked = recordsOf(ctx, 'sources');
    if (checked.length === 0) return [];
    const byHash = new Map<string, string[]>();
    for (const source of everyRecordOf(ctx, 'sources').values()) {
      const ids = byHash.get(source.text_sha256);
      if (ids) ids.push(source.id);
      else byHash.set(source.text_sha256, [source.id]);
    }
    return checked.flatMap((r) => {
      const others = (byHash.get(r.data.text_sha256) ?? []).filter((id) => id !== r.data.id);
      return others.length === 0
        ? []
        : [
            {
              file: r.file.display,
              path: ['text_sha256'],
              rule: 'unique-source-texts',
              message: `the same text as source${others.length > 1 ? 's' : ''} ${others.map((id) => `"${id}"`).join(', ')} (equal text_sha256): a document is recorded once; merge the records and cite one id`,
            },
          ];
    });
  },
};
