/**
 * The collection registry: the one list every other module derives from
 * (folder names, export names, type names, JSON Schema files, CSV tables).
 * To add a collection: write its schema module, then add one entry here.
 */
import type { z } from 'zod';
import { actorSchema } from './actors.js';
import { agreementSchema } from './agreements.js';
import { corridorSchema } from './corridors.js';
import { quoteSchema } from './quotes.js';
import { sourceSchema } from './sources.js';
import { tradeFigureSchema } from './trade-figures.js';

export const collections = {
  sources: { folder: 'sources', exportName: 'sources', singular: 'source', typeName: 'Source', schema: sourceSchema },
  actors: { folder: 'actors', exportName: 'actors', singular: 'actor', typeName: 'Actor', schema: actorSchema },
  corridors: { folder: 'corridors', exportName: 'corridors', singular: 'corridor', typeName: 'Corridor', schema: corridorSchema },
  agreements: { folder: 'agreements', exportName: 'agreements', singular: 'agreement', typeName: 'Agreement', schema: agreementSchema },
  'trade-figures': {
    folder: 'trade-figures',
    exportName: 'tradeFigures',
    singular: 'trade-figure',
    typeName: 'TradeFigure',
    schema: tradeFigureSchema,
  },
  quotes: { folder: 'quotes', exportName: 'quotes', singular: 'quote', typeName: 'Quote', schema: quoteSchema },
} as const;

export type CollectionName = keyof typeof collections;
export type CollectionInfo = (typeof collections)[CollectionName];
export const COLLECTION_NAMES = Object.keys(collections) as CollectionName[];
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
