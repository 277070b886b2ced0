import { dateBounds } from '../dates.js';
import type { Corridor } from '../schema/index.js';
import { recordsOf, type Check } from './types.js';

export const statusHistoryOrder: Check = {
  name: 'status-history-order',
  description: 'A corridor\'s status_history is in chronological order, oldest first.',
  run: (ctx) =>
    recordsOf(ctx, 'corridors').flatMap((r) => {
      const history = (r.data as Corridor).status_history ?? [];
      return history.flatMap((entry, i) =>
        i > 0 && dateBounds(entry.date).latest < dateBounds(history[i - 1]!.date).earliest
          ? [{ file: r.file.display, path: ['status_history', i, 'date'], rule: 'status-history-order', message: `status_history[${i}] (${entry.date}) is earlier than the entry before it (${history[i - 1]!.date}): list entries oldest first` }]
          : [],
      );
    }),
};
