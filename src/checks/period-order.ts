import { dateBounds } from '../dates.js';
import { recordsOf, type Check } from './types.js';

export const periodOrder: Check = {
  name: 'period-order',
  description: "A trade figure's period does not end before it starts.",
  run: (ctx) =>
    recordsOf(ctx, 'trade-figures').flatMap((r) => {
      const { start, end } = r.data.period ?? {};
      return start && end && dateBounds(end).latest < dateBounds(start).earliest
        ? [
            {
              file: r.file.display,
              path: ['period', 'end'],
              rule: 'period-order',
              message: `period ends (${end}) before it starts (${start}): swap start and end or fix the dates`,
            },
          ]
        : [];
    }),
};
