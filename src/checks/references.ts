import { COLLECTION_NAMES, collections, type CollectionName } from '../schema/index.js';
import { listFields } from '../schema/walk.js';
import { referencePath, referencesOf } from '../model/references.js';
import { createSuggester, hintFor, type Suggester } from '../suggest.js';
import type { PathProblem } from '../problems.js';
import { datasetCheck } from './types.js';

const refFields = new Map(
  COLLECTION_NAMES.map((c) => [c, listFields(collections[c].schema).flatMap((f) => (f.ref ? [{ ...f, ref: f.ref }] : []))]),
);

const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

interface ReferenceFacts {
  /**
   * Every reference, one line each: which of the collection's reference fields (index into
   * refFields), the item of the field's list (-1 when it is not in a list), the id, separated by
   * spaces (ids are slugs). One string per record because a large dataset has millions of
   * references: as three values each, they crossed threads and stayed on the main thread as
   * 60 MB at 100,000 records.
   */
  refs: string;
  /** An actor's kind, for references that must name actors of some kinds. */
  kind?: string;
}

export const references = datasetCheck<ReferenceFacts>({
  name: 'references',
  description: 'Every reference resolves to a record of the right collection (and, for actors, of the right kind).',
  factsOf(record) {
    let refs = '';
    (refFields.get(record.collection) ?? []).forEach((field, n) => {
      for (const { item, id } of referencesOf(record.data, field)) refs += `${n} ${item} ${id}\n`;
    });
    return record.collection === 'actors' ? { refs, kind: record.data.kind } : { refs };
  },
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
      const fields = refFields.get(record.collection) ?? [];
      for (const line of (record.facts?.refs ?? '').split('\n')) {
        if (!line) continue;
        const [n, item, id] = line.split(' ') as [string, string, string];
        const field = fields[Number(n)]!;
        const target = field.ref.collection;
        const report = (message: string) =>
          problems.push({ file: record.file.display, path: referencePath(field, Number(item)), rule: 'references', message });
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
          const kind = ctx.factsOf('actors', id)?.kind;
          if (kind !== undefined && !kinds.includes(kind))
            report(
              `"${id}" is an actor of kind "${kind}", but ${field.path.join('.')} must name an actor of kind ${kinds.map((k) => `"${k}"`).join(' or ')}`,
            );
        }
      }
    }
    return problems;
  },
});
