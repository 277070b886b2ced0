import type { Corridor } from '../schema/index.js';
import { recordsOf, type Check } from './types.js';

/** A corridor's status is where its history ends: the last status_history entry, dated or not. */
export const statusMatchesHistory: Check = {
  name: 'status-matches-history',
  description: "A corridor's status equals the status of the last status_history entry.",
  run: (ctx) =>
    recordsOf(ctx, 'corridors').flatMap((r) => {
      const { status, status_history: history } = r.data as Corridor;
      const last = history?.[history.length - 1];
      if (!last || last.status === status) return [];
      const when = (last as { date?: string }).date ? ` (${(last as { date?: string }).date})` : '';
      return [
        {
          file: r.file.display,
          path: ['status'],
          rule: 'status-matches-history',
          message: `status is "${status}", but the last status_history entry${when} says "${last.status}": set status to "${last.status}", or add the newer change to status_history`,
        },
      ];
    }),
};
