/** Worker side of validateDataDirParallel (./validate.ts): one batch of files, outcomes in order. */
import type { RecordFile } from './model/record.js';
import { type FileOutcome, validateFile } from './validate-file.js';

export default function validateBatch(files: readonly RecordFile[]): FileOutcome[] {
  return files.map(validateFile);
}
