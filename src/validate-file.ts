/**
 * One record file, as far as it can be checked alone: read, parsed, checked against its
 * schema, then against every record rule, and, unless the caller keeps the record, summarised
 * for the dataset rules. Runs on worker threads for large datasets (./validate-worker.ts), so
 * the rules share the cores with the parser.
 */
import { recordChecks, recordFacts } from './checks/index.js';
import { type RecordSummary, summarize } from './checks/run-dataset-checks.js';
import { acceptRecord, loadRecord } from './load/record.js';
import type { LoadedRecord, RecordFile } from './model/record.js';
import type { PathProblem, Problem } from './problems.js';

export interface FileOutcome {
  /** The record, when it loaded and the caller keeps records (the dataset rules then take their facts from it). */
  record?: LoadedRecord;
  /** What the dataset rules need of the record, when it loaded and the caller does not keep records. */
  summary?: RecordSummary;
  /** Located problems (loading, schema) and record rules' problems, located later. */
  problems: (Problem | PathProblem)[];
}

/** `onRecord` sees the record when it loads, also when it is not kept (the build emits it). */
export function validateFile(file: RecordFile, keepRecord = true, onRecord?: (record: LoadedRecord) => void): FileOutcome {
  const { record, problems } = loadRecord(file);
  if (!record) return { problems };
  onRecord?.(record);
  return checkRecord(record, problems, keepRecord);
}

/**
 * The rest of validateFile for a value the loader's fast path read on another thread
 * (readFastly): undefined when the schema refuses it, and validateFile then says why and where.
 */
export function validateParsed(
  file: RecordFile,
  value: Record<string, unknown>,
  keepRecord: boolean,
  onRecord?: (record: LoadedRecord) => void,
): FileOutcome | undefined {
  const record = acceptRecord(file, value);
  if (!record) return undefined;
  onRecord?.(record);
  return checkRecord(record, [], keepRecord);
}

function checkRecord(record: LoadedRecord, found: (Problem | PathProblem)[], keepRecord: boolean): FileOutcome {
  const facts = recordFacts(record);
  for (const check of recordChecks) for (const problem of check.checkRecord(record, facts)) found.push(problem);
  return keepRecord ? { record, problems: found } : { summary: summarize(record), problems: found };
}
