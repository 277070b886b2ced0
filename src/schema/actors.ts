import * as z from 'zod';
import { citedObject } from './cited-record.js';
import { countryCode, date, identifying, ref, text, textList } from './primitives.js';

export const ACTOR_KINDS = ['country', 'person', 'organization'] as const;
export const ORGANIZATION_TYPES = [
  'government-body',
  'state-company',
  'company',
  'intergovernmental',
  'think-tank',
  'media',
  'military',
  'other',
] as const;

const name = identifying(text.meta({ description: 'Common English name (identifies the record).' }));
/** An actor's kind identifies what it is; it needs no citation. */
const kind = <K extends string>(k: K) =>
  identifying(z.literal(k).meta({ description: 'What the actor is: country, person or organization.' }));
const aliases = textList.optional().meta({ description: 'Other names and spellings used by the sources.' });

const position = z.strictObject({
  title: text.meta({ description: 'Office or role as the source states it, e.g. "President".' }),
  of: ref('actors', ['country', 'organization']).optional().meta({ description: 'Country or organization the office belongs to.' }),
  as_of: date.optional().meta({ description: 'A date at which the source shows the person in this role.' }),
});

// Each variant lists its fields in the same order (kind, name, aliases, …, between the id and
// the note and sources that citedObject adds) because that order is the key order of the JSON
// output and of the CSV columns.
export const actorSchema = z
  .discriminatedUnion('kind', [
    citedObject({
      kind: kind('country'),
      name,
      aliases,
      country_code: identifying(countryCode.meta({ description: 'ISO 3166-1 alpha-2 country code (identifies the country).' })),
    }),
    citedObject({
      kind: kind('person'),
      name,
      aliases,
      positions: z.array(position).min(1).optional().meta({ description: 'Offices the sources give the person.' }),
    }),
    citedObject({
      kind: kind('organization'),
      name,
      aliases,
      org_type: z.enum(ORGANIZATION_TYPES).optional().meta({
        description: 'Type of organization, only as the sources describe it.',
      }),
      country: ref('actors', ['country']).optional().meta({ description: 'Country the organization belongs to.' }),
    }),
  ])
  .meta({ title: 'Actor', description: 'A country, person or organization.' });
