/**
 * The built dataset as the site sees it: records per collection (from `dist/json/all.json`),
 * the schema field listing of each collection, lookups by id and the reverse references.
 * Collections come from the registry; a collection present in the build but not (yet) in the
 * registry is still shown, with fields taken from its records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMBINED_JSON, referencesOf } from '../model/index.js';
import { collections as registry } from '../schema/index.js';
import { type FieldInfo, listFields } from '../schema/walk.js';

export type Rec = Record<string, unknown> & { id: string };

export interface Collection {
  name: string;
  singular: string;
  fields: FieldInfo[];
  records: Rec[];
}

interface BackRef {
  collection: string;
  id: string;
  /** Dotted field path of the reference, without indices (e.g. `corridors`, `sources.source`). */
  field: string;
}

export interface SiteData {
  name: string;
  version: string;
  collections: Collection[];
  collection(name: string): Collection | undefined;
  record(collection: string, id: string): Rec | undefined;
  /** Records that reference the given record, in collection then id order. */
  referencedBy(collection: string, id: string): BackRef[];
}

interface AllJson {
  name: string;
  version: string;
  collections: Record<string, Rec[]>;
}

export function loadSiteData(distDir: string): SiteData {
  const all = JSON.parse(readFileSync(join(distDir, COMBINED_JSON), 'utf8')) as AllJson;
  const registered = Object.entries(registry as Record<string, { singular: string; schema: Parameters<typeof listFields>[0] }>);
  const names = [...registered.map(([name]) => name), ...Object.keys(all.collections).filter((n) => !registered.some(([r]) => r === n))];
  const collections: Collection[] = names
    .filter((name) => all.collections[name] !== undefined)
    .map((name) => {
      const entry = registered.find(([r]) => r === name)?.[1];
      return {
        name,
        singular: entry?.singular ?? name.replace(/s$/, ''),
        fields: entry ? listFields(entry.schema) : [],
        records: all.collections[name] ?? [],
      };
    });

  const byId = new Map(collections.map((c) => [c.name, new Map(c.records.map((r) => [r.id, r]))]));
  const back = new Map<string, BackRef[]>();
  for (const c of collections)
    for (const field of c.fields) {
      if (!field.ref) continue;
      const target = field.ref.collection;
      for (const record of c.records)
        for (const { id: value } of referencesOf(record, field)) {
          const key = `${target}/${value}`;
          const list = back.get(key) ?? [];
          if (!list.some((b) => b.collection === c.name && b.id === record.id && b.field === field.path.join('.')))
            list.push({ collection: c.name, id: record.id, field: field.path.join('.') });
          back.set(key, list);
        }
    }

  return {
    name: all.name,
    version: all.version,
    collections,
    collection: (name) => collections.find((c) => c.name === name),
    record: (collection, id) => byId.get(collection)?.get(id),
    referencedBy: (collection, id) => back.get(`${collection}/${id}`) ?? [],
  };
}

/** Display label of a record: its name, title or text, else a readable form of its id. */
export function labelOf(record: Rec, max = 90): string {
  for (const key of ['name', 'title', 'text']) {
    const v = record[key];
    if (typeof v === 'string') return v.length > max ? `${v.slice(0, max - 2).trimEnd()}…` : v;
  }
  // A figure has no name: its indicator, what it is about, and the value.
  if (typeof record.indicator === 'string' && typeof record.value === 'number') {
    const about = typeof record.subject === 'string' ? ` (${record.subject})` : '';
    const unit = typeof record.unit === 'string' ? ` ${record.unit}` : '';
    const label = `${humanize(record.indicator)}${about}: ${record.value.toLocaleString('en-US')}${unit}`;
    return label.length > max ? `${label.slice(0, max - 2).trimEnd()}…` : label;
  }
  return humanize(record.id);
}

/** Path of a record's page inside the site. */
export const recordPage = (collection: string, id: string): string => `${collection}/${id}/index.html`;
export const collectionPage = (collection: string): string => `${collection}/index.html`;

export const humanize = (key: string): string => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
