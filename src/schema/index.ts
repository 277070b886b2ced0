/**
 * The collection registry: the one list every other module derives from (data folders,
 * output files, export names, type names, JSON Schema files, CSV tables).
 * To add a collection: write its schema module, then add its name and its entry here.
 *
 * `schema` validates data files; `published` is the record as the build emits it
 * (with the computed `reported_fields`): JSON Schema, CSV columns and types use it.
 */
import type * as z from 'zod';
import { actorSchema } from './actors.js';
import { agreementSchema } from './agreements.js';
import { corridorSchema } from './corridors.js';
import { eventSchema } from './events.js';
import { publishedSchema } from './published.js';
import { quoteSchema } from './quotes.js';
import { sourceSchema } from './sources.js';
import { tradeFigureSchema } from './trade-figures.js';

/**
 * The collection names, in output order. Declared apart from the registry below so that
 * schema modules can type their references (`ref('actors')`) without a circular type; the
 * compiler checks that the registry has exactly these keys.
 */
export const COLLECTION_NAMES = ['sources', 'actors', 'corridors', 'agreements', 'events', 'trade-figures', 'quotes'] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

interface CollectionEntry {
  exportName: string;
  singular: string;
  typeName: string;
  schema: z.ZodType;
  published: z.ZodType;
}

export const collections = {
  // A source is exempt from field evidence as a whole, so it never has reported fields.
  sources: { exportName: 'sources', singular: 'source', typeName: 'Source', schema: sourceSchema, published: sourceSchema },
  actors: { exportName: 'actors', singular: 'actor', typeName: 'Actor', schema: actorSchema, published: publishedSchema(actorSchema) },
  corridors: {
    exportName: 'corridors',
    singular: 'corridor',
    typeName: 'Corridor',
    schema: corridorSchema,
    published: publishedSchema(corridorSchema),
  },
  agreements: {
    exportName: 'agreements',
    singular: 'agreement',
    typeName: 'Agreement',
    schema: agreementSchema,
    published: publishedSchema(agreementSchema),
  },
  events: { exportName: 'events', singular: 'event', typeName: 'Event', schema: eventSchema, published: publishedSchema(eventSchema) },
  'trade-figures': {
    exportName: 'tradeFigures',
    singular: 'trade-figure',
    typeName: 'TradeFigure',
    schema: tradeFigureSchema,
    published: publishedSchema(tradeFigureSchema),
  },
  quotes: { exportName: 'quotes', singular: 'quote', typeName: 'Quote', schema: quoteSchema, published: publishedSchema(quoteSchema) },
} as const satisfies { [C in CollectionName]: CollectionEntry };

export type CollectionInfo = (typeof collections)[CollectionName];
export const isCollectionName = (name: string): name is CollectionName => Object.hasOwn(collections, name);

/** A record as written in data/<collection>/<id>.yaml. */
export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;
export type AnyRecord = RecordOf<CollectionName>;
/** A record as the build publishes it (JSON, CSV, typed exports): with `reported_fields`. */
export type PublishedRecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]['published']>;
export type AnyPublishedRecord = PublishedRecordOf<CollectionName>;

export * from './primitives.js';
export * from './sources.js';
export * from './actors.js';
export * from './corridors.js';
export * from './agreements.js';
export * from './events.js';
export * from './trade-figures.js';
export * from './quotes.js';
export * from './ledger.js';
export { publishedSchema, reportedFields } from './published.js';

/** Record types, as written in data files. */
export type Source = RecordOf<'sources'>;
export type Actor = RecordOf<'actors'>;
export type Corridor = RecordOf<'corridors'>;
export type Agreement = RecordOf<'agreements'>;
export type Event = RecordOf<'events'>;
export type TradeFigure = RecordOf<'trade-figures'>;
export type Quote = RecordOf<'quotes'>;

/** Published record types (what the package's JSON and typed exports hold). */
export type PublishedSource = PublishedRecordOf<'sources'>;
export type PublishedActor = PublishedRecordOf<'actors'>;
export type PublishedCorridor = PublishedRecordOf<'corridors'>;
export type PublishedAgreement = PublishedRecordOf<'agreements'>;
export type PublishedEvent = PublishedRecordOf<'events'>;
export type PublishedTradeFigure = PublishedRecordOf<'trade-figures'>;
export type PublishedQuote = PublishedRecordOf<'quotes'>;
