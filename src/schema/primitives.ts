/**
 * Shared building blocks of every collection schema.
 *
 * Everything here is expressible in JSON Schema (patterns, enums, bounds), so the
 * generated `dist/schema/*.schema.json` accepts exactly what Zod accepts. Rules that
 * JSON Schema cannot state (period order, reference resolution, currency codes …)
 * live in `src/checks/` instead.
 */
import * as z from 'zod';
import { COUNTRY_CODES } from './country-codes.js';
import { EXEMPT, evidenceRegistry, exempt } from './evidence-meta.js';
import { excerptMinimumMessage } from './excerpt.js';
import type { CollectionName } from './index.js';
import { quoted } from '../util/visible.js';

/**
 * End of text in every pattern. Not `$`, which in Python's `re` (used by Python JSON Schema
 * validators) also matches before a final line break; and digits are [0-9], not \d, which
 * there also matches other scripts' digits.
 */
const END = '(?![\\s\\S])';

/** An id without anchors, to embed in other patterns. */
export const ID_BODY = '[a-z0-9]+(-[a-z0-9]+)*';
export const ID_PATTERN = new RegExp(`^${ID_BODY}${END}`);
/** Device names Windows reserves in every folder, whatever the extension: `con.yaml` cannot be checked out there. */
export const RESERVED_ID_PATTERN = /^(?!(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?![\s\S]))/;
export const isReservedId = (value: string): boolean => !RESERVED_ID_PATTERN.test(value);

/** Kebab-case ASCII id (of this record or, in a reference, of another). */
const idString = z
  .string()
  .regex(ID_PATTERN, {
    error: (issue) =>
      `must be kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"; got ${quoted(String(issue.input))}`,
  })
  .regex(RESERVED_ID_PATTERN, {
    error: (issue) =>
      `${quoted(String(issue.input))} is a device name Windows reserves (con, prn, aux, nul, com0–9, lpt0–9): no file can be named ${String(issue.input)}.yaml there; choose a longer id, e.g. "${String(issue.input)}-1"`,
  });

/**
 * Record identifier: kebab-case ASCII, equal to the file's base name. Exempt from evidence
 * (registry metadata passes to `.meta()` copies, so references derive from `idString`).
 */
export const id = exempt(
  idString.meta({
    description: 'Kebab-case ASCII identifier, equal to the file base name; not a Windows device name (con, nul, com1, …).',
  }),
  EXEMPT.id,
);

export interface RefTarget {
  collection: CollectionName;
  /** For references to actors: the actor kinds allowed (e.g. only countries). */
  actorKinds?: readonly string[];
}

/**
 * Reference fields are registered here so that reference checks, CSV link tables and
 * Data Package foreign keys are all derived from the schemas instead of listed by hand.
 * (A private registry: its metadata stays out of the generated JSON Schema.)
 */
export const refRegistry = z.registry<RefTarget>();

/** A reference to a record of another (or the same) collection, by id. */
export function ref(collection: CollectionName, actorKinds?: readonly string[]): typeof id {
  const kinds = actorKinds ? ` (${actorKinds.join(' or ')})` : '';
  const schema = idString.meta({ description: `Id of a record in the "${collection}" collection${kinds}.` });
  refRegistry.add(schema, actorKinds ? { collection, actorKinds } : { collection });
  return schema;
}

export const refList = (collection: CollectionName, actorKinds?: readonly string[]) => z.array(ref(collection, actorKinds)).min(1);

// --- Text --------------------------------------------------------------------
// The character rules are written with explicit code-point ranges (no \p{…}) so that the
// emitted JSON Schema compiles in every validator, Python's `jsonschema` included.
/** Whitespace as JavaScript's \s knows it. */
const WHITESPACE = '\\t\\n\\x0b\\x0c\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
/** Characters that draw nothing: with whitespace, a text made only of these is blank. */
const INVISIBLE =
  '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2060-\\u206f\\u2800\\u3164\\ufe00-\\ufe0f\\uffa0';
/** C0 and C1 controls, DEL, and the bidi embedding/override/isolate controls. */
const BIDI = '\\u202a-\\u202e\\u2066-\\u2069';
const CONTROLS_SINGLE_LINE = `\\x00-\\x1f\\x7f-\\x9f${BIDI}`;
/** The same, except TAB and LF, for fields that may hold several lines. */
const CONTROLS_MULTILINE = `\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f${BIDI}`;

const textPattern = (controls: string) =>
  new RegExp(`^(?=[\\s\\S]*?[^${WHITESPACE}${INVISIBLE}])[^${controls}${WHITESPACE}](?:[^${controls}]*[^${controls}${WHITESPACE}])?${END}`);
export const TEXT_PATTERN = textPattern(CONTROLS_SINGLE_LINE);
export const PARAGRAPH_PATTERN = textPattern(CONTROLS_MULTILINE);
/**
 * Excerpts are verbatim (whitespace may be anything), but carry no controls and are not blank;
 * the empty excerpt is left to the length rule, so it gets one message, not two.
 */
export const EXCERPT_CHARS_PATTERN = new RegExp(`^(?:(?=[\\s\\S]*?[^${WHITESPACE}${INVISIBLE}])[^${CONTROLS_MULTILINE}]+)?${END}`);

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Says which rule a text breaks, naming the offending character and its position. */
function describeBadText(input: unknown, multiline: boolean, edges = true): string {
  if (typeof input !== 'string') return 'expected text';
  const controls = new RegExp(`[${multiline ? CONTROLS_MULTILINE : CONTROLS_SINGLE_LINE}]`).exec(input);
  if (controls) {
    const c = controls[0];
    const bidi = new RegExp(`[${BIDI}]`).test(c);
    const what = bidi
      ? 'a bidirectional control character, which reorders how text is displayed'
      : c === '\n' || c === '\t'
        ? `a ${c === '\n' ? 'line break' : 'tab'}; this field holds a single line`
        : 'a control character';
    return `contains ${what} (${codePoint(c)} at character ${[...input.slice(0, controls.index)].length + 1}): remove it${bidi ? '' : ' or replace it with a space'}`;
  }
  if (!new RegExp(`[^${WHITESPACE}${INVISIBLE}]`).test(input))
    return input === ''
      ? 'must not be empty'
      : 'is blank: it holds only spaces or invisible characters (such as U+200B or U+3164); write the text or remove the field';
  if (edges) return 'must be text without leading or trailing whitespace: remove the spaces around it';
  return 'is not valid text';
}

/** Non-empty text on one line, without leading or trailing whitespace or invisible-only content. */
export const text = z.string().regex(TEXT_PATTERN, { error: (issue) => describeBadText(issue.input, false) });

/** Like `text`, but may hold several lines (TAB and LF allowed): notes and descriptions. */
export const paragraph = z.string().regex(PARAGRAPH_PATTERN, { error: (issue) => describeBadText(issue.input, true) });

/**
 * An object that needs one of `keys` present (or exactly one, with `exactlyOne`): checked by Zod
 * and stated to JSON Schema (anyOf / oneOf of required keys) from this one declaration.
 */
export function requireKeys<T extends z.ZodObject>(
  schema: T,
  keys: readonly [string, string, ...string[]],
  options: { exactlyOne?: boolean; error: string },
) {
  const present = (value: Record<string, unknown>) => keys.filter((key) => value[key] !== undefined).length;
  return schema
    .refine((value) => (options.exactlyOne ? present(value) === 1 : present(value) > 0), { error: options.error })
    .meta({ [options.exactlyOne ? 'oneOf' : 'anyOf']: keys.map((key) => ({ properties: { [key]: {} }, required: [key] })) });
}

export const textList = z.array(text).min(1);

/** The character rules of an excerpt (its length and content rules are in `citation`). */
const VISIBLE = new RegExp(`[^${WHITESPACE}${INVISIBLE}]`);
export const excerptChars = (schema: z.ZodString, blankMessage?: (input: string) => string) =>
  schema.regex(EXCERPT_CHARS_PATTERN, {
    error: (issue) =>
      blankMessage && typeof issue.input === 'string' && issue.input !== '' && !VISIBLE.test(issue.input)
        ? blankMessage(issue.input)
        : describeBadText(issue.input, true, false),
  });

/** An http(s) URL, spelled with the characters RFC 3986 allows: one pattern, so JSON Schema and Zod agree. */
export const URL_PATTERN =
  /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?(?:[/?#](?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*)?(?![\s\S])/;
export const httpUrl = z.string().regex(URL_PATTERN, {
  error: (issue) =>
    `${quoted(String(issue.input))} is not an http(s) URL: write it as https://host/path, with spaces and other special characters percent-encoded`,
});

// --- Dates -------------------------------------------------------------------
// ISO 8601 with reduced precision (YYYY, YYYY-MM, YYYY-MM-DD) and the EDTF level-1
// qualifiers ~ (approximate), ? (uncertain) and % (both). The pattern admits only
// real calendar dates (leap years included) between 1000 and 2100, so JSON Schema
// validators reject 2023-02-30 exactly as Zod does.
const YEAR = '(?:1[0-9]{3}|20[0-9]{2}|2100)';
const LEAP_YEAR = '(?:(?:1[0-9]|20)(?:0[48]|[2468][048]|[13579][26])|(?:1[26]|20)00)';
const MONTH = '(?:0[1-9]|1[0-2])';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
export const DATE_PATTERN = new RegExp(`^(?:${YEAR}(?:-${MONTH})?|${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)[~?%]?${END}`);
export const DATE_MIN_YEAR = 1000;
export const DATE_MAX_YEAR = 2100;

function describeBadDate(input: unknown): string {
  const hint = 'use YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate) or ? (uncertain)';
  if (typeof input !== 'string') return `expected a date as quoted text (${hint})`;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$/.exec(input);
  if (!m) return `${quoted(input)} is not an ISO 8601 / EDTF date: ${hint}`;
  const year = Number(m[1]);
  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) return `"${input}" is outside the accepted years ${DATE_MIN_YEAR}–${DATE_MAX_YEAR}`;
  return `"${input}" is not a real calendar date`;
}

export const date = z
  .string()
  .regex(DATE_PATTERN, { error: (issue) => describeBadDate(issue.input) })
  .meta({
    description:
      'ISO 8601 date with reduced precision (YYYY, YYYY-MM, YYYY-MM-DD), optionally with an EDTF level-1 qualifier: ~ approximate, ? uncertain, % both.',
    examples: ['2023', '2023-10', '2023-09-25', '2023?'],
  });
evidenceRegistry.add(date, { date: true });

// --- Codes -------------------------------------------------------------------
/** ISO 3166-1 alpha-2 codes, generated from the maintained `i18n-iso-countries` list. */
export { COUNTRY_CODES };
export const countryCode = z.enum(COUNTRY_CODES).meta({ description: 'ISO 3166-1 alpha-2 country code.' });

/** BCP 47 language tag (language[-Script][-REGION]). */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?(?![\s\S])/, {
    error: 'must be a BCP 47 language tag such as "en", "az", "ru" or "en-GB"',
  })
  .meta({ description: 'BCP 47 language tag.' });

/** A positive, finite quantity with a unit. */
export const LENGTH_UNITS = ['km', 'm', 'mi'] as const;
export const measure = z
  .strictObject({
    value: z.number().positive().max(1e9).meta({ description: 'The number as the source gives it, in `unit` (positive).' }),
    unit: z
      .enum(LENGTH_UNITS)
      .meta({ description: 'Unit of the value: km (kilometres), m (metres) or mi (miles), as the source states it.' }),
    approximate: z.boolean().optional().meta({ description: 'true when the source gives the value as approximate ("about", "some").' }),
  })
  .meta({ title: 'Length', description: 'A length: positive number with a unit.' });

// --- Evidence ----------------------------------------------------------------
export const EXCERPT_MAX = 400;

/**
 * An evidence path: which field of a record a citation supports. `segment(.segment)*`,
 * a segment being a field name optionally followed by `[id]` (an element of a list of
 * references, by the referenced id) or `[n]` (an element of any other list, 0-based).
 */
const PATH_SEGMENT = '[a-z][a-z0-9_]*(?:\\[[a-z0-9]+(?:-[a-z0-9]+)*\\])?';
export const EVIDENCE_PATH_PATTERN = new RegExp(`^${PATH_SEGMENT}(?:\\.${PATH_SEGMENT})*${END}`);
export const evidencePath = z
  .string()
  .regex(EVIDENCE_PATH_PATTERN, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a field path: write field names joined by dots, with [id] for an element of a list of references or [n] for an element of another list, e.g. "endpoints.via", "countries[azerbaijan]", "status_history[1]"`,
  })
  .meta({
    description:
      'Field path of the record: names joined by dots, [id] for an element of a list of references, [n] (0-based) for an element of another list; e.g. "endpoints.via", "countries[azerbaijan]", "status_history[1].date".',
  });

export const CERTAINTIES = ['stated', 'reported'] as const;

/** One piece of evidence: a verbatim span of a source document and the fields it backs. */
export const citation = z
  .strictObject({
    source: ref('sources'),
    piece: idString
      .meta({ description: "Id of the piece of a compilation source the excerpt comes from (one of the source's `pieces[].id`)." })
      .optional(),
    excerpt: excerptChars(z.string(), excerptMinimumMessage)
      .min(1, { error: 'must not be empty: copy the supporting sentence verbatim from the source' })
      .max(EXCERPT_MAX, { error: `must be at most ${EXCERPT_MAX} characters: quote only the words that support the record` })
      .meta({
        description: `Verbatim span of the source text (≤ ${EXCERPT_MAX} characters; at least 2 words and 10 characters, or a whole line of the source such as a byline).`,
      }),
    supports: z
      .array(evidencePath)
      .min(1, { error: 'must name at least one field this excerpt backs, e.g. supports: [status, countries[azerbaijan]]' })
      .meta({ description: 'Fields of the record this excerpt backs. Naming a field or a whole list covers everything under it.' }),
    certainty: z.enum(CERTAINTIES).optional().meta({
      description:
        'stated (default, omitted): the source asserts the fact; reported: it reports it hedged or second-hand ("apparently", "according to", "reportedly").',
    }),
    note: text
      .optional()
      .meta({ description: 'How the excerpt supports the fields, or how a value was derived from it (a conversion, a sum).' }),
  })
  .meta({ title: 'Citation', description: 'A citation: source id, a verbatim excerpt, and the fields it supports.' });

export type Citation = z.infer<typeof citation>;

export const citations = exempt(
  z
    .array(citation)
    .min(1, { error: 'needs at least one citation: { source: <source id>, excerpt: <verbatim text>, supports: [<field>, …] }' })
    .meta({ description: 'Evidence for the record: at least one citation.' }),
  EXEMPT.citations,
);

export const note = exempt(paragraph.meta({ description: 'Free-text curator note (ambiguities, derivations).' }), EXEMPT.editorial);

/** Curators' wording, not a fact from a source: exempt from evidence. */
export const editorial = (description: string) => exempt(paragraph.meta({ description }), EXEMPT.editorial);

/** A closed vocabulary whose description lists its values from the enum itself, never retyped in prose. */
export const vocabulary = <const Values extends readonly [string, ...string[]]>(values: Values, what: string) =>
  z.enum(values).meta({ description: `${what}: ${values.join(', ')}.` });

/** A name or title that identifies the record rather than stating a fact about it: exempt from evidence. */
export const identifying = <T extends z.core.$ZodType>(schema: T) => exempt(schema, EXEMPT.identifies);

export { EXEMPT, evidenceRegistry, exempt } from './evidence-meta.js';
