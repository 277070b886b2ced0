import { datasetCheck } from './types.js';

export const uniqueIds = datasetCheck({
  name: 'unique-ids',
  description: 'No two records of a collection share an id.',
  run(ctx) {
    const claims = new Map<string, string[]>();
    const claim = (key: string, file: string) => {
      const list = claims.get(key) ?? [];
      if (!list.includes(file)) list.push(file);
      claims.set(key, list);
    };
    for (const r of ctx.records) {
      claim(`${r.collection}/${r.id}`, r.file.display);
      const owner = ctx.index.file(r.collection, r.id);
      if (owner) claim(`${r.collection}/${r.id}`, owner.display);
    }
    return ctx.records.flatMap((r) => {
      const others = (claims.get(`${r.collection}/${r.id}`) ?? []).filter((f) => f !== r.file.display);
      return others.length === 0
        ? []
        : [
            {
              file: r.file.display,
              path: ['id'],
              rule: 'unique-ids',
              message: `id "${r.id}" is also used by ${others.join(', ')}: ids must be unique within a collection`,
            },
          ];
    });
  },
});
