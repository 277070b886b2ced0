/**
 * Worker side of validateDataDirParallel (./validate.ts): one batch of files, outcomes in order.
 * A record comes back without its file, which the caller has and puts back: less to copy.
 */
import type { LoadedRecord, RecordFile } from './model/record.js';
import { type FileOutcome, validateFile, validateParsed } from './validate-file.js';

const withoutFile = ({ record, ...outcome }: FileOutcome): FileOutcome =>
  record
    ? { ...outcome, record: { collection: record.collection, data: record.data } as Omit<LoadedRecord, 'file'> as LoadedRecord }
    : outcome;

export default function validateBatch(files: readonly RecordFile[]): FileOutcome[] {
  return files.map((file) => withoutFile(validateFile(file)));
}

/** The same without the records: problems and the dataset rules' summaries only (`validate`, which publishes nothing). */
export function checkBatch(files: readonly RecordFile[]): FileOutcome[] {
  return files.map((file) => validateFile(file, false));
}

/** A file the calling thread has read and parsed (the pipeline of ./validate.ts). */
export interface ParsedFile {
  file: RecordFile;
  value: Record<string, unknown>;
}

/**
 * The pipeline's second stage: each parsed file checked against its schema and every record
 * rule. Undefined for a file the schema refuses or that makes a check throw: the calling thread
 * then validates it in full (validateFile), which locates every problem or reports the failure.
 */
const parsedBatch =
  (keepRecord: boolean) =>
  (items: readonly ParsedFile[]): (FileOutcome | undefined)[] =>
    items.map(({ file, value }) => {
      try {
        const outcome = validateParsed(file, value, keepRecord);
        return outcome && withoutFile(outcome);
      } catch {
        return undefined;
      }
    });

export const validateParsedBatch = parsedBatch(true);
export const checkParsedBatch = parsedBatch(false);
