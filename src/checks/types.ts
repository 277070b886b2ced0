import { evidenceOfRecord, type RecordEvidence } from '../model/evidence.js';
import type { RecordIndex } from '../model/record-index.js';
import type { LoadedRecord, RecordFile } from '../model/record.js';
import type { PathProblem, Problem } from '../problems.js';
import type { CollectionName } from '../schema/index.js';

/**
 * A record under check as a dataset rule sees it: where it is, its id, and what the rule
 * gathered from it (`factsOf`), never the whole record.
 */
export interface CheckedRecord<F> {
  collection: CollectionName;
  file: RecordFile;
  id: string;
  /** The rule's facts about this record; undefined when it gathered none. */
  facts: F | undefined;
}

export interface DatasetContext<F> {
  /** The records under check: the whole dataset, or only the files named on the command line. */
  records: readonly CheckedRecord<F>[];
  /** Ids and files of the whole dataset, also when only some files are checked. */
  index: RecordIndex;
  /**
   * The rule's facts about any record of the dataset, by collection and id (records not under
   * check are loaded when asked for); undefined when there is no such schema-valid record.
   */
  factsOf(collection: CollectionName, id: string): F | undefined;
  /** 'dataset' when every file is checked; some rules (non-empty collections) only apply then. */
  scope: 'dataset' | 'files';
  dataDir: string;
}

/**
 * A rule that compares records with each other. It states what it needs of each record
 * (`factsOf`, worked out where the record is loaded: on the worker threads for a large
 * dataset), then `run` compares those facts on one thread. The thread that gathers them never
 * holds whole records, so memory stays small however large the dataset.
 */
export interface DatasetCheck {
  name: string;
  description: string;
  /** The rule's facts about one record: plain data (it crosses threads), undefined when there is nothing to compare. */
  factsOf(record: LoadedRecord): unknown;
  run(ctx: DatasetContext<unknown>): (PathProblem | Problem)[];
}

/** Declares a dataset rule, typed by its facts: `run` gets exactly what `factsOf` returned for each record. */
export const datasetCheck = <F>(rule: {
  name: string;
  description: string;
  factsOf?: (record: LoadedRecord) => F | undefined;
  run(ctx: DatasetContext<F>): (PathProblem | Problem)[];
}): DatasetCheck => ({
  name: rule.name,
  description: rule.description,
  factsOf: rule.factsOf ?? (() => undefined),
  // The facts in the context are the ones this rule's own factsOf returned.
  run: (ctx) => rule.run(ctx as DatasetContext<F>),
});

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

/** The records under check of one collection. */
export const recordsOf = <F>(ctx: DatasetContext<F>, collection: CollectionName): CheckedRecord<F>[] =>
  ctx.records.filter((r) => r.collection === collection);

/**
 * The records under check of `collection` that share a key with other records of the
 * dataset (`keyOf` undefined: no key), each with its facts, its key and the ids of those others.
 * Compared with every record of the collection, also when only some files are checked.
 */
export function sharingKey<F>(
  ctx: DatasetContext<F>,
  collection: CollectionName,
  keyOf: (facts: F) => string | undefined,
): { record: CheckedRecord<F>; facts: F; key: string; others: string[] }[] {
  const checked = recordsOf(ctx, collection);
  if (checked.length === 0) return [];
  const key = (facts: F | undefined) => (facts === undefined ? undefined : keyOf(facts));
  const byKey = new Map<string, string[]>();
  const add = (id: string, facts: F | undefined) => {
    const k = key(facts);
    if (k === undefined) return;
    const ids = byKey.get(k);
    if (ids) ids.push(id);
    else byKey.set(k, [id]);
  };
  const seen = new Set<string>();
  for (const record of checked)
    if (!seen.has(record.id)) {
      seen.add(record.id);
      add(record.id, record.facts);
    }
  if (ctx.scope === 'files') for (const id of ctx.index.ids(collection)) if (!seen.has(id)) add(id, ctx.factsOf(collection, id));
  return checked.flatMap((record) => {
    const facts = record.facts;
    const k = key(facts);
    if (facts === undefined || k === undefined) return [];
    const others = (byKey.get(k) ?? []).filter((id) => id !== record.id);
    return others.length ? [{ record, facts, key: k, others }] : [];
  });
}

/** `"a", "b"`: ids as messages list them. */
export const idList = (ids: readonly string[]): string => ids.map((id) => `"${id}"`).join(', ');
