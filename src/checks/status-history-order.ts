import { dateBounds } from '../dates.js';
import { recordsOf, type Check } from './types.js';

export const statusHistoryOrder: Check = {
  name: 'status-history-order',
  description:
    "The dated entries of a corridor's status_history are in chronological order, oldest first (undated entries are not compared).",
  run: (ctx) =>
    recordsOf(ctx, 'corridors').flatMap((r) => {
      const history = r.data.status_history ?? [];
      let previous: { date: string; i: number } | undefined;
      return history.flatMap((entry, i) => {
        if (entry.date === undefined) return [];
        const before = previous;
        previous = { date: entry.date, i };
        return before && dateBounds(entry.date).latest < dateBounds(before.date).earliest
          ? [
              {
                file: r.file.display,
                path: ['status_history', i, 'date'],
                rule: 'status-history-order',
                message: `status_history[${i}] (${entry.date}) is earlier than status_history[${before.i}] (${before.date}): list entries oldest first`,
              },
            ]
          : [];
      });
    }),
};
