/**
 * Worker side of ./parallel.ts: loads one batch of record files (fast path, strict
 * fallback, located problems) and returns the outcomes in the batch's order.
 */
import type { RecordFile } from '../model/record.js';
import { loadRecord, type LoadOutcome } from './record.js';

export default function loadBatch(files: readonly RecordFile[]): LoadOutcome[] {
  return files.map(loadRecord);
}
