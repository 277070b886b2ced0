import { normalizeSpace } from '../text.js';
import { recordsOf, type Check } from './types.js';

export const quoteInExcerpt: Check = {
  name: 'quote-in-excerpt',
  description: "A quote's text appears verbatim inside one of its citation excerpts.",
  run: (ctx) =>
    recordsOf(ctx, 'quotes').flatMap((r) => {
      const q = r.data;
      const text = normalizeSpace(q.text);
      return q.sources.some((c) => normalizeSpace(c.excerpt).includes(text))
        ? []
        : [
            {
              file: r.file.display,
              path: ['text'],
              rule: 'quote-in-excerpt',
              message:
                'quote text is not inside any of its excerpts: cite the source sentence that contains the quotation, character for character',
            },
          ];
    }),
};
