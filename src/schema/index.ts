/**
 * The collection registry: the one list every other module derives from (data folders,
 * output files, export names, type names, JSON Schema files, CSV tables).
 * To add a collection: write its schema module, then add its name and its entry here.
 */
import type { z } from 'zod';
import { actorSchema } from './actors.js';
import { agreementSchema } from './agreements.js';
import { corridorSchema } from './corridors.js';
import { quoteSchema } from './quotes.js';
import { sourceSchema } from './sources.js';
import { tradeFigureSchema } from './trade-figures.js';

/**
 * The collection names, in output order. Declared apart from the registry below so that
 * schema modules can type their references (`ref('actors')`) without a circular type; the
 * compiler checks that the registry has exactly these keys.
 */
export const COLLECTION_NAMES = ['sources', 'actors', 'corridors', 'agreements', 'trade-figures', 'quotes'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

interface CollectionEntry {
  exportName: string;
  singular: string;
  typeName: string;
  schema: z.ZodType;
}

export const collections = {
  sources: { exportName: 'sources', singular: 'source', typeName: 'Source', schema: sourceSchema },
  actors: { exportName: 'actors', singular: 'actor', typeName: 'Actor', schema: actorSchema },
  corridors: { exportName: 'corridors', singular: 'corridor', typeName: 'Corridor', schema: corridorSchema },
  agreements: { exportName: 'agreements', singular: 'agreement', typeName: 'Agreement', schema: agreementSchema },
  'trade-figures': {
    exportName: 'tradeFigures',
    singular: 'trade-figure',
    typeName: 'TradeFigure',
    schema: tradeFigureSchema,
  },
  quotes: { exportName: 'quotes', singular: 'quote', typeName: 'Quote', schema: quoteSchema },
} as const satisfies { [C in CollectionName]: CollectionEntry };

export type CollectionInfo = (typeof collections)[CollectionName];
export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(collections, name);

export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;
export type AnyRecord = RecordOf<CollectionName>;

export * from './primitives.js';
export * from './sources.js';
export * from './actors.js';
export * from './corridors.js';
export * from './agreements.js';
export * from './trade-figures.js';
export * from './quotes.js';
