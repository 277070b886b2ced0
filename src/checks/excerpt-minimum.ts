import type { PathProblem } from '../problems.js';
import { belowExcerptFloor, excerptMinimumMessage } from '../schema/excerpt.js';
import type { Check } from './types.js';

/**
 * The text-free part of the excerpt minimum (see src/schema/excerpt.ts): an excerpt that no
 * source line could make meaningful fails here; `verify-sources` applies the full minimum.
 */
export const excerptMinimum: Check = {
  name: 'excerpt-minimum',
  description:
    'An excerpt has at least 2 words and 10 characters, or is a whole line of its source; without the texts, at least a word and 4 characters.',
  run(ctx) {
    const problems: PathProblem[] = [];
    for (const record of ctx.records) {
      const citations = (record.data as { sources?: unknown }).sources;
      if (!Array.isArray(citations)) continue;
      citations.forEach((c: { excerpt: string }, i) => {
        if (belowExcerptFloor(c.excerpt))
          problems.push({
            file: record.file.display,
            path: ['sources', i, 'excerpt'],
            rule: 'excerpt-minimum',
            message: excerptMinimumMessage(c.excerpt),
          });
      });
    }
    return problems;
  },
};
