import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencesOf } from '../model/references.js';
import { createSuggester, hintFor, type Suggester } from '../suggest.js';
import type { PathProblem } from '../problems.js';
import type { DatasetCheck } from './types.js';

const refFields = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).flatMap((f) => (f.ref ? [{ ...f, ref: f.ref }] : []))]),
);

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

export const references: DatasetCheck = {
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
        const target = field.ref.collection;
        for (const { path, id } of referencesOf(record.data, field)) {
          const report = (message: string) => problems.push({ file: record.file.display, path, rule: 'references', message });
          if (!ctx.index.has(target, id)) {
            const elsewhere = COLLECTION_NAMES.find((c) => c !== target && ctx.index.has(c, id));
            if (elsewhere)
              report(
                `"${id}" is ${withArticle(collections[elsewhere].singular)} (data/${elsewhere}/${id}.yaml), but ${field.path.join('.')} must name ${withArticle(collections[target].singular)} (looked in data/${target}/)`,
              );
            else report(`unknown ${collections[target].singular} "${id}": no data/${target}/${id}.yaml${hint(target, id)}`);
            continue;
          }
          const kinds = field.ref.actorKinds;
          if (kinds && target === 'actors') {
            const actor = ctx.index.get('actors', id);
            if (actor && 'kind' in actor && !kinds.includes(actor.kind))
              report(
                `"${id}" is an actor of kind "${actor.kind}", but ${field.path.join('.')} must name an actor of kind ${kinds.map((k) => `"${k}"`).join(' or ')}`,
              );
          }
        }
      }
    }
    return problems;
  },
};
