import { describe, expect, it } from 'vitest';
import { corridor, problemsOf } from './support.js';

const entries = (...dates: string[]) => `status_history:\n${dates.map((d) => `  - date: "${d}"\n    status: proposed\n`).join('')}`;

describe('status-history-order', () => {
  it('an entry earlier than the one before it', () => {
    expect(problemsOf('status-history-order', { 'corridors/a.yaml': corridor('a', entries('2020', '2023-05', '2019')) })).toEqual([
      'corridors/a.yaml:10:11: status_history[2] (2019) is earlier than status_history[1] (2023-05): list entries oldest first',
    ]);
  });

  it('undated entries are skipped: the next dated entry is compared with the last dated one', () => {
    const history =
      'status_history:\n  - date: "2023"\n    status: proposed\n  - as_stated: later\n    status: agreed\n  - date: "2021"\n    status: agreed\n';
    expect(problemsOf('status-history-order', { 'corridors/a.yaml': corridor('a', history, 'agreed') })).toEqual([
      'corridors/a.yaml:10:11: status_history[2] (2021) is earlier than status_history[0] (2023): list entries oldest first',
    ]);
  });

  it('overlapping precisions (2023 then 2023-01) and equal dates are in order', () => {
    expect(
      problemsOf('status-history-order', {
        'corridors/a.yaml': corridor('a', entries('2023', '2023-01', '2023-01', '2023-12-31', '2023~')),
      }),
    ).toEqual([]);
  });
});
