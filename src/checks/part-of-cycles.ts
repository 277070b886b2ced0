import type { PathProblem } from '../problems.js';
import { type CheckedRecord, datasetCheck, recordsOf } from './types.js';

/**
 * part_of must form a hierarchy: following it from any corridor never comes back. (A corridor
 * listing itself is no-self-reference's message.) Each cycle is reported once, on its first
 * record by id, naming every step; the walk is iterative, so a long chain cannot overflow the stack.
 */
export const partOfCycles = datasetCheck<readonly string[]>({
  name: 'part-of-cycles',
  description: 'Following part_of from a corridor never leads back to it.',
  factsOf: (record) => (record.collection === 'corridors' ? (record.data.part_of ?? []) : undefined),
  run(ctx) {
    const checked = new Map<string, CheckedRecord<readonly string[]>>(recordsOf(ctx, 'corridors').map((r) => [r.id, r]));
    const cache = new Map<string, readonly string[]>();
    const parents = (id: string): readonly string[] => {
      let p = cache.get(id);
      if (!p) {
        const partOf = checked.get(id)?.facts ?? ctx.factsOf('corridors', id);
        cache.set(id, (p = (partOf ?? []).filter((parent) => parent !== id)));
      }
      return p;
    };
    const problems: PathProblem[] = [];
    const done = new Set<string>();
    const reported = new Set<string>();
    for (const start of [...checked.keys()].sort()) {
      if (done.has(start)) continue;
      // Depth-first; `stack` is the current chain, `onPath` its members and their depth.
      const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
      const onPath = new Map<string, number>([[start, 0]]);
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        const ps = parents(top.id);
        if (top.next >= ps.length) {
          stack.pop();
          onPath.delete(top.id);
          done.add(top.id);
          continue;
        }
        const parent = ps[top.next++]!;
        const depth = onPath.get(parent);
        if (depth !== undefined) {
          const members = stack.slice(depth).map((s) => s.id);
          const first = [...members].sort()[0]!;
          const key = [...members].sort().join(' ');
          if (reported.has(key)) continue;
          reported.add(key);
          const at = members.indexOf(first);
          const round = [...members.slice(at), ...members.slice(0, at), first];
          const owner = checked.get(first) ?? checked.get(start)!;
          const item = owner.id === first ? (owner.facts ?? []).indexOf(round[1]!) : -1;
          problems.push({
            file: owner.file.display,
            path: item >= 0 ? ['part_of', item] : ['part_of'],
            rule: 'part-of-cycles',
            message: `part_of goes round in a circle: ${round.join(' → ')}; a corridor cannot be part of itself, even indirectly: remove one of these part_of entries`,
          });
        } else if (!done.has(parent) && (checked.has(parent) || ctx.index.has('corridors', parent))) {
          onPath.set(parent, stack.length);
          stack.push({ id: parent, next: 0 });
        }
      }
    }
    return problems;
  },
});
