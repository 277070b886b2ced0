import { describe, expect, it } from 'vitest';
import { corridor, problemsOf } from './support.js';

const history = 'status_history:\n  - date: "2020"\n    status: proposed\n  - date: "2024"\n    status: operational\n';

describe('status-matches-history', () => {
  it('status contradicting the last status_history entry', () => {
    expect(problemsOf('status-matches-history', { 'corridors/a.yaml': corridor('a', history, 'proposed') })).toEqual([
      'corridors/a.yaml:4:9: status is "proposed", but the last status_history entry (2024) says "operational": set status to "operational", or add the newer change to status_history',
    ]);
  });

  it('status equal to the last entry, or no history, is fine', () => {
    expect(
      problemsOf('status-matches-history', {
        'corridors/a.yaml': corridor('a', history, 'operational'),
        'corridors/b.yaml': corridor('b'),
      }),
    ).toEqual([]);
  });
});
