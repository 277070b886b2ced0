import * as z from 'zod';
import { citedObject } from './cited-record.js';
import { date, editorial, ref, text } from './primitives.js';

export const INDICATORS = [
  'trade-turnover',
  'exports',
  'imports',
  'cargo-volume',
  'transit-volume',
  'investment',
  'capacity',
  'population',
  'displaced-persons',
  'distance',
  'area',
  'count',
  'share',
  'cost',
] as const;

/** Physical units in base form; currencies are ISO 4217 codes (checked by `checks/currency-codes`). */
export const PHYSICAL_UNITS = ['t', 'TEU', 'm3', 'kWh', 'persons', 'vehicles', 'km', 'm', 'mi', 'ha', 'percent', 'items'] as const;

export const BOUNDS = ['at-least', 'at-most'] as const;

/**
 * The period a figure covers, only as far as the source gives it: an undated figure has
 * no period, or only the wording. Zod requires at least one key; JSON Schema says `minProperties`.
 */
const period = z
  .strictObject({
    start: date.optional().meta({ description: 'First day, month or year the value covers, as the source dates it.' }),
    end: date.optional().meta({ description: 'Last day, month or year the value covers, as the source dates it.' }),
    as_stated: editorial('The period verbatim as the source states it ("in the period March 2022-March 2023", "today").').optional(),
  })
  .refine((p) => p.start !== undefined || p.end !== undefined || p.as_stated !== undefined, {
    error: 'needs start, end or as_stated: leave period out when the source does not date the figure',
  })
  .meta({ description: 'Period the value covers (start ≤ end); only what the source gives, never an invented date.', minProperties: 1 });

export const tradeFigureSchema = citedObject({
  indicator: z.enum(INDICATORS).meta({
    description:
      'What the value measures: trade-turnover (exports plus imports), exports, imports, cargo-volume, transit-volume, investment, capacity, population, displaced-persons, distance, area, count, share, cost.',
  }),
  subject: text.optional().meta({
    description: 'What a figure about a region or group is about, in the source\'s terms ("a region for north-south and east-west trade").',
  }),
  reporter: ref('actors').optional().meta({ description: 'Reporting country or organization (actor id).' }),
  partner: ref('actors').optional().meta({ description: 'Partner country or organization (actor id).' }),
  corridor: ref('corridors').optional().meta({ description: 'Corridor or project the figure is about.' }),
  period: period.optional(),
  from_value: z.number().nonnegative().max(1e15).optional().meta({
    description:
      'For a change over the period: the value at its start, in the same unit as value ("grew from $608 million …" → 608000000).',
  }),
  value: z
    .number()
    .nonnegative()
    .max(1e15)
    .meta({ description: 'Plain number in base units: 688000000, not "688 million"; for a change, the value at the end.' }),
  bound: z.enum(BOUNDS).optional().meta({ description: 'An open bound: at-least ("1,000,000-plus", "over") or at-most ("up to").' }),
  unit: z
    .union([
      z.string().regex(/^[A-Z]{3}(?![\s\S])/, {
        error: `must be an ISO 4217 currency code such as "USD", or one of: ${PHYSICAL_UNITS.join(', ')}`,
      }),
      z.enum(PHYSICAL_UNITS),
    ])
    .meta({ description: `ISO 4217 currency code, or one of: ${PHYSICAL_UNITS.join(', ')}.` }),
  approximate: z
    .boolean()
    .optional()
    .meta({ description: 'true when the source gives the value as approximate ("about", "an estimated"); absent means false.' }),
  description: editorial("What is measured, in the curators' words.").optional(),
}).meta({ title: 'TradeFigure', description: 'A quantitative trade or economic figure.' });
