import { dateBounds } from '../dates.js';
import { recordCheck } from './types.js';

export const eventDateOrder = recordCheck({
  name: 'event-date-order',
  description: "An event's end_date is not before its date, and a range has a date to start from.",
  collection: 'events',
  check: ({ data: { date, end_date } }) => {
    if (end_date === undefined) return [];
    if (date === undefined)
      return [
        {
          path: ['end_date'],
          at: 'key',
          message: 'end_date without date: a range needs its first day in date (or, for a single day, write it as date)',
        },
      ];
    return dateBounds(end_date).latest < dateBounds(date).earliest
      ? [{ path: ['end_date'], message: `end_date (${end_date}) is before date (${date}): swap them or fix the dates` }]
      : [];
  },
});
