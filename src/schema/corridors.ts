import { z } from 'zod';
import { citations, date, editorial, id, identifying, measure, note, refList, text, textList } from './primitives.js';

export const CORRIDOR_KINDS = ['corridor', 'railway', 'road', 'pipeline', 'bridge', 'power-line', 'multimodal-route', 'port'] as const;
export const TRANSPORT_MODES = ['rail', 'road', 'sea', 'pipeline', 'power'] as const;
export const CORRIDOR_STATUSES = [
  'proposed',
  'under-negotiation',
  'agreed',
  'under-construction',
  'operational',
  'suspended',
  'cancelled',
  'unknown',
] as const;

/**
 * A status the sources report, dated when they date it. An undated entry keeps the
 * wording (`as_stated`, e.g. "after two years of halt") instead of an invented date.
 * Zod checks "date or as_stated"; the JSON Schema states the same with `anyOf`.
 */
const statusChange = z
  .strictObject({
    date: date.optional().meta({ description: 'When the status began, to the precision the source gives; absent when the source does not date it.' }),
    as_stated: editorial('The timing as the source words it ("after two years of halt"), when it gives no (full) date.').optional(),
    status: z.enum(CORRIDOR_STATUSES),
    note: note.optional(),
  })
  .refine((entry) => entry.date !== undefined || entry.as_stated !== undefined, {
    error: 'needs a date or, when the source gives none, as_stated with its wording (e.g. as_stated: after two years of halt)',
  })
  .meta({ anyOf: [{ properties: { date: {} }, required: ['date'] }, { properties: { as_stated: {} }, required: ['as_stated'] }] });

export const corridorSchema = z
  .strictObject({
    id,
    name: identifying(text.meta({ description: 'Name of the corridor or project (identifies the record).' })),
    aliases: textList.optional().meta({ description: 'Other names the sources use (e.g. "Nakhchivan corridor").' }),
    kind: z.enum(CORRIDOR_KINDS),
    modes: z.array(z.enum(TRANSPORT_MODES)).min(1).optional(),
    carries: textList.optional().meta({ description: 'What it carries, as the sources say (e.g. "gas", "electricity", "freight").' }),
    countries: refList('actors', ['country'])
      .optional()
      .meta({ description: 'Countries the text says the route crosses (actor ids of countries); not those it only leads to.' }),
    connects: refList('actors', ['country'])
      .optional()
      .meta({ description: 'Countries the route connects or leads to without the text saying it crosses them (actor ids of countries).' }),
    endpoints: z
      .strictObject({
        from: text,
        to: text,
        via: textList.optional(),
      })
      .optional()
      .meta({ description: 'Places as the sources name them.' }),
    length: measure.optional(),
    width: measure.optional(),
    status: z.enum(CORRIDOR_STATUSES),
    status_history: z
      .array(statusChange)
      .min(1)
      .optional()
      .meta({ description: 'Status changes as the sources report them, oldest first; undated entries keep the wording in as_stated.' }),
    part_of: refList('corridors').optional(),
    alternative_to: refList('corridors').optional(),
    proponents: refList('actors').optional(),
    opponents: refList('actors').optional(),
    description: editorial('What the corridor is, in the curators\' words.').optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Corridor', description: 'A corridor or one of its component projects.' });

export type Corridor = z.infer<typeof corridorSchema>;
