import { citationsOf } from '../model/citations.js';
import { belowExcerptFloor, excerptMinimumMessage } from '../schema/excerpt.js';
import { recordCheck } from './types.js';

/**
 * The text-free part of the excerpt minimum (see src/schema/excerpt.ts): an excerpt that no
 * source line could make meaningful fails here; `verify-sources` applies the full minimum.
 */
export const excerptMinimum = recordCheck({
  name: 'excerpt-minimum',
  description:
    'An excerpt has at least 2 words and 10 characters, or is a whole line of its source; without the texts, at least a word and 4 characters.',
  check: (r) =>
    citationsOf(r.data).flatMap((c, i) =>
      belowExcerptFloor(c.excerpt) ? [{ path: ['sources', i, 'excerpt'], message: excerptMinimumMessage(c.excerpt) }] : [],
    ),
});
