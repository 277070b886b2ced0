/**
 * The rules that run on every schema-valid record. To add a rule: write `checks/<rule>.ts`
 * exporting a `recordCheck({...})` (one record at a time, run beside the parser) or a
 * `datasetCheck({...})` (records compared with each other, through the facts it gathers from
 * each), add it here, and add a test under tests/checks/.
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
import { type Check, type DatasetCheck, isRecordCheck, type RecordCheck } from './types.js';
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

/** The rules that look at one record at a time. */
export const recordChecks: readonly RecordCheck[] = checks.filter(isRecordCheck);
/** The rules that compare records with each other. */
export const datasetChecks: readonly DatasetCheck[] = checks.filter((c): c is DatasetCheck => !isRecordCheck(c));

export { recordFacts } from './types.js';
export type { Check } from './types.js';
