import { z } from 'zod';
import { citations, date, id, languageTag, note, ref, refList, text } from './primitives.js';

export const QUOTE_FORMS = ['direct', 'reported'] as const;

export const quoteSchema = z
  .strictObject({
    id,
    text: text.meta({ description: 'The words, verbatim as the source prints them; they must appear inside one of the excerpts.' }),
    form: z
      .enum(QUOTE_FORMS)
      .meta({ description: 'direct: a quotation (in quotation marks in the source); reported: a statement in reported speech, recorded verbatim as the source words it.' }),
    speaker: ref('actors').optional().meta({ description: 'Who said or wrote it (actor id). A mood or a paraphrase attributed to nobody is not a quote.' }),
    from_document: ref('agreements')
      .optional()
      .meta({ description: 'The agreement or declaration the words are quoted from, when they come from a document.' }),
    event: ref('events').optional().meta({ description: 'The event at which it was said.' }),
    date: date.optional(),
    occasion: text.optional(),
    place: text.optional(),
    language: languageTag.optional().meta({ description: 'Language of the quotation as given in the source.' }),
    corridors: refList('corridors').optional(),
    agreements: refList('agreements').optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Quote', description: 'A verbatim attributed quotation (direct) or statement in reported speech.' });

export type Quote = z.infer<typeof quoteSchema>;
