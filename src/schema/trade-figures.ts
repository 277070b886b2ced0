import { z } from 'zod';
import { citations, date, id, note, paragraph, ref, text } from './primitives.js';

export const INDICATORS = [
  'trade-turnover',
  'exports',
  'imports',
  'cargo-volume',
  'transit-volume',
  'investment',
  'capacity',
  'population',
] as const;

/** Physical units in base form; currencies are ISO 4217 codes (checked by `checks/currency-codes`). */
export const PHYSICAL_UNITS = ['t', 'TEU', 'm3', 'kWh', 'persons', 'vehicles'] as const;

export const tradeFigureSchema = z
  .strictObject({
    id,
    indicator: z.enum(INDICATORS),
    reporter: ref('actors').optional().meta({ description: 'Reporting country or organization (actor id).' }),
    partner: ref('actors').optional().meta({ description: 'Partner country or organization (actor id).' }),
    corridor: ref('corridors').optional().meta({ description: 'Corridor or project the figure is about.' }),
    period: z
      .strictObject({
        start: date,
        end: date,
        as_stated: text.optional().meta({ description: 'The period verbatim as the source states it.' }),
      })
      .meta({ description: 'Period the value covers (start ≤ end).' }),
    value: z
      .number()
      .nonnegative()
      .max(1e15)
      .meta({ description: 'Plain number in base units: 608000000, not "608 million".' }),
    unit: z
      .union([
        z.string().regex(/^[A-Z]{3}(?![\s\S])/, { error: `must be an ISO 4217 currency code such as "USD", or one of: ${PHYSICAL_UNITS.join(', ')}` }),
        z.enum(PHYSICAL_UNITS),
      ])
      .meta({ description: `ISO 4217 currency code, or one of: ${PHYSICAL_UNITS.join(', ')}.` }),
    approximate: z.boolean().meta({ description: 'true when the source gives the value as approximate or as a bound.' }),
    description: paragraph.optional().meta({ description: 'What is measured, in the source\'s terms.' }),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'TradeFigure', description: 'A quantitative trade or economic figure.' });

export type TradeFigure = z.infer<typeof tradeFigureSchema>;
