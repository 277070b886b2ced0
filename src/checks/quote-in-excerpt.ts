import { normalizeSpace } from '../text.js';
import { recordCheck } from './types.js';

export const quoteInExcerpt = recordCheck({
  name: 'quote-in-excerpt',
  description: "A quote's text appears verbatim inside one of its citation excerpts.",
  collection: 'quotes',
  check: ({ data: q }) => {
    const text = normalizeSpace(q.text);
    return q.sources.some((c) => normalizeSpace(c.excerpt).includes(text))
      ? []
      : [
          {
            path: ['text'],
            message:
              'quote text is not inside any of its excerpts: cite the source sentence that contains the quotation, character for character',
          },
        ];
  },
});
