import { recordCheck } from './types.js';

export const quoteAttribution = recordCheck({
  name: 'quote-attribution',
  description: 'A quote names who said it (speaker) or the document it comes from (from_document).',
  collection: 'quotes',
  check: ({ data: q }) =>
    q.speaker || q.from_document
      ? []
      : [
          {
            path: ['text'],
            at: 'key',
            message: 'quote has neither speaker nor from_document: add the actor id of who said it, or the agreement it is quoted from',
          },
        ],
});
