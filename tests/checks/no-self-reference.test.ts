import { describe, expect, it } from 'vitest';
import { agreement, corridor, problemsOf } from './support.js';

describe('no-self-reference', () => {
  it('a corridor part_of or alternative_to itself', () => {
    expect(
      problemsOf('no-self-reference', {
        'corridors/a.yaml': corridor('a', 'part_of:\n  - example-corridor\n  - a\nalternative_to:\n  - a\n'),
      }),
    ).toEqual([
      'corridors/a.yaml:7:5: part_of refers to the record itself ("a"): remove it',
      'corridors/a.yaml:9:5: alternative_to refers to the record itself ("a"): remove it',
    ]);
  });

  it('an agreement that builds_on itself', () => {
    expect(
      problemsOf('no-self-reference', {
        'agreements/self-agreement.yaml': agreement('self-agreement', 'builds_on:\n  - self-agreement\n'),
      }),
    ).toEqual(['agreements/self-agreement.yaml:9:5: builds_on refers to the record itself ("self-agreement"): remove it']);
  });

  it('references to other records are fine', () => {
    expect(problemsOf('no-self-reference', { 'corridors/a.yaml': corridor('a', 'part_of:\n  - example-corridor\n') })).toEqual([]);
  });
});
