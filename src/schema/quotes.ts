import * as z from 'zod';
import { citedObject } from './cited-record.js';
import { date, languageTag, ref, refList, text } from './primitives.js';

export const QUOTE_FORMS = ['direct', 'reported'] as const;

export const quoteSchema = citedObject({
  text: text.meta({ description: 'The words, verbatim as the source prints them; they must appear inside one of the excerpts.' }),
  form: z.enum(QUOTE_FORMS).meta({
    description:
      'direct: a quotation (in quotation marks in the source); reported: a statement in reported speech, recorded verbatim as the source words it.',
  }),
  speaker: ref('actors')
    .optional()
    .meta({ description: 'Who said or wrote it (actor id). A mood or a paraphrase attributed to nobody is not a quote.' }),
  from_document: ref('agreements')
    .optional()
    .meta({ description: 'The agreement or declaration the words are quoted from, when they come from a document.' }),
  event: ref('events').optional().meta({ description: 'The event at which it was said.' }),
  date: date.optional().meta({ description: 'When it was said or written, to the precision the source gives.' }),
  occasion: text
    .optional()
    .meta({ description: 'The occasion as the source words it (an interview, a press conference), when no event record covers it.' }),
  place: text.optional().meta({ description: 'Where it was said, as the source names the place.' }),
  language: languageTag.optional().meta({ description: 'Language of the quotation as given in the source.' }),
  corridors: refList('corridors').optional().meta({ description: 'Corridors the quotation is about.' }),
  agreements: refList('agreements').optional().meta({ description: 'Agreements the quotation is about.' }),
}).meta({ title: 'Quote', description: 'A verbatim attributed quotation (direct) or statement in reported speech.' });
