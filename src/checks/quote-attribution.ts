import { recordsOf, type Check } from './types.js';

export const quoteAttribution: Check = {
  name: 'quote-attribution',
  description: 'A quote names who said it (speaker) or the document it comes from (from_document).',
  run: (ctx) =>
    recordsOf(ctx, 'quotes').flatMap((r) => {
      const q = r.data;
      return q.speaker || q.from_document
        ? []
        : [
            {
              file: r.file.display,
              path: ['text'],
              at: 'key' as const,
              rule: 'quote-attribution',
              message: 'quote has neither speaker nor from_document: add the actor id of who said it, or the agreement it is quoted from',
            },
          ];
    }),
};
