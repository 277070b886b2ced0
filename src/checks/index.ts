/**
 * The cross-record rules, run in this order after every file passed its schema.
 * To add a rule: write `checks/<rule>.ts` exporting a `Check`, add it here, and add
 * a test under tests/checks/.
 */
import { citationPiece } from './citation-piece.js';
import { currencyCodes } from './currency-codes.js';
import { duplicateReferences } from './duplicate-references.js';
import { eventDateOrder } from './event-date-order.js';
import { evidenceValues } from './evidence-values.js';
import { excerptMinimum } from './excerpt-minimum.js';
import { fieldEvidence } from './field-evidence.js';
import { idMatchesFilename } from './id-matches-filename.js';
import { nonEmptyCollections } from './non-empty-collections.js';
import { noSelfReference } from './no-self-reference.js';
import { partOfCycles } from './part-of-cycles.js';
import { periodOrder } from './period-order.js';
import { quoteAttribution } from './quote-attribution.js';
import { quoteForm } from './quote-form.js';
import { quoteInExcerpt } from './quote-in-excerpt.js';
import { references } from './references.js';
import { statusHistoryOrder } from './status-history-order.js';
import { statusMatchesHistory } from './status-matches-history.js';
import type { Check } from './types.js';
import { uniqueActors } from './unique-actors.js';
import { uniqueIds } from './unique-ids.js';
import { uniqueSourceTexts } from './unique-source-texts.js';

export const checks: readonly Check[] = [
  idMatchesFilename,
  uniqueIds,
  references,
  noSelfReference,
  duplicateReferences,
  partOfCycles,
  uniqueSourceTexts,
  uniqueActors,
  nonEmptyCollections,
  periodOrder,
  statusHistoryOrder,
  statusMatchesHistory,
  currencyCodes,
  eventDateOrder,
  quoteAttribution,
  quoteInExcerpt,
  quoteForm,
  excerptMinimum,
  citationPiece,
  fieldEvidence,
  evidenceValues,
];

export type { Check } from './types.js';
