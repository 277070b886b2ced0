/**
 * Worker side of validateDataDirParallel (./validate.ts): one batch of files, outcomes in order.
 * A record comes back without its file, which the caller has and puts back: less to copy.
 */
import type { LoadedRecord, RecordFile } from './model/record.js';
import { type FileOutcome, validateFile } from './validate-file.js';

export default function validateBatch(files: readonly RecordFile[]): FileOutcome[] {
  return files.map((file) => {
    const { record, ...outcome } = validateFile(file);
    if (!record) return outcome;
    return { ...outcome, record: { collection: record.collection, data: record.data } as Omit<LoadedRecord, 'file'> as LoadedRecord };
  });
}

/** The same without the records: problems and the dataset rules' summaries only (`validate`, which publishes nothing). */
export function checkBatch(files: readonly RecordFile[]): FileOutcome[] {
  return files.map((file) => validateFile(file, false));
}
