import { COLLECTION_NAMES, collections, isCollectionName, type CollectionName } from '../schema/index.js';
import { listFields, type FieldInfo } from '../schema/walk.js';
import { createSuggester, hintFor, type Suggester } from '../suggest.js';
import type { PathProblem } from '../problems.js';
import type { Check } from './types.js';

const refFields = new Map<CollectionName, FieldInfo[]>(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).filter((f) => f.ref)]),
);

/** Every (path, id) a record refers to, following lists. */
export function* referencesOf(data: unknown, field: FieldInfo): Generator<{ path: (string | number)[]; id: string }> {
  const at = (v: unknown, keys: string[]) => keys.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), v);
  if (!field.listPath) {
    const id = at(data, field.path);
    if (typeof id === 'string') yield { path: field.path, id };
    return;
  }
  const list = at(data, field.listPath);
  if (!Array.isArray(list)) return;
  const rest = field.path.slice(field.listPath.length);
  for (const [i, item] of list.entries()) {
    const id = rest.length ? at(item, rest) : item;
    if (typeof id === 'string') yield { path: [...field.listPath, i, ...rest], id };
  }
}

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

export const references: Check = {
  name: 'references',
  description: 'Every reference resolves to a record of the right collection (and, for actors, of the right kind).',
  run(ctx) {
    const problems: PathProblem[] = [];
    // A deleted or renamed record leaves the same unknown id in many files: look for a
    // "did you mean" once per id, not once per reference, with one index per collection.
    const hints = new Map<string, string>();
    const suggesters = new Map<CollectionName, Suggester>();
    const hint = (target: CollectionName, id: string) => {
      const key = `${target}/${id}`;
      let h = hints.get(key);
      if (h === undefined) {
        let suggester = suggesters.get(target);
        if (!suggester) suggesters.set(target, (suggester = createSuggester(ctx.index.ids(target))));
        hints.set(key, (h = hintFor(suggester.closest(id))));
      }
      return h;
    };
    for (const record of ctx.records) {
      for (const field of refFields.get(record.collection) ?? []) {
        const target = field.ref!.collection;
        if (!isCollectionName(target)) throw new Error(`schema refers to unknown collection ${target}`);
        for (const { path, id } of referencesOf(record.data, field)) {
          const report = (message: string) => problems.push({ file: record.file.display, path, rule: 'references', message });
          if (!ctx.index.has(target, id)) {
            const elsewhere = COLLECTION_NAMES.find((c) => c !== target && ctx.index.has(c, id));
            if (elsewhere)
              report(`"${id}" is ${withArticle(collections[elsewhere].singular)} (data/${elsewhere}/${id}.yaml), but ${field.path.join('.')} must name ${withArticle(collections[target].singular)} (looked in data/${target}/)`);
            else report(`unknown ${collections[target].singular} "${id}": no data/${target}/${id}.yaml${hint(target, id)}`);
            continue;
          }
          const kinds = field.ref!.actorKinds;
          if (kinds && target === 'actors') {
            const actor = ctx.index.get('actors', id);
            if (actor && 'kind' in actor && !kinds.includes(actor.kind))
              report(`"${id}" is an actor of kind "${actor.kind}", but ${field.path.join('.')} must name an actor of kind ${kinds.map((k) => `"${k}"`).join(' or ')}`);
          }
        }
      }
    }
    return problems;
  },
};
