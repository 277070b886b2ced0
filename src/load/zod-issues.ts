/** Turns Zod issues into contributor-facing messages ("what is wrong, where, how to fix"). */
import type * as z from 'zod';
import { formatPath } from '../model/paths.js';
import { type AnySchema, hasOwnMessage, objectShape, schemaAt } from '../schema/introspect.js';
import { suggestion } from '../suggest.js';
import { quoted, visible } from '../util/visible.js';

export interface IssueMessage {
  path: (string | number)[];
  at: 'key' | 'value';
  message: string;
}

const describe = (value: unknown): string => {
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${visible(JSON.stringify(value))}`;
  return `${typeof value} ${String(value)}`;
};

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, seg) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined), root);

/** What the messages need to know about the schema, beyond the issue itself. */
export interface SchemaFacts {
  /** The keys an object at `path` may have (for "did you mean"). */
  allowedKeysAt(path: readonly PropertyKey[]): string[];
  /** True when the schema gave this issue its own message. */
  hasOwnMessage(issue: z.core.$ZodIssue): boolean;
}

/** Messages for the repository's tooling, reading the schema through the introspection adapter. */
export const issueMessages = (issue: z.core.$ZodIssue, schema: AnySchema, root: unknown): IssueMessage[] =>
  issueMessagesWith(issue, root, {
    allowedKeysAt: (path) => {
      const at = schemaAt(schema, path, root);
      return Object.keys((at && objectShape(at)) ?? {});
    },
    hasOwnMessage: (i) => {
      const at = schemaAt(schema, i.path, root);
      return at !== undefined && hasOwnMessage(at, i);
    },
  });

/** `issueMessages` with the schema facts given by the caller (the published schema entry finds them through Zod's public API). */
export function issueMessagesWith(issue: z.core.$ZodIssue, root: unknown, facts: SchemaFacts): IssueMessage[] {
  const path = issue.path as (string | number)[];
  const where = formatPath(path);
  const prefix = where ? `${where}: ` : '';
  const input = valueAt(root, path);
  const parent = valueAt(root, path.slice(0, -1));
  const isMissing =
    issue.code !== 'unrecognized_keys' &&
    path.length > 0 &&
    input === undefined &&
    parent !== null &&
    typeof parent === 'object' &&
    !Array.isArray(parent) &&
    !Object.hasOwn(parent, path[path.length - 1]!);
  if (isMissing) {
    const options =
      issue.code === 'invalid_value' ? issue.values.map(String) : ((issue as { options?: unknown[] }).options ?? []).map(String);
    const choices = options.length > 0 && options.length <= 12 ? ` (one of ${options.map((o) => `"${o}"`).join(', ')})` : '';
    const hint = path[path.length - 1] === 'sources' ? ': add at least one citation { source, excerpt }' : '';
    return [{ path, at: 'key', message: `missing required field "${where}"${choices}${hint}` }];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = facts.allowedKeysAt(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key',
        message: `unknown key ${quoted(formatPath([...path, key]))}${suggestion(key, allowed)}${
          allowed.length && !suggestion(key, allowed) ? ` (allowed here: ${allowed.join(', ')})` : ''
        }`,
      }));
    }
    case 'invalid_type': {
      if (issue.expected === 'number' && typeof input === 'number')
        return [{ path, at: 'value', message: `${prefix}must be a finite number, got ${yamlNumber(input)}` }];
      let hint = '';
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
        hint = `: YAML read this as a ${typeof input}; put the value in quotes to keep it as text`;
      if (issue.expected === 'boolean' && typeof input === 'string') hint = ': write true or false (not yes/no/on/off)';
      if (issue.expected === 'number' && typeof input === 'string')
        hint = ': write a plain number without quotes, units or separators (e.g. 608000000)';
      return [{ path, at: 'value', message: `${prefix}expected ${issue.expected}, got ${describe(input)}${hint}` }];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const got = typeof input === 'string' ? quoted(input) : describe(input);
      const list = values.length <= 12 ? `: expected one of ${values.map((v) => `"${v}"`).join(', ')}` : '';
      const hint = typeof input === 'string' ? suggestion(input, values) : '';
      return [{ path, at: 'value', message: `${prefix}${got} is not an allowed value${list}${hint}` }];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const options = ((issue as unknown as { options?: unknown[] }).options ?? []).map(String);
        const hint = typeof input === 'string' ? suggestion(input, options) : '';
        const got = input === undefined ? 'missing' : typeof input === 'string' ? quoted(input) : describe(input);
        return [
          {
            path,
            at: input === undefined ? 'key' : 'value',
            message: `${prefix}${got}: expected one of ${options.map((o) => `"${o}"`).join(', ')}${hint}`,
          },
        ];
      }
      return [{ path, at: 'value', message: `${prefix}${issue.message}` }];
    }
    case 'too_small':
    case 'too_big': {
      const isCustom = facts.hasOwnMessage(issue);
      const length = issue.code === 'too_big' && typeof input === 'string' ? ` (this one has ${input.length} characters)` : '';
      if (isCustom) return [{ path, at: 'value', message: `${prefix}${issue.message}${length}` }];
      const bound = Number(issue.code === 'too_small' ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
      const cmp = issue.code === 'too_small' ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      const what =
        issue.origin === 'array'
          ? `list must have ${cmp} ${bound} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? `text must have ${cmp} ${bound} characters`
            : `must be ${cmp} ${bound}`;
      return [{ path, at: 'value', message: `${prefix}${what}${issue.origin === 'number' ? `, got ${String(input)}` : length}` }];
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : undefined;
      return [
        {
          path,
          at: 'value',
          message: `${prefix}${issue.message}${typeof input === 'string' && pattern ? nonAsciiHint(input, pattern) : ''}`,
        },
      ];
    }
    default:
      return [{ path, at: 'value', message: `${prefix}${issue.message}` }];
  }
}

/** How YAML spells a number that is not finite (JS would print Infinity / NaN). */
const yamlNumber = (n: number): string =>
  Number.isNaN(n) ? '.nan (not a number)' : n > 0 ? '.inf (infinity)' : n < 0 ? '-.inf (minus infinity)' : String(n);

/**
 * Names the first non-ASCII character of a value when it is what breaks the pattern: a Cyrillic
 * "а" or a Greek "ο" looks exactly like its Latin twin, so the message alone would not show it.
 */
function nonAsciiHint(input: string, pattern: string): string {
  const chars = [...input];
  const index = chars.findIndex((c) => c.codePointAt(0)! > 0x7e);
  if (index === -1) return '';
  const source = /^\/([\s\S]*)\/([a-z]*)$/.exec(pattern);
  const asAscii = chars.map((c) => (c.codePointAt(0)! > 0x7e ? 'a' : c)).join('');
  const re = source && new RegExp(source[1]!, source[2]!.replace('g', ''));
  // Only for ASCII-only patterns (ids, codes): a text pattern that takes "ä" has another reason.
  if (!re?.test(asAscii) || re.test('ä')) return '';
  const char = chars[index]!;
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return ` (character ${index + 1}, ${quoted(char)}, is ${code}, not an ASCII letter: retype it)`;
}
