import { recordCheck } from './types.js';

/** A corridor's status is where its history ends: the last status_history entry, dated or not. */
export const statusMatchesHistory = recordCheck({
  name: 'status-matches-history',
  description: "A corridor's status equals the status of the last status_history entry.",
  collection: 'corridors',
  check: ({ data: { status, status_history: history } }) => {
    const last = history?.[history.length - 1];
    if (!last || last.status === status) return [];
    const when = last.date ? ` (${last.date})` : '';
    return [
      {
        path: ['status'],
        message: `status is "${status}", but the last status_history entry${when} says "${last.status}": set status to "${last.status}", or add the newer change to status_history`,
      },
    ];
  },
});
