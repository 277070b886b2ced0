import { z } from 'zod';
import { citations, countryCode, date, id, note, ref, text, textList } from './primitives.js';

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

const common = {
  id,
  name: text.meta({ description: 'Common English name.' }),
  aliases: textList.optional().meta({ description: 'Other names and spellings used by the sources.' }),
  note: note.optional(),
};

const position = z.strictObject({
  title: text.meta({ description: 'Office or role as the source states it, e.g. "President".' }),
  of: ref('actors').optional().meta({ description: 'Country or organization the office belongs to.' }),
  as_of: date.optional().meta({ description: 'A date at which the source shows the person in this role.' }),
});

export const actorSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      ...common,
      kind: z.literal('country'),
      country_code: countryCode,
      sources: citations,
    }),
    z.strictObject({
      ...common,
      kind: z.literal('person'),
      positions: z.array(position).min(1).optional(),
      sources: citations,
    }),
    z.strictObject({
      ...common,
      kind: z.literal('organization'),
      org_type: z.enum(ORGANIZATION_TYPES).optional(),
      country: ref('actors').optional().meta({ description: 'Country the organization belongs to (actor id of a country).' }),
      sources: citations,
    }),
  ])
  .meta({ title: 'Actor', description: 'A country, person or organization.' });

export type Actor = z.infer<typeof actorSchema>;
export const ACTOR_KINDS = ['country', 'person', 'organization'] as const;
