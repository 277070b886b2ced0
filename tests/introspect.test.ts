import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  allowedKeys,
  arrayElement,
  descriptionOf,
  discriminatorOf,
  enumValues,
  hasOwnMessage,
  innerSchema,
  kindOf,
  literalValues,
  numberBounds,
  objectShape,
  patternOf,
  schemaAt,
  stringFormat,
  unionOptions,
  unwrapOptional,
  variantFor,
  variantsOf,
} from '../src/schema/introspect.js';

const variantA = z.strictObject({ kind: z.literal('a'), size: z.number().positive().max(10) });
const variantB = z.strictObject({ kind: z.literal('b'), tags: z.array(z.string().regex(/^[a-z]+$/)).min(1, { error: 'give a tag' }) });
const tagged = z.discriminatedUnion('kind', [variantA, variantB]);
const record = z.strictObject({
  id: z.string().min(1).meta({ description: 'The id.' }),
  color: z.enum(['red', 'green']).optional(),
  items: z.array(tagged).optional(),
  url: z.url().optional(),
  plain: z.union([z.string(), z.number()]),
});

describe('introspect: the adapter over Zod internals', () => {
  it('names the kind of each schema', () => {
    expect(kindOf(record)).toBe('object');
    expect(kindOf(z.string())).toBe('string');
    expect(kindOf(z.number())).toBe('number');
    expect(kindOf(z.boolean())).toBe('boolean');
    expect(kindOf(z.array(z.string()))).toBe('array');
    expect(kindOf(tagged)).toBe('union');
    expect(kindOf(z.string().optional())).toBe('optional');
    expect(kindOf(z.enum(['x']))).toBe('enum');
    expect(kindOf(z.literal('x'))).toBe('literal');
  });

  it('unwraps optional (also nested) and says whether it did', () => {
    const inner = z.string();
    expect(unwrapOptional(inner.optional().optional())).toEqual({ schema: inner, optional: true });
    expect(unwrapOptional(inner)).toEqual({ schema: inner, optional: false });
  });

  it('looks through every wrapper to the schema a value is checked against', () => {
    const inner = z.string();
    expect(innerSchema(inner.nullable().optional().default('x'))).toBe(inner);
    expect(innerSchema(inner.pipe(z.string()))).toBe(inner);
  });

  it('reads object shapes in order and array elements, and nothing from other kinds', () => {
    expect(Object.keys(objectShape(record) ?? {})).toEqual(['id', 'color', 'items', 'url', 'plain']);
    const items = unwrapOptional(objectShape(record)!.items!).schema;
    expect(arrayElement(items)).toBe(tagged);
    expect(objectShape(z.string())).toBeUndefined();
    expect(arrayElement(record)).toBeUndefined();
  });

  it('reads union options and the discriminator, and picks the variant for a tag', () => {
    expect(unionOptions(tagged)).toEqual([variantA, variantB]);
    expect(discriminatorOf(tagged)).toBe('kind');
    expect(discriminatorOf(objectShape(record)!.plain!)).toBeUndefined();
    expect(unionOptions(objectShape(record)!.plain!)).toHaveLength(2);
    expect(variantsOf(tagged)?.map((v) => v.tags)).toEqual([['a'], ['b']]);
    expect(variantFor(tagged, 'b')).toBe(variantB);
    expect(variantFor(tagged, 'c')).toBeUndefined();
  });

  it('reads enum and literal values', () => {
    expect(enumValues(z.enum(['red', 'green']))).toEqual(['red', 'green']);
    expect(literalValues(z.literal('a'))).toEqual(['a']);
    expect(enumValues(z.literal('a'))).toBeUndefined();
  });

  it('reads a regex pattern, a string format, number bounds and a description', () => {
    expect(patternOf(z.string().regex(/^[a-z]+$/))?.source).toBe('^[a-z]+$');
    expect(patternOf(z.string())).toBeUndefined();
    expect(stringFormat(z.url())).toBe('url');
    expect(stringFormat(z.string().regex(/x/))).toBeUndefined();
    expect(numberBounds(z.number().positive().max(10))).toEqual({ min: 0, minInclusive: false, max: 10, maxInclusive: true });
    expect(numberBounds(z.number())).toEqual({ minInclusive: true, maxInclusive: true });
    expect(descriptionOf(objectShape(record)!.id!)).toBe('The id.');
    expect(descriptionOf(z.string())).toBeUndefined();
  });

  it('finds the schema at a data path, through optional, lists and the variant the data selects', () => {
    const data = {
      id: 'x',
      items: [
        { kind: 'a', size: 3 },
        { kind: 'b', tags: ['t'] },
      ],
    };
    expect(kindOf(schemaAt(record, ['items', 0, 'size'], data)!)).toBe('number');
    expect(kindOf(schemaAt(record, ['items', 1, 'tags', 0], data)!)).toBe('string');
    expect(schemaAt(record, ['items', 1], data)).toBe(variantB);
    expect(schemaAt(record, ['items', 0, 'tags'], data)).toBeUndefined();
    expect(schemaAt(record, ['nope'], data)).toBeUndefined();
  });

  it('tells a check written with its own message from one using Zod’s wording', () => {
    const data = { id: '', items: [{ kind: 'b', tags: [] }], plain: 1 };
    const issues = record.safeParse(data).error!.issues;
    const own = issues.filter((i) => hasOwnMessage(schemaAt(record, i.path, data)!, i as never));
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['id', 'items.0.tags']);
    expect(own.map((i) => i.message)).toEqual(['give a tag']);
    // The string shorthand is an own message too.
    const short = z.string().max(2, 'too long for a code');
    const issue = short.safeParse('abc').error!.issues[0]!;
    expect(hasOwnMessage(short, issue as never)).toBe(true);
    expect(hasOwnMessage(z.string().max(2), z.string().max(2).safeParse('abc').error!.issues[0]! as never)).toBe(false);
  });

  it('lists the keys a strict object, or a union of them, allows; nothing for a loose object or another schema', () => {
    expect([...allowedKeys(record)!]).toEqual(['id', 'color', 'items', 'url', 'plain']);
    expect([...allowedKeys(tagged.optional())!].sort()).toEqual(['kind', 'size', 'tags']);
    expect(allowedKeys(z.object({ a: z.string() }))).toBeUndefined();
    expect(allowedKeys(z.looseObject({ a: z.string() }))).toBeUndefined();
    expect(allowedKeys(z.union([variantA, z.object({ b: z.string() })]))).toBeUndefined();
    expect(allowedKeys(z.string())).toBeUndefined();
  });
});
