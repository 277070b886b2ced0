import { z } from 'zod';
import { citations, date, id, measure, note, paragraph, refList, text, textList } from './primitives.js';

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

const statusChange = z.strictObject({
  date,
  status: z.enum(CORRIDOR_STATUSES),
  note: note.optional(),
});

export const corridorSchema = z
  .strictObject({
    id,
    name: text,
    aliases: textList.optional().meta({ description: 'Other names the sources use (e.g. "Nakhchivan corridor").' }),
    kind: z.enum(CORRIDOR_KINDS),
    modes: z.array(z.enum(TRANSPORT_MODES)).min(1).optional(),
    carries: textList.optional().meta({ description: 'What it carries, as the sources say (e.g. "gas", "electricity", "freight").' }),
    countries: refList('actors', ['country']).optional().meta({ description: 'Countries traversed (actor ids of countries).' }),
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
      .meta({ description: 'Dated status changes, oldest first.' }),
    part_of: refList('corridors').optional(),
    alternative_to: refList('corridors').optional(),
    proponents: refList('actors').optional(),
    opponents: refList('actors').optional(),
    description: paragraph.optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Corridor', description: 'A corridor or one of its component projects.' });

export type Corridor = z.infer<typeof corridorSchema>;
