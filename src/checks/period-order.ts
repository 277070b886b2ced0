import { dateBounds } from '../dates.js';
import { recordCheck } from './types.js';

export const periodOrder = recordCheck({
  name: 'period-order',
  description: "A trade figure's period does not end before it starts.",
  collection: 'trade-figures',
  check: ({ data: { period } }) => {
    const { start, end } = period ?? {};
    return start && end && dateBounds(end).latest < dateBounds(start).earliest
      ? [{ path: ['period', 'end'], message: `period ends (${end}) before it starts (${start}): swap start and end or fix the dates` }]
      : [];
  },
});
