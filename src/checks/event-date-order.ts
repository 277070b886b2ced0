import { dateBounds } from '../dates.js';
import { recordsOf, type Check } from './types.js';

const RULE = 'event-date-order';

export const eventDateOrder: Check = {
  name: RULE,
  description: "An event's end_date is not before its date, and a range has a date to start from.",
  run: (ctx) =>
    recordsOf(ctx, 'events').flatMap((r) => {
      const { date, end_date } = r.data;
      if (end_date === undefined) return [];
      if (date === undefined)
        return [
          {
            file: r.file.display,
            path: ['end_date'],
            at: 'key' as const,
            rule: RULE,
            message: 'end_date without date: a range needs its first day in date (or, for a single day, write it as date)',
          },
        ];
      return dateBounds(end_date).latest < dateBounds(date).earliest
        ? [
            {
              file: r.file.display,
              path: ['end_date'],
              rule: RULE,
              message: `end_date (${end_date}) is before date (${date}): swap them or fix the dates`,
            },
          ]
        : [];
    }),
};
