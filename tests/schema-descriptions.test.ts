/**
 * Every published field carries a description: the JSON Schema, the generated TypeScript
 * declarations (TSDoc), the Table Schema and docs/fields.md all take it from the Zod schema.
 */
import { describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../src/emit/json-schema.js';
import { COLLECTION_NAMES } from '../src/schema/index.js';

type Node = Record<string, unknown>;

/** JSON pointers (as dotted paths) of every object property whose schema has no description. */
function undescribed(root: Node): string[] {
  const missing: string[] = [];
  const resolve = (node: Node): Node => {
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, key) => (n as Node)[key.replaceAll('~1', '/').replaceAll('~0', '~')], root) as Node;
    return { ...target, ...node };
  };
  const seen = new Set<Node>();
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, path);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (seen.has(node)) return;
    seen.add(node);
    const properties = node.properties as Record<string, Node> | undefined;
    for (const [key, child] of Object.entries(properties ?? {})) {
      // `{}` declares nothing (e.g. `anyOf: [{ properties: { date: {} }, required: ['date'] }]`).
      if (Object.keys(child).length === 0) continue;
      const own = resolve(child);
      if (typeof own.description !== 'string' || own.description.trim() === '') missing.push(path ? `${path}.${key}` : key);
      visit(child, path ? `${path}.${key}` : key);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'properties') continue;
      visit(child, key === 'items' ? `${path}[]` : path);
    }
  };
  visit(root, '');
  return [...new Set(missing)].sort();
}

describe('published JSON Schema descriptions', () => {
  it.each(COLLECTION_NAMES)('every property of %s has a description', (collection) => {
    const missing = undescribed(jsonSchemaOf(collection));
    expect(missing, `${collection}: properties without a description; add .meta({ description }) to the field in src/schema/*.ts`).toEqual(
      [],
    );
  });

  it('the walker reports a property without a description', () => {
    const schema = {
      type: 'object',
      anyOf: [{ properties: { a: {} }, required: ['a'] }],
      properties: {
        a: { type: 'string', description: 'A.' },
        b: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } } } },
      },
    };
    expect(undescribed(schema)).toEqual(['b', 'b[].c']);
  });
});
