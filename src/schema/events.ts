import { citedObject } from './cited-record.js';
import { date, editorial, identifying, refList, text, vocabulary } from './primitives.js';

export const EVENT_KINDS = [
  'visit',
  'summit',
  'meeting',
  'talks',
  'interview',
  'incident',
  'military-operation',
  'military-exercise',
  'ceremony',
  'signing',
  'opening',
  'closure',
  'deployment',
  'other',
] as const;

export const eventSchema = citedObject({
  title: identifying(text.meta({ description: 'A name for the event, supplied by curators (identifies the record).' })),
  kind: vocabulary(EVENT_KINDS, 'What kind of event'),
  date: date.optional().meta({ description: 'When it happened (the first day of a range), to the precision the source gives.' }),
  end_date: date.optional().meta({ description: 'Last day of a range; not before date.' }),
  date_as_stated: editorial('The timing as the source words it ("on Monday"), when it gives no (full) date.').optional(),
  place: text.optional().meta({ description: 'Where it happened, as the source names the place.' }),
  participants: refList('actors').optional().meta({ description: 'Who took part (actor ids).' }),
  corridors: refList('corridors').optional().meta({ description: 'Corridors the event concerns.' }),
  agreements: refList('agreements').optional().meta({ description: 'Agreements the event concerns.' }),
  description: editorial("What happened, in the curators' words.").optional(),
}).meta({ title: 'Event', description: 'A visit, summit, meeting, talks, incident, military exercise, ceremony, opening or closure.' });
