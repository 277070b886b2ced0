import * as z from 'zod';
import { citedObject } from './cited-record.js';
import { date, editorial, identifying, measure, note, refList, requireKeys, text, textList, vocabulary } from './primitives.js';

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
const statusChange = requireKeys(
  z.strictObject({
    date: date
      .optional()
      .meta({ description: 'When the status began, to the precision the source gives; absent when the source does not date it.' }),
    as_stated: editorial('The timing as the source words it ("after two years of halt"), when it gives no (full) date.').optional(),
    status: z
      .enum(CORRIDOR_STATUSES)
      .meta({ description: "The status the sources report from that date (same vocabulary as the corridor's status)." }),
    note: note.optional(),
  }),
  ['date', 'as_stated'],
  { error: 'needs a date or, when the source gives none, as_stated with its wording (e.g. as_stated: after two years of halt)' },
);

export const corridorSchema = citedObject({
  name: identifying(text.meta({ description: 'Name of the corridor or project (identifies the record).' })),
  aliases: textList.optional().meta({ description: 'Other names the sources use (e.g. "Nakhchivan corridor").' }),
  kind: z.enum(CORRIDOR_KINDS).meta({
    description:
      'What the record is: a corridor (a route made of several projects), a railway, road, pipeline, bridge, power line, port, or a multimodal route.',
  }),
  modes: z
    .array(z.enum(TRANSPORT_MODES))
    .min(1)
    .optional()
    .meta({ description: 'Transport modes the sources give it: rail, road, sea, pipeline, power (electricity transmission).' }),
  carries: textList.optional().meta({ description: 'What it carries, as the sources say (e.g. "gas", "electricity", "freight").' }),
  countries: refList('actors', ['country'])
    .optional()
    .meta({ description: 'Countries the text says the route crosses (actor ids of countries); not those it only leads to.' }),
  connects: refList('actors', ['country'])
    .optional()
    .meta({ description: 'Countries the route connects or leads to without the text saying it crosses them (actor ids of countries).' }),
  endpoints: z
    .strictObject({
      from: text.meta({ description: 'Where the route starts, as the source names the place.' }),
      to: text.meta({ description: 'Where the route ends, as the source names the place.' }),
      via: textList
        .optional()
        .meta({ description: 'Places the route passes through between from and to, in order, as the source names them.' }),
    })
    .optional()
    .meta({ description: 'Places as the sources name them.' }),
  length: measure.optional().meta({ description: 'Length of the route as the sources give it.' }),
  width: measure.optional().meta({ description: 'Width as the sources give it.' }),
  status: vocabulary(CORRIDOR_STATUSES, 'Latest status the sources give (unknown when they give none)'),
  status_history: z
    .array(statusChange)
    .min(1)
    .optional()
    .meta({ description: 'Status changes as the sources report them, oldest first; undated entries keep the wording in as_stated.' }),
  part_of: refList('corridors').optional().meta({ description: 'Larger corridors the sources say this one is part of (corridor ids).' }),
  alternative_to: refList('corridors')
    .optional()
    .meta({ description: 'Corridors the sources present this one as an alternative or rival to (corridor ids).' }),
  proponents: refList('actors').optional().meta({ description: 'Who the sources say promotes or backs it (actor ids).' }),
  opponents: refList('actors').optional().meta({ description: 'Who the sources say opposes it (actor ids).' }),
  description: editorial("What the corridor is, in the curators' words.").optional(),
}).meta({ title: 'Corridor', description: 'A corridor or one of its component projects.' });
