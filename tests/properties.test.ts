/**
 * Property tests (fast-check) for issue #6.
 *
 * (a) Whatever a stranger's YAML holds, the validator answers with located problems and
 *     never throws; what it accepts is exactly what the YAML says.
 * (b) Records generated from the Zod schemas themselves (so a new field is covered without
 *     touching this file), full of tricky text, survive YAML → validate → build → JSON → CSV
 *     → parse back unchanged.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildDataDir } from '../src/build.js';
import { citationFieldColumns, columnsOf, decodeRow, encodeRow } from '../src/emit/csv-format.js';
import { toCsv } from './helpers/csv-reference.js';
import { CITATIONS_CSV } from '../src/model/paths.js';
import type { RecordFile } from '../src/model/record.js';
import { parseRecord } from '../src/load/record.js';
import { parseYamlFile } from '../src/load/yaml-file.js';
import type { Problem } from '../src/problems.js';
import {
  COLLECTION_NAMES,
  DATE_PATTERN,
  ID_PATTERN,
  PHYSICAL_UNITS,
  type AnyRecord,
  collections,
  languageTag,
  refRegistry,
  text as textSchema,
  paragraph,
  EVIDENCE_PATH_PATTERN,
  EXCERPT_CHARS_PATTERN,
  URL_PATTERN,
  type CollectionName,
} from '../src/schema/index.js';
import {
  type AnySchema,
  arrayElement,
  discriminatorOf,
  enumValues,
  kindOf,
  literalValues,
  numberBounds,
  objectShape,
  patternOf as schemaPattern,
  stringFormat,
  unionOptions,
  unwrapOptional,
  variantFor,
} from '../src/schema/introspect.js';
import { validateDataDir } from '../src/validate.js';
import { dateBounds } from '../src/dates.js';
import { COUNTRY_CODES } from '../src/schema/country-codes.js';
import { publishedRecord } from '../src/emit/published.js';
import { evidenceTree, factLeaves } from '../src/schema/evidence.js';
import { scratchDirs, VALID } from './helpers/run.js';

const freshDir = scratchDirs('cc-properties-');

const encode = (s: string) => new TextEncoder().encode(s);
const fileFor = (collection: CollectionName, stem: string): RecordFile => ({
  collection,
  path: `${collection}/${stem}.yaml`,
  display: `data/${collection}/${stem}.yaml`,
  stem,
});

/** A problem a contributor can act on: located, named, with a real message. */
function expectWellFormed(problem: Problem) {
  expect(typeof problem.file).toBe('string');
  expect(Number.isInteger(problem.line) && problem.line >= 0).toBe(true);
  expect(Number.isInteger(problem.col) && problem.col >= 0).toBe(true);
  expect(problem.rule).toMatch(/^[a-z][a-z0-9-]*$/);
  expect(problem.rule).not.toBe('internal-error');
  expect(typeof problem.message).toBe('string');
  expect(problem.message.length).toBeGreaterThan(0);
  expect(problem.message).not.toContain('[object Object]');
}

// --- (a) Hostile mutations never make the validator throw ---------------------------

const base = validateDataDir(VALID);
if (base.problems.length) throw new Error(`tests/fixtures/valid must be valid:\n${base.problems.map((p) => p.message).join('\n')}`);
const baseRecords = base.records.map((r) => ({ collection: r.collection, stem: r.file.stem, data: r.data as unknown }));
const baseYaml = baseRecords.map((r) => ({ ...r, text: readFileSync(join(VALID, r.collection, `${r.stem}.yaml`), 'utf8') }));

const NASTY = [
  '',
  ' ',
  '=SUM(A1)',
  '+994',
  '-5',
  '@cmd',
  '|',
  '\\',
  '\\|',
  '"',
  "'",
  ',',
  '\n',
  '\r\n',
  '\r',
  '\t',
  'a\u0000b',
  '\u0007',
  '\ud800',
  'x\udc00y',
  '\u202e',
  '\ufeff',
  '__proto__',
  'constructor',
  'prototype',
  'Türkiye',
  'Naxçıvan',
  'Erdoğan',
  'аzerbaijan',
  '2023-02-30',
  '2150',
  '2023',
  'yes',
  'no',
  'on',
  '1.10',
  '0x1F',
  '.inf',
  '-.inf',
  '.nan',
  '~',
  'null',
  'true',
  '*alias',
  '&anchor',
  '!!js/function',
  '!!binary aGk=',
  '%YAML 1.1',
  '---',
  '...',
  '- item',
  'key: value',
  '#comment',
  '{a: 1}',
  '[1, 2]',
  '<<',
  'x'.repeat(401),
];
const KEYS = [
  ...new Set(COLLECTION_NAMES.flatMap((c) => columnsOf(c).map((col) => col.field.path.at(-1)!))),
  '__proto__',
  'constructor',
  'kind',
  '<<',
  '',
];

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(-5, 0, -0, 1.1, 1e300, Infinity, -Infinity, Number.NaN, true, false, null),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...NASTY), { maxKeys: 3 }),
);

type Path = (string | number)[];
const pathsOf = (value: unknown, path: Path = []): Path[] =>
  value !== null && typeof value === 'object'
    ? [path, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, Array.isArray(value) ? Number(k) : k]))]
    : [path];

/** Sets an own property, also for "__proto__" (as JSON.parse would). */
const put = (target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'add-key', 'wrap', 'unwrap', 'to-string', 'to-number'),
  pick: fc.nat(),
  key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })),
  value: anyValue,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(record: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(record) as unknown;
  for (const m of mutations) {
    const paths = pathsOf(root);
    const path = paths[m.pick % paths.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)[k], root) as
      | Record<PropertyKey, unknown>
      | unknown[]
      | undefined;
    const key = path.at(-1);
    const current = path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown>)[k], root);
    const set = (value: unknown) => (key === undefined ? (root = value) : put(parent as Record<PropertyKey, unknown>, key, value));
    switch (m.kind) {
      case 'delete':
        if (key === undefined) root = {};
        else if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<PropertyKey, unknown>)[key];
        break;
      case 'replace':
        set(m.value);
        break;
      case 'add-key':
        if (current !== null && typeof current === 'object' && !Array.isArray(current))
          put(current as Record<string, unknown>, m.key, m.value);
        else set({ [m.key]: m.value });
        break;
      case 'wrap':
        set([current]);
        break;
      case 'unwrap':
        set(Array.isArray(current) ? current[0] : current);
        break;
      case 'to-string':
        set(typeof current === 'object' ? JSON.stringify(current) : String(current));
        break;
      case 'to-number':
        set(Number(typeof current === 'object' ? JSON.stringify(current) : current));
        break;
    }
  }
  return root;
}

const baseRecord = fc.constantFrom(...baseRecords);

describe('(a) mutated records: structured problems, never an exception', () => {
  it('parseRecord on YAML-stringified mutations of valid records', () => {
    fc.assert(
      fc.property(baseRecord, fc.array(mutation, { minLength: 1, maxLength: 4 }), (record, mutations) => {
        const mutated = mutate(record.data, mutations);
        const text = YAML.stringify(mutated);
        const outcome = parseRecord(fileFor(record.collection, record.stem), encode(text));
        for (const p of outcome.problems) {
          expectWellFormed(p);
          expect(p.line).toBeGreaterThan(0);
        }
        // Either a record or at least one problem; an accepted record is exactly what the YAML says.
        expect(outcome.record === undefined).toBe(outcome.problems.length > 0);
        if (outcome.record) expect(outcome.record.data).toEqual(YAML.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('parseRecord on text-level edits of valid YAML (inserted junk, cut lines, tabs, swapped lines)', () => {
    const edit = fc.record({
      kind: fc.constantFrom('insert', 'delete', 'tab', 'duplicate-line', 'swap-lines', 'indent', 'dedent'),
      at: fc.nat(),
      length: fc.nat({ max: 20 }),
      junk: fc.oneof(
        fc.constantFrom(...NASTY, ':', '- ', '  ', '"', "'", '&a ', '*a', '? ', '!', '%', '{', '[', '\t'),
        fc.string({ unit: 'binary', maxLength: 10 }),
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(...baseYaml), fc.array(edit, { minLength: 1, maxLength: 3 }), (record, edits) => {
        let text = record.text;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          const lines = text.split('\n');
          const line = e.at % lines.length;
          if (e.kind === 'insert') text = text.slice(0, at) + e.junk + text.slice(at);
          else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
          else if (e.kind === 'tab') text = `${text.slice(0, at)}\t${text.slice(at)}`;
          else if (e.kind === 'duplicate-line') text = [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
          else if (e.kind === 'swap-lines') {
            const other = (line + 1) % lines.length;
            [lines[line], lines[other]] = [lines[other]!, lines[line]!];
            text = lines.join('\n');
          } else if (e.kind === 'indent') text = lines.map((l, i) => (i === line ? ` ${l}` : l)).join('\n');
          else text = lines.map((l, i) => (i === line ? l.replace(/^ /, '') : l)).join('\n');
        }
        const outcome = parseRecord(fileFor(record.collection, record.stem), encode(text));
        for (const p of outcome.problems) expectWellFormed(p);
        expect(outcome.record === undefined).toBe(outcome.problems.length > 0);
      }),
      { numRuns: 300 },
    );
  });

  it('parseYamlFile on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom(...baseYaml.map((r) => r.text))), fc.uint8Array({ maxLength: 200 }), (prefix, bytes) => {
        const all = prefix ? new Uint8Array([...encode(prefix), ...bytes]) : bytes;
        const parsed = parseYamlFile('data/actors/x.yaml', all);
        for (const p of parsed.problems) expectWellFormed(p);
      }),
      { numRuns: 200 },
    );
  });

  it('validateDataDir on a dataset with mutated records reports problems for them and nothing else breaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(baseRecord, fc.array(mutation, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 }),
        (cases) => {
          const dir = freshDir('mutated');
          cpSync(VALID, join(dir, 'data'), { recursive: true });
          for (const [record, mutations] of cases)
            writeFileSync(join(dir, 'data', record.collection, `${record.stem}.yaml`), YAML.stringify(mutate(record.data, mutations)));
          const result = validateDataDir(join(dir, 'data'));
          for (const p of result.problems) expectWellFormed(p);
          // Records nobody touched still load.
          const touched = new Set(cases.map(([r]) => `${r.collection}/${r.stem}`));
          const loaded = new Set(result.records.map((r) => `${r.collection}/${r.file.stem}`));
          for (const r of baseRecords)
            if (!touched.has(`${r.collection}/${r.stem}`)) expect(loaded.has(`${r.collection}/${r.stem}`)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

// --- (b) Valid records generated from the schemas round-trip unchanged --------------

const patternOf = (s: AnySchema): string | undefined => schemaPattern(s)?.source;

const TEXT_PATTERN = patternOf(textSchema);
const PARAGRAPH_PATTERN = patternOf(paragraph);
const LANGUAGE_PATTERN = patternOf(languageTag);

/** Words and characters that break naive CSV, YAML and spreadsheet handling. */
const TRICKY = [
  'Türkiye',
  'Naxçıvan',
  'Erdoğan',
  'Sak’art’velo',
  'Şuşa',
  'İlham Əliyev',
  'Ağdam',
  'Zəngəzur',
  'Гюмри',
  'Երևան',
  'თბილისი',
  'طهران',
  '=SUM(A1)',
  '=1+1',
  '+994 12',
  '-5',
  '@SUM(1)',
  "'quoted",
  '"double"',
  '“curly”',
  '|',
  'a|b',
  '\\',
  'x\\|y',
  '\\\\',
  ',',
  ', ',
  ';',
  '\r\n',
  '\n',
  '\r',
  '\t',
  ' ',
  '  ',
  '\u00a0',
  '\u2028',
  'e\u0301',
  '🚆',
  '👩‍👩‍👧',
  '#',
  ': ',
  '- ',
  '? ',
  '&a',
  '*a',
  '!x',
  '%',
  '{',
  '}',
  '[',
  ']',
  'null',
  'true',
  'yes',
  'no',
  '~',
  '1.10',
  '0x1F',
  '.inf',
  '2023-02-30',
  '608 million',
  '$688',
  '\u0000',
  '\u0007',
];
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);
// Tricky but valid: control and bidi characters are rejected by the schema (tests/schema.test.ts),
// so they are dropped here; one-line fields get spaces for line breaks and tabs.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const textArb = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((parts) =>
    parts
      .join('')
      .replace(CONTROLS, '')
      .replace(/[\t\n]/g, ' ')
      .trim(),
  )
  .filter((s) => s.length <= 150 && textSchema.safeParse(s).success);
const paragraphArb = fc
  .array(piece, { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').replace(CONTROLS, '').trim())
  .filter((s) => s.length <= 150 && paragraph.safeParse(s).success);
const excerptArb = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => `${parts.join('').replace(CONTROLS, '')} with enough words`)
  .filter((s) => s.length <= 400 && EXCERPT_CHARS_PATTERN.test(s));

const dateArb = fc
  .record({
    y: fc.integer({ min: 1000, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    precision: fc.constantFrom('year', 'month', 'day'),
    q: fc.constantFrom('', '', '~', '?', '%'),
  })
  .map(({ y, m, d, precision, q }) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())).padStart(2, '0');
    return `${precision === 'year' ? y : precision === 'month' ? `${y}-${mm}` : `${y}-${mm}-${dd}`}${q}`;
  })
  .filter((s) => DATE_PATTERN.test(s));

const UNITS = ['USD', 'EUR', 'AZN', 'TRY', 'RUB', 'GBP', 'IRR', ...PHYSICAL_UNITS];
const URLS = [
  'https://example.org/a?b=1&c=2',
  'http://example.com/path%7Cpipe,comma',
  'https://example.org/T%C3%BCrkiye/Nax%C3%A7%C4%B1van',
  'https://example.org/=cmd',
  "https://example.org/it's",
];
const LANGUAGES = ['en', 'az', 'ru', 'tr', 'en-GB', 'az-Latn', 'az-Cyrl-AZ', 'es-419'];

const OMIT = Symbol('omit');

interface Pools {
  ids: Record<CollectionName, string[]>;
  actorKinds: Map<string, string>;
}
interface Ctx {
  collection: CollectionName;
  selfId: string;
  pools: Pools;
}

/** An arbitrary of schema-valid values, derived from the Zod definition. */
function arbitraryOf(schema: AnySchema, ctx: Ctx, path: string): fc.Arbitrary<unknown> {
  const kind = kindOf(schema);
  switch (kind) {
    case 'optional':
      return fc.option(arbitraryOf(unwrapOptional(schema).schema, ctx, path), { nil: OMIT, freq: 3 });
    case 'object': {
      const entries = Object.entries(objectShape(schema) ?? {}).map(
        ([key, child]) => [key, arbitraryOf(child, ctx, `${path}.${key}`)] as const,
      );
      return fc
        .tuple(...entries.map(([, a]) => a))
        .map((values) => Object.fromEntries(entries.map(([key], i) => [key, values[i]] as const).filter(([, v]) => v !== OMIT)));
    }
    case 'union': {
      if (discriminatorOf(schema) !== undefined) return fc.oneof(...(unionOptions(schema) ?? []).map((o) => arbitraryOf(o, ctx, path)));
      if (path.endsWith('.unit')) return fc.constantFrom(...UNITS);
      throw new Error(`no arbitrary for the union at ${path}: teach tests/properties.test.ts about it`);
    }
    case 'array': {
      const element = arrayElement(schema) as AnySchema;
      const items = arbitraryOf(element, ctx, `${path}[]`);
      // A list of references names each record once (rule duplicate-references).
      return (
        refRegistry.get(element) ? fc.uniqueArray(items, { minLength: 1, maxLength: 3 }) : fc.array(items, { minLength: 1, maxLength: 3 })
      ).map((list) => (list.includes(OMIT) ? OMIT : list));
    }
    case 'enum':
      return fc.constantFrom(...(enumValues(schema) ?? []));
    case 'literal':
      return fc.constantFrom(...(literalValues(schema) ?? []));
    case 'boolean':
      return fc.boolean();
    case 'number': {
      const bounds = numberBounds(schema);
      const min = bounds.min ?? -1e9;
      const max = bounds.max ?? 1e9;
      return fc
        .oneof(
          fc.integer({ min: Math.ceil(min) + (bounds.minInclusive ? 0 : 1), max: Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER) }),
          fc.double({
            min,
            max,
            minExcluded: !bounds.minInclusive,
            maxExcluded: !bounds.maxInclusive,
            noNaN: true,
            noDefaultInfinity: true,
          }),
          fc.constantFrom(608000000, 0.1, 1e-7, 123456789.125),
        )
        .filter((n) => (bounds.minInclusive ? n >= min : n > min) && n <= max)
        .map((n) => n + 0); // -0 → 0: JSON has no negative zero
    }
    case 'string': {
      const ref = refRegistry.get(schema);
      if (ref) {
        const target = ref.collection as CollectionName;
        const candidates = ctx.pools.ids[target].filter(
          (id) =>
            !(target === ctx.collection && id === ctx.selfId) &&
            (!ref.actorKinds || ref.actorKinds.includes(ctx.pools.actorKinds.get(id)!)),
        );
        return candidates.length ? fc.constantFrom(...candidates) : fc.constant(OMIT);
      }
      const pattern = patternOf(schema);
      if (pattern === ID_PATTERN.source) return fc.constant(ctx.selfId);
      if (pattern === DATE_PATTERN.source) return dateArb;
      if (pattern === TEXT_PATTERN) return textArb;
      if (pattern === PARAGRAPH_PATTERN) return paragraphArb;
      if (pattern === URL_PATTERN.source) return fc.constantFrom(...URLS);
      if (pattern === LANGUAGE_PATTERN) return fc.constantFrom(...LANGUAGES);
      if (pattern === '^[0-9a-f]{64}(?![\\s\\S])') return fc.stringMatching(/^[0-9a-f]{64}$/);
      if (stringFormat(schema) === 'url') return fc.constantFrom(...URLS);
      if (path.endsWith('.excerpt')) return excerptArb;
      // Which fields a citation backs: set by satisfyChecks once the record's fields are known.
      if (pattern === EVIDENCE_PATH_PATTERN.source) return fc.constant('id');
      throw new Error(`no arbitrary for the string at ${path} (pattern ${pattern}): teach tests/properties.test.ts about it`);
    }
    default:
      throw new Error(`no arbitrary for schema type "${kind}" at ${path}: teach tests/properties.test.ts about it`);
  }
}

function recordArbitrary(collection: CollectionName, id: string, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  let schema = collections[collection].schema as AnySchema;
  if (collection === 'actors') {
    // The variant of the kind this actor was given, so references by kind can be planned.
    const kind = pools.actorKinds.get(id);
    schema = variantFor(schema, kind) ?? schema;
  }
  return arbitraryOf(schema, { collection, selfId: id, pools }, collection) as fc.Arbitrary<Record<string, unknown>>;
}

/** The cross-record rules JSON Schema cannot state, satisfied after generation. */
function satisfyChecks(collection: CollectionName, record: Record<string, unknown>, pools: Pools): Record<string, unknown> {
  // Actors are told apart by name and ISO code, sources by their text's hash (unique-actors, unique-source-texts).
  if (collection === 'actors') {
    record.name = `${record.name as string} ${record.id as string}`;
    if (record.country_code !== undefined) record.country_code = COUNTRY_CODES[pools.ids.actors.indexOf(record.id as string)];
  }
  if (collection === 'sources')
    record.text_sha256 = createHash('sha256')
      .update(record.id as string)
      .digest('hex');
  // part_of only to corridors whose id sorts earlier: never a cycle (part-of-cycles).
  if (collection === 'corridors' && Array.isArray(record.part_of)) {
    const earlier = (record.part_of as string[]).filter((id) => id < (record.id as string));
    if (earlier.length) record.part_of = earlier;
    else delete record.part_of;
  }
  if (collection === 'trade-figures') {
    const period = record.period as { start?: string; end?: string } | undefined;
    if (period && !Object.keys(period).length) delete record.period;
    if (period?.start && period.end && dateBounds(period.end).latest < dateBounds(period.start).earliest)
      [period.start, period.end] = [period.end, period.start];
  }
  if (collection === 'events') {
    const event = record as { date?: string; end_date?: string };
    if (event.end_date && !event.date) delete event.end_date;
    else if (event.date && event.end_date && dateBounds(event.end_date).latest < dateBounds(event.date).earliest)
      [event.date, event.end_date] = [event.end_date, event.date];
  }
  if (collection === 'sources' && Array.isArray(record.pieces))
    (record.pieces as { id: string }[]).forEach((p, i) => {
      p.id = `piece-${i + 1}`;
    });
  if (collection === 'corridors' && Array.isArray(record.status_history)) {
    // Dated entries in order (undated ones keep their places); status is where the history ends.
    const history = record.status_history as { date?: string; as_stated?: string; status: string }[];
    for (const e of history) if (e.date === undefined && e.as_stated === undefined) e.as_stated = 'at some point';
    const dated = history
      .filter((e) => e.date !== undefined)
      .sort((a, b) =>
        dateBounds(a.date!).earliest < dateBounds(b.date!).earliest
          ? -1
          : dateBounds(a.date!).earliest > dateBounds(b.date!).earliest
            ? 1
            : 0,
      );
    const ordered = history.map((e) => (e.date === undefined ? e : dated.shift()!));
    record.status_history = ordered;
    record.status = ordered.at(-1)!.status;
  }
  if (collection === 'quotes') {
    if (!record.speaker && !record.from_document) {
      // Keep schema key order: speaker comes right after text.
      const { id, text, ...rest } = record;
      record = { id, text, speaker: pools.ids.actors[0], ...rest };
    }
    // A direct quotation: the words in quotation marks in the excerpt (quote-form).
    record.form = 'direct';
    (record.sources as { excerpt: string }[])[0]!.excerpt = `“${record.text as string}” was said.`;
  }
  // Every citation backs every field (field-evidence); which excerpt states what is not this test's
  // concern, so numbers and years are declared derived (evidence-values) and no piece is named.
  if (Array.isArray(record.sources)) {
    const tree = evidenceTree(collections[collection].schema, record);
    const numbers = factLeaves(tree).some((leaf) => typeof leaf.value === 'number' || leaf.isDate);
    for (const citation of record.sources as { supports: string[]; note?: string; piece?: string }[]) {
      citation.supports = Object.keys(record).filter((k) => k !== 'id' && k !== 'sources');
      delete citation.piece;
      if (numbers) citation.note ??= 'The values are derived.';
    }
  }
  return record;
}

const idArb = fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));
const ids = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });

type Dataset = Record<CollectionName, Record<string, unknown>[]>;
const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    sources: ids(1, 3),
    actors: ids(2, 5),
    corridors: ids(1, 3),
    agreements: ids(1, 3),
    events: ids(1, 3),
    'trade-figures': ids(1, 3),
    quotes: ids(1, 3),
    kinds: fc.array(fc.constantFrom('country', 'person', 'organization'), { minLength: 5, maxLength: 5 }),
  })
  .chain(({ kinds, ...idLists }) => {
    // At least one country and one organization, so every kind-restricted reference has a target.
    const actorKinds = new Map(idLists.actors.map((id, i) => [id, i === 0 ? 'country' : i === 1 ? 'organization' : kinds[i]!]));
    const pools: Pools = { ids: idLists, actorKinds };
    const perCollection = COLLECTION_NAMES.map((c) =>
      fc.tuple(...idLists[c].map((id) => recordArbitrary(c, id, pools))).map((records) => records.map((r) => satisfyChecks(c, r, pools))),
    );
    return fc.tuple(...perCollection).map((lists) => Object.fromEntries(COLLECTION_NAMES.map((c, i) => [c, lists[i]!])) as Dataset);
  });

/**
 * How the generated records are written. lineWidth 0: yaml@2.9's line folding can cut a
 * double-quoted string between the two halves of a surrogate pair (an emoji past column 80),
 * which UTF-8 then turns into two U+FFFD: the file itself would already be corrupt.
 */
const toYaml = (record: unknown) => YAML.stringify(record, { lineWidth: 0 });

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0;
const readCsv = (path: string) => parseCsv(readFileSync(path), { bom: true }) as string[][];
const describeProblems = (problems: readonly Problem[]) =>
  problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}: ${p.message}`).join('\n');

describe('(b) schema-generated records round-trip unchanged', () => {
  it('the generator covers every field of every collection', () => {
    // Sampling must produce each field at least once, or a schema change escaped the generator.
    const seen = new Map<CollectionName, Set<string>>(COLLECTION_NAMES.map((c) => [c, new Set()]));
    for (const dataset of fc.sample(datasetArb, { numRuns: 60, seed: 6 }))
      for (const c of COLLECTION_NAMES)
        for (const record of dataset[c])
          for (const column of columnsOf(c))
            if (encodeRow(publishedRecord(c, record as AnyRecord), [column])[0] !== '') seen.get(c)!.add(column.name);
    for (const c of COLLECTION_NAMES)
      expect([...seen.get(c)!].sort(), c).toEqual(
        columnsOf(c)
          .map((col) => col.name)
          .sort(),
      );
  });

  it('YAML → parseRecord → CSV row → decodeRow gives back the record', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        for (const c of COLLECTION_NAMES) {
          const columns = columnsOf(c);
          for (const record of dataset[c]) {
            const outcome = parseRecord(fileFor(c, record.id as string), encode(toYaml(record)));
            expect(outcome.problems, describeProblems(outcome.problems)).toEqual([]);
            expect(outcome.record!.data).toEqual(record);
            const csv = toCsv(
              columns.map((col) => col.name),
              [encodeRow(outcome.record!.data, columns)],
            );
            const [header, row] = parseCsv(csv, { bom: true }) as string[][];
            expect(header).toEqual(columns.map((col) => col.name));
            expect(decodeRow(row!, columns)).toEqual(record);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('YAML files → validate → build → JSON → CSV → parse back: every record, unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, async (dataset) => {
        const dir = freshDir('roundtrip');
        for (const c of COLLECTION_NAMES) {
          mkdirSync(join(dir, 'data', c), { recursive: true });
          for (const record of dataset[c]) writeFileSync(join(dir, 'data', c, `${record.id as string}.yaml`), toYaml(record));
        }
        const result = await buildDataDir(join(dir, 'data'), join(dir, 'out'), {
          pkg: { name: 'caucasus-corridors', version: '0.0.0-test' },
        });
        expect(result.problems, describeProblems(result.problems)).toEqual([]);

        let citations = 0;
        for (const c of COLLECTION_NAMES) {
          const expected = [...dataset[c]].sort(byId).map((r) => publishedRecord(c, r as AnyRecord) as Record<string, unknown>);
          const json = JSON.parse(readFileSync(join(dir, 'out', 'json', `${c}.json`), 'utf8')) as { count: number; records: unknown[] };
          expect(json.count).toBe(expected.length);
          expect(json.records).toEqual(expected);

          const columns = columnsOf(c);
          const [header, ...rows] = readCsv(join(dir, 'out', 'csv', `${c}.csv`));
          expect(header).toEqual(columns.map((col) => col.name));
          expect(rows.map((row) => decodeRow(row, columns))).toEqual(json.records);
          citations += expected.reduce((n, r) => n + ((r.sources as unknown[] | undefined) ?? []).length, 0);
        }
        // The long citation table holds every citation field too (excerpts verbatim): each row decodes back to its citation.
        const [, ...citationRows] = readCsv(join(dir, 'out', CITATIONS_CSV));
        expect(citationRows).toHaveLength(citations);
        for (const [collection, id, position, ...cells] of citationRows) {
          const record = dataset[collection as CollectionName].find((r) => r.id === id)!;
          expect(decodeRow(cells, citationFieldColumns())).toEqual((record.sources as unknown[])[Number(position) - 1]);
        }
      }),
      { numRuns: 25 },
    );
  });
});
