import { evidenceOfRecord, type RecordEvidence } from '../model/evidence.js';
import type { RecordIndex } from '../model/record-index.js';
import type { LoadedRecord } from '../model/record.js';
import type { PathProblem, Problem } from '../problems.js';
import type { CollectionName, RecordOf } from '../schema/index.js';

export interface CheckContext {
  /** The records under check: the whole dataset, or only the files named on the command line. */
  records: readonly LoadedRecord[];
  index: RecordIndex;
  /** 'dataset' when every file is checked; some rules (non-empty collections) only apply then. */
  scope: 'dataset' | 'files';
  dataDir: string;
}

/** A rule that compares records with each other: it runs once, on the thread that holds them all. */
export interface DatasetCheck {
  name: string;
  description: string;
  run(ctx: CheckContext): (PathProblem | Problem)[];
}

/** What one record's rules share, each part worked out once for all of them. */
export interface RecordFacts {
  /** The record's evidence tree and citations; undefined when the record states nothing needing evidence. */
  evidence(): RecordEvidence | undefined;
}

/** What a record rule finds: where in the record, and what to do about it. */
export interface Finding {
  path: readonly (string | number)[];
  /** Point at the key of the last path segment instead of its value. */
  at?: 'key' | 'value';
  message: string;
}

/**
 * A rule that looks at one record alone. It runs where the record is loaded, so on a
 * large dataset it runs on the worker threads, beside the parser.
 */
export interface RecordCheck {
  name: string;
  description: string;
  checkRecord(record: LoadedRecord, facts: RecordFacts): PathProblem[];
}

export type Check = DatasetCheck | RecordCheck;

export const isRecordCheck = (check: Check): check is RecordCheck => 'checkRecord' in check;

/**
 * Declares a record rule: `check` sees each record (of `collection`, when given, typed by it)
 * and returns its findings; file and rule name are added here.
 */
export function recordCheck<C extends CollectionName = CollectionName>(rule: {
  name: string;
  description: string;
  collection?: C;
  check(record: LoadedRecord<C>, facts: RecordFacts): Finding[];
}): RecordCheck {
  return {
    name: rule.name,
    description: rule.description,
    checkRecord(record, facts) {
      // The guard makes the record one of C: a rule without `collection` takes every record.
      if (rule.collection !== undefined && record.collection !== rule.collection) return [];
      return rule.check(record as LoadedRecord<C>, facts).map((f) => ({ file: record.file.display, rule: rule.name, ...f }));
    },
  };
}

/** Declares a rule on the records that state something needing evidence, given their evidence. */
export const evidenceCheck = (rule: {
  name: string;
  description: string;
  check(record: LoadedRecord, evidence: RecordEvidence): Finding[];
}): RecordCheck =>
  recordCheck({
    name: rule.name,
    description: rule.description,
    check(record, facts) {
      const evidence = facts.evidence();
      return evidence ? rule.check(record, evidence) : [];
    },
  });

/** The facts of one record, each computed on first use. */
export function recordFacts(record: LoadedRecord): RecordFacts {
  let evidence: RecordEvidence | undefined | null = null;
  return {
    evidence: () => (evidence === null ? (evidence = evidenceOfRecord(record)) : evidence),
  };
}

/** The records under check of one collection, typed by it. */
export const recordsOf = <C extends CollectionName>(ctx: CheckContext, collection: C): LoadedRecord<C>[] =>
  ctx.records.filter((r) => r.collection === collection) as LoadedRecord<C>[];

/**
 * Every record of a collection, by id, for rules that compare the records under check with
 * all others: the records under check, and when only some files are checked, the rest from the index.
 */
function everyRecordOf<C extends CollectionName>(ctx: CheckContext, collection: C): Map<string, RecordOf<C>> {
  const all = new Map(recordsOf(ctx, collection).map((r) => [r.data.id, r.data]));
  if (ctx.scope === 'files')
    for (const id of ctx.index.ids(collection))
      if (!all.has(id)) {
        const record = ctx.index.get(collection, id);
        if (record) all.set(id, record);
      }
  return all;
}

/**
 * The records under check of `collection` that share a key with other records of the
 * dataset (`keyOf` undefined: no key), each with its key and the ids of those others.
 */
export function sharingKey<C extends CollectionName>(
  ctx: CheckContext,
  collection: C,
  keyOf: (record: RecordOf<C>) => string | undefined,
): { record: LoadedRecord<C>; key: string; others: string[] }[] {
  const checked = recordsOf(ctx, collection);
  if (checked.length === 0) return [];
  const byKey = new Map<string, string[]>();
  for (const record of everyRecordOf(ctx, collection).values()) {
    const key = keyOf(record);
    if (key === undefined) continue;
    const ids = byKey.get(key);
    if (ids) ids.push(record.id);
    else byKey.set(key, [record.id]);
  }
  return checked.flatMap((record) => {
    const key = keyOf(record.data);
    if (key === undefined) return [];
    const others = (byKey.get(key) ?? []).filter((id) => id !== record.data.id);
    return others.length ? [{ record, key, others }] : [];
  });
}

/** `"a", "b"`: ids as messages list them. */
export const idList = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(', ');
