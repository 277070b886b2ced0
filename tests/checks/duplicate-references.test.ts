import { describe, expect, it } from 'vitest';
import { corridor, problemsOf } from './support.js';

describe('duplicate-references', () => {
  it('each reference list names a record once', () => {
    expect(
      problemsOf('duplicate-references', {
        'corridors/a.yaml': corridor(
          'a',
          'countries:\n  - azerbaijan\n  - turkiye\n  - azerbaijan\nproponents:\n  - turkiye\n  - turkiye\n',
        ),
      }),
    ).toEqual([
      'corridors/a.yaml:8:5: countries lists "azerbaijan" twice (items 1 and 3): remove the repeated item',
      'corridors/a.yaml:11:5: proponents lists "turkiye" twice (items 1 and 2): remove the repeated item',
    ]);
  });

  it('the same id in two different lists, and two citations of one source, are fine', () => {
    expect(
      problemsOf('duplicate-references', {
        'corridors/a.yaml': `${corridor('a', 'proponents:\n  - turkiye\nopponents:\n  - turkiye\n')}  - source: example-news\n    excerpt: a railway that is part of the corridor\n    supports:\n      - proponents\n`,
      }),
    ).toEqual([]);
  });
});
