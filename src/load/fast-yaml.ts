/**
 * The fast path of the loader: js-yaml 5 (YAML 1.2 core schema), several times faster
 * than the position-tracking `yaml` parser, used only to accept files. It returns the
 * record's value when the file is plainly acceptable, and `undefined` whenever anything
 * is unusual (a syntax error, a tag, an anchor or alias, nesting beyond the limit, a
 * duplicate, reserved or non-text key, a lone surrogate, one of the refused number
 * forms, several documents, a root that is not a mapping): the caller then parses the
 * file with the strict parser (./yaml-file.ts), which finds and locates every problem.
 * So the fast path can only be stricter than the strict one, never looser; a property
 * test (tests/loader-agreement.test.ts) checks that both read the same values.
 */
import {
  CORE_SCHEMA,
  EVENT_ID,
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  floatCoreTag,
  intCoreTag,
  parseEvents,
  strTag,
  type Event,
} from 'js-yaml';
import { numberFormMessage } from './number-forms.js';
import { MAX_NESTING, RESERVED_KEYS } from './yaml-limits.js';

/** Thrown inside js-yaml's construction to abandon the fast path. */
class Refused extends Error {}
const refuse = (): never => {
  throw new Refused();
};

const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

const guardedNumber = <T>(tag: typeof intCoreTag | typeof floatCoreTag) =>
  defineScalarTag<T>(tag.tagName, {
    implicit: true,
    implicitFirstChars: tag.implicitFirstChars,
    resolve(source, isExplicit, tagName) {
      if (numberFormMessage(source)) refuse();
      return tag.resolve(source, isExplicit, tagName) as T;
    },
    identify: tag.identify,
  });

const SCHEMA = CORE_SCHEMA.withTags(
  guardedNumber<number>(intCoreTag),
  guardedNumber<number>(floatCoreTag),
  defineScalarTag<string>(strTag.tagName, {
    resolve: (source) => (isWellFormed(source) ? source : refuse()),
    identify: strTag.identify,
  }),
  defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
    create: () => ({}),
    addPair(carrier, key, value) {
      // Keys must be text as written (not null, numbers or booleans), never reserved.
      if (typeof key !== 'string' || RESERVED_KEYS.has(key)) refuse();
      carrier[key as string] = value;
      return '';
    },
    has: (carrier, key) => typeof key === 'string' && Object.hasOwn(carrier, key),
    keys: (carrier) => Object.keys(carrier),
    get: (carrier, key) => carrier[String(key)],
    identify: () => false,
  }),
);

/** The strict parser refuses implicit keys longer than this (YAML 1.2 allows 1024 characters). */
const MAX_KEY_LENGTH = 1000;

/**
 * One document, no directives, a mapping at the root, no tags, anchors or aliases, depth
 * within bounds, no key near YAML's 1024-character limit on implicit keys.
 */
function plainShape(events: readonly Event[]): boolean {
  let documents = 0;
  let first = true;
  // Per open collection: entries seen so far, or -1 for a sequence (its items are no keys).
  const open: number[] = [];
  const isKey = () => open.length > 0 && open[open.length - 1]! >= 0 && open[open.length - 1]!++ % 2 === 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return false;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (first && event.type !== EVENT_ID.MAPPING) return false;
        if (event.tagStart !== -1 || event.anchorStart !== -1 || isKey() || open.length >= MAX_NESTING) return false;
        open.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
        first = false;
        break;
      case EVENT_ID.SCALAR:
        if (first || event.tagStart !== -1 || event.anchorStart !== -1) return false;
        if (isKey() && event.valueEnd - event.valueStart > MAX_KEY_LENGTH) return false;
        break;
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.POP:
        open.pop();
        break;
    }
  }
  return documents === 1 && !first;
}

/** A carriage return that does not start a CRLF: the strict parser does not take it as a line break. */
const LONE_CR = /\r(?!\n)/;

/** The file's value when the fast path accepts it, else undefined (parse it strictly). */
export function fastParseYaml(text: string): Record<string, unknown> | undefined {
  if (text.includes('\r') && LONE_CR.test(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: MAX_NESTING + 1 });
    if (!plainShape(events)) return undefined;
    const [value] = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // A js-yaml error or a refusal: the strict parser will say what is wrong, and where.
    return undefined;
  }
}
