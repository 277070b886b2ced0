/**
 * The coverage ledger of one source: `ledgers/<source-id>.yaml`. It lists every paragraph
 * (non-blank line) of the archived text, in order, with the records it produced or the
 * reason it produced none. `verify-sources` checks it against the text and the records.
 */
import * as z from 'zod';
import { ID_BODY, ref, requireKeys, text } from './primitives.js';

/** `collection/id` of a record, e.g. `events/erdogan-visit-naxcivan-2023`. */
export const RECORD_KEY_PATTERN = new RegExp(`^[a-z]+(?:-[a-z]+)*/${ID_BODY}(?![\\s\\S])`);

export const ANCHOR_WORDS = { min: 3, max: 8 } as const;

const paragraph = requireKeys(
  z.strictObject({
    n: z.int().min(1).meta({ description: 'Number of the paragraph: its position among the non-blank lines of the text, from 1.' }),
    anchor: text.meta({
      description: `The paragraph's first words (${ANCHOR_WORDS.min}–${ANCHOR_WORDS.max} words, or the whole paragraph when shorter), verbatim up to whitespace.`,
    }),
    records: z
      .array(z.string().regex(RECORD_KEY_PATTERN, { error: 'must be collection/id of a record, e.g. events/erdogan-visit-naxcivan-2023' }))
      .min(1)
      .optional()
      .meta({ description: 'Records citing this source that this paragraph produced, as collection/id.' }),
    reason: text
      .optional()
      .meta({ description: 'Why the paragraph produced no record (e.g. "headline of a related article, not part of the text").' }),
  }),
  ['records', 'reason'],
  { exactlyOne: true, error: 'needs either records (what the paragraph produced) or reason (why it produced none), not both' },
);

export const ledgerSchema = z
  .strictObject({
    source: ref('sources'),
    paragraphs: z.array(paragraph).min(1).meta({ description: 'Every paragraph of the archived text, in order.' }),
  })
  .meta({ title: 'Ledger', description: 'Coverage ledger: what each paragraph of a source produced.' });

export type Ledger = z.infer<typeof ledgerSchema>;
export type LedgerParagraph = z.infer<typeof paragraph>;
