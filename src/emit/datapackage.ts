/**
 * dist/datapackage.json: a Frictionless Tabular Data Package describing every CSV with a
 * Table Schema (types, required, unique, enums, primary and foreign keys), derived from
 * the same field listing as the CSV columns.
 */
import { COLLECTION_NAMES, type CollectionName, type RecordOf } from '../schema/index.js';
import { linkTables } from './csv.js';
import { CITATIONS_CSV, collectionCsv, DATAPACKAGE_JSON } from '../model/paths.js';
import { citationFieldColumns, columnsOf, type Column } from './csv-format.js';
import { JsonArraySlot, jsonFrame, jsonItem } from './json-frame.js';
import type { Emitter } from './types.js';

/** The descriptor's `sources`: one per record of the sources collection. */
const SOURCES_SLOT = 'sources';
const SOURCES_DEPTH = 1;

export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  path: 'https://creativecommons.org/licenses/by/4.0/',
};

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

function tableField({ name, field }: Column): Record<string, unknown> {
  const out: Record<string, unknown> = { name };
  if (field.description) out.description = field.description;
  const constraints: Record<string, unknown> = {};
  if (field.listPath) {
    out.type = 'string';
    out.description = `${field.description ? `${field.description} ` : ''}List: items separated by "|" (see docs/csv.md).`;
    if (field.required) constraints.required = true;
  } else {
    if (field.type === 'number') out.type = 'number';
    else if (field.type === 'boolean') Object.assign(out, { type: 'boolean', trueValues: ['true'], falseValues: ['false'] });
    else out.type = 'string';
    if (field.required) constraints.required = true;
    if (field.enumValues) constraints.enum = field.enumValues;
    // Table Schema patterns are implicitly anchored XML Schema regexes: no ^ $, no (?:.
    if (field.pattern) constraints.pattern = field.pattern.source.replace(/^\^|\$$/g, '').replaceAll('(?:', '(');
    if (name === 'id') constraints.unique = true;
  }
  if (Object.keys(constraints).length) out.constraints = constraints;
  return out;
}

const resource = (name: string, path: string, schema: Record<string, unknown>, description?: string) => ({
  profile: 'tabular-data-resource',
  name,
  path,
  ...(description ? { description } : {}),
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: DIALECT,
  schema: { ...schema, missingValues: [''] },
});

function collectionResource(collection: CollectionName) {
  const columns = columnsOf(collection);
  const foreignKeys = columns
    .filter(({ field }) => field.ref && !field.listPath)
    .map(({ name, field }) => ({ fields: name, reference: { resource: field.ref!.collection, fields: 'id' } }));
  return resource(collection, collectionCsv(collection), {
    fields: columns.map(tableField),
    primaryKey: 'id',
    ...(foreignKeys.length ? { foreignKeys } : {}),
  });
}

export const datapackageEmitter: Emitter = {
  name: 'datapackage',
  emit({ pkg }) {
    const links = linkTables().map((t) =>
      resource(
        t.path.slice(4, -4),
        t.path,
        {
          fields: [
            { name: t.header[0], type: 'string', constraints: { required: true } },
            { name: t.header[1], type: 'string', constraints: { required: true } },
            { name: t.header[2], type: 'integer', constraints: { required: true, minimum: 1 } },
          ],
          primaryKey: [t.header[0], t.header[2]],
          foreignKeys: [
            { fields: t.header[0], reference: { resource: t.owner, fields: 'id' } },
            { fields: t.header[1], reference: { resource: t.target, fields: 'id' } },
          ],
        },
        `One row per item of ${t.owner}.${t.field}, in list order.`,
      ),
    );
    const citations = resource(
      'citations',
      CITATIONS_CSV,
      {
        fields: [
          { name: 'collection', type: 'string', constraints: { required: true, enum: [...COLLECTION_NAMES] } },
          { name: 'record', type: 'string', constraints: { required: true } },
          { name: 'position', type: 'integer', constraints: { required: true, minimum: 1 } },
          ...citationFieldColumns().map(tableField),
        ],
        primaryKey: ['collection', 'record', 'position'],
        foreignKeys: [{ fields: 'source', reference: { resource: 'sources', fields: 'id' } }],
      },
      'Every citation of every record: the source it cites and the verbatim excerpt.',
    );
    return [
      {
        path: DATAPACKAGE_JSON,
        contents: jsonFrame({
          profile: 'tabular-data-package',
          name: pkg.name,
          title: 'Caucasus corridors: trade and transport corridors of the South Caucasus, Caspian and Central Asia',
          ...(pkg.description ? { description: pkg.description } : {}),
          version: pkg.version,
          ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
          licenses: [DATA_LICENSE],
          contributors: [{ title: 'caucasus-corridors contributors', role: 'author' }],
          sources: new JsonArraySlot(SOURCES_SLOT, SOURCES_DEPTH),
          resources: [...COLLECTION_NAMES.map(collectionResource), ...links, citations],
        }),
      },
    ];
  },
  *record(collection, record) {
    if (collection !== 'sources') return;
    const s = record as RecordOf<'sources'>;
    const source = { title: [s.title, s.publisher, s.authors?.join(', ')].filter(Boolean).join(' — '), ...(s.url ? { path: s.url } : {}) };
    yield [SOURCES_SLOT, jsonItem(source, SOURCES_DEPTH)];
  },
};
