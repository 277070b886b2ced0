import { z } from 'zod';
import { citations, date, id, languageTag, note, ref, refList, text } from './primitives.js';

export const quoteSchema = z
  .strictObject({
    id,
    text: text.meta({ description: 'The quotation, verbatim; it must appear inside one of the excerpts.' }),
    speaker: ref('actors').optional().meta({ description: 'Who said or wrote it (actor id).' }),
    from_document: ref('agreements')
      .optional()
      .meta({ description: 'The agreement or declaration the words are quoted from, when they come from a document.' }),
    date: date.optional(),
    occasion: text.optional(),
    place: text.optional(),
    language: languageTag.optional().meta({ description: 'Language of the quotation as given in the source.' }),
    corridors: refList('corridors').optional(),
    agreements: refList('agreements').optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Quote', description: 'A verbatim attributed quotation.' });

export type Quote = z.infer<typeof quoteSchema>;
