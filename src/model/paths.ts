/**
 * Every path the project builds from a collection name: record files under data/ and the
 * files of a build output. Emitters, commands, scripts and tests take paths from here
 * instead of spelling `'all.json'` again.
 */
import type { CollectionName } from '../schema/index.js';

export const RECORD_EXTENSION = '.yaml';

/** `<collection>/<id>.yaml`, relative to the data directory. */
export const recordPath = (collection: CollectionName, id: string): string => `${collection}/${id}${RECORD_EXTENSION}`;

/** Output paths, relative to the build output directory (dist/). */
export const JSON_DIR = 'json';
export const CSV_DIR = 'csv';
export const SCHEMA_DIR = 'schema';
export const COMBINED_JSON_NAME = 'all.json';
export const COMBINED_JSON = `${JSON_DIR}/${COMBINED_JSON_NAME}`;
export const CITATIONS_CSV = `${CSV_DIR}/citations.csv`;
export const DATAPACKAGE_JSON = 'datapackage.json';

export const collectionJsonName = (collection: CollectionName): string => `${collection}.json`;
export const collectionJson = (collection: CollectionName): string => `${JSON_DIR}/${collectionJsonName(collection)}`;
export const collectionCsv = (collection: CollectionName): string => `${CSV_DIR}/${collection}.csv`;
/** A link table of a list-of-references field, e.g. `csv/agreement-parties.csv`. */
export const linkTableCsv = (ownerSingular: string, field: string): string => `${CSV_DIR}/${ownerSingular}-${field.replace(/_/g, '-')}.csv`;
export const jsonSchemaName = (collection: CollectionName): string => `${collection}.schema.json`;
export const jsonSchemaPath = (collection: CollectionName): string => `${SCHEMA_DIR}/${jsonSchemaName(collection)}`;

/** The first line of a record file: tells YAML editors which JSON Schema to use. */
export const schemaModeline = (collection: CollectionName): string =>
  `# yaml-language-server: $schema=../../dist/${jsonSchemaPath(collection)}`;

/** A field path as shown in messages: `sources[0].excerpt`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${String(seg)}` : String(seg)), '');
