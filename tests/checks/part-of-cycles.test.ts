import { describe, expect, it } from 'vitest';
import { partOfCycles } from '../../src/checks/part-of-cycles.js';
import { runDatasetRule } from '../helpers/dataset-rule.js';
import { corridor, problemsOf } from './support.js';

describe('part-of-cycles', () => {
  it('a hierarchy is fine', () => {
    expect(
      problemsOf('part-of-cycles', {
        'corridors/a.yaml': corridor('a', 'part_of:\n  - b\n'),
        'corridors/b.yaml': corridor('b', 'part_of:\n  - example-corridor\n'),
      }),
    ).toEqual([]);
  });

  it('a two-step cycle is reported once, on the first record by id, at the part_of item', () => {
    expect(
      problemsOf('part-of-cycles', {
        'corridors/a.yaml': corridor('a', 'part_of:\n  - b\n'),
        'corridors/b.yaml': corridor('b', 'part_of:\n  - a\n'),
      }),
    ).toEqual([
      'corridors/a.yaml:6:5: part_of goes round in a circle: a → b → a; a corridor cannot be part of itself, even indirectly: remove one of these part_of entries',
    ]);
  });

  it('a longer cycle names every step, and a branch into it is not a second cycle', () => {
    expect(
      problemsOf('part-of-cycles', {
        'corridors/c.yaml': corridor('c', 'part_of:\n  - example-corridor\n  - d\n'),
        'corridors/d.yaml': corridor('d', 'part_of:\n  - e\n'),
        'corridors/e.yaml': corridor('e', 'part_of:\n  - c\n'),
        'corridors/z.yaml': corridor('z', 'part_of:\n  - d\n'),
      }),
    ).toEqual([
      'corridors/c.yaml:7:5: part_of goes round in a circle: c → d → e → c; a corridor cannot be part of itself, even indirectly: remove one of these part_of entries',
    ]);
  });

  it('a corridor part of itself is left to no-self-reference', () => {
    expect(problemsOf('part-of-cycles', { 'corridors/a.yaml': corridor('a', 'part_of:\n  - a\n') })).toEqual([]);
  });

  it('a chain of 20,000 corridors does not overflow the stack (the walk is iterative)', () => {
    const n = 20_000;
    const records = Array.from({ length: n }, (_, i) => ({
      collection: 'corridors' as const,
      file: { collection: 'corridors' as const, path: `corridors/n${i}.yaml`, display: `data/corridors/n${i}.yaml`, stem: `n${i}` },
      data: { id: `n${i}`, part_of: [`n${(i + 1) % n}`] },
    }));
    const ids = new Set(records.map((r) => r.data.id));
    const problems = runDatasetRule(partOfCycles, records, {
      ids: () => ids.values(),
      has: (_, id) => ids.has(id),
      file: () => undefined,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/corridors/n0.yaml', path: ['part_of', 0] });
    expect(problems[0]!.message).toMatch(/^part_of goes round in a circle: n0 → n1 → n2 → .* → n19999 → n0;/);
  });
});
