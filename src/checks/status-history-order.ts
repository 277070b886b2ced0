import { dateBounds } from '../dates.js';
import { type Finding, recordCheck } from './types.js';

export const statusHistoryOrder = recordCheck({
  name: 'status-history-order',
  description:
    "The dated entries of a corridor's status_history are in chronological order, oldest first (undated entries are not compared).",
  collection: 'corridors',
  check: (r) => {
    const findings: Finding[] = [];
    let previous: { date: string; i: number } | undefined;
    for (const [i, entry] of (r.data.status_history ?? []).entries()) {
      if (entry.date === undefined) continue;
      if (previous && dateBounds(entry.date).latest < dateBounds(previous.date).earliest)
        findings.push({
          path: ['status_history', i, 'date'],
          message: `status_history[${i}] (${entry.date}) is earlier than status_history[${previous.i}] (${previous.date}): list entries oldest first`,
        });
      previous = { date: entry.date, i };
    }
    return findings;
  },
});
