import type { Source } from '../schema/index.js';
import { recordsOf, type Check } from './types.js';

/**
 * A document is recorded once: two sources with the same text_sha256 describe the same archived
 * text. Compared with every source of the dataset, also when only some files are checked.
 */
export const uniqueSourceTexts: Check = {
  name: 'unique-source-texts',
  description: 'No two sources have the same text_sha256.',
  run(ctx) {
    const checked = recordsOf(ctx, 'sources');
    if (checked.length === 0) return [];
    const byHash = new Map<string, string[]>();
    const note = (hash: string, id: string) => {
      const ids = byHash.get(hash) ?? [];
      if (!ids.includes(id)) ids.push(id);
      byHash.set(hash, ids);
    };
    for (const r of checked) note((r.data as Source).text_sha256, r.data.id);
    if (ctx.scope === 'files')
      for (const id of ctx.index.ids('sources')) {
        const source = ctx.index.get('sources', id) as Source | undefined;
        if (source) note(source.text_sha256, source.id);
      }
    return checked.flatMap((r) => {
      const others = (byHash.get((r.data as Source).text_sha256) ?? []).filter((id) => id !== r.data.id);
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
