/**
 * The coverage ledgers (`ledgers/<source-id>.yaml`, schema in src/schema/ledger.ts): each
 * lists every paragraph of its source's archived text, with its first words as an anchor
 * and the records it produced (or why none). Checked against the text and the records.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueMessages } from '../load/zod-issues.js';
import { parseYamlFile } from '../load/yaml-file.js';
import { citationsOf } from '../model/citations.js';
import { displayPath, type LoadedRecord } from '../model/record.js';
import type { PathProblem, Problem } from '../problems.js';
import { ANCHOR_WORDS, ledgerSchema, type Ledger } from '../schema/index.js';
import { normalizeSpace } from '../text.js';
import { quoted } from '../util/visible.js';
import { paragraphsOf } from './coverage.js';

const RULE = 'ledger';

export interface LedgerInput {
  ledgersDir: string;
  /** Archived text of each source whose text was found, by source id. */
  texts: ReadonlyMap<string, string>;
  records: readonly LoadedRecord[];
  /** Display path of each source record, by id (where a missing ledger is reported). */
  sourceFiles: ReadonlyMap<string, string>;
}

export interface LedgerResult {
  problems: (Problem | PathProblem)[];
  /** Display path → path of every ledger read, to locate its problems. */
  files: Map<string, string>;
}

const suggestedAnchor = (paragraph: string) => paragraph.split(' ').slice(0, 6).join(' ');

export function checkLedgers({ ledgersDir, texts, records, sourceFiles }: LedgerInput): LedgerResult {
  const problems: (Problem | PathProblem)[] = [];
  const files = new Map<string, string>();
  const byKey = new Map(records.map((r) => [`${r.collection}/${r.data.id}`, r]));
  const ledgerDisplay = (id: string) => displayPath(join(ledgersDir, `${id}.yaml`));

  for (const [id, file] of sourceFiles)
    if (texts.has(id) && !existsSync(join(ledgersDir, `${id}.yaml`)))
      problems.push({
        file,
        path: ['id'],
        rule: RULE,
        message: `source "${id}" has its text but no coverage ledger: write ${ledgerDisplay(id)} listing every paragraph of the text ({ n, anchor, records } or { n, anchor, reason })`,
      });

  const names = existsSync(ledgersDir)
    ? readdirSync(ledgersDir)
        .filter((n) => n.endsWith('.yaml'))
        .sort()
    : [];
  for (const name of names) {
    const path = join(ledgersDir, name);
    const display = displayPath(path);
    files.set(display, path);
    const parsed = parseYamlFile(display, readFileSync(path));
    if (parsed.problems.length) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = ledgerSchema.safeParse(parsed.value);
    if (!result.success) {
      for (const issue of result.error.issues)
        for (const m of issueMessages(issue, ledgerSchema, parsed.value))
          problems.push({ file: display, path: m.path, at: m.at, rule: RULE, message: m.message });
      continue;
    }
    const ledger: Ledger = result.data;
    const stem = name.slice(0, -'.yaml'.length);
    if (ledger.source !== stem)
      problems.push({
        file: display,
        path: ['source'],
        rule: RULE,
        message: `ledger of "${ledger.source}" is named ${name}: rename it to ${ledger.source}.yaml`,
      });
    if (!sourceFiles.has(ledger.source)) {
      problems.push({
        file: display,
        path: ['source'],
        rule: RULE,
        message: `no source "${ledger.source}": a ledger covers a record of data/sources/`,
      });
      continue;
    }
    checkRecords(ledger, display, byKey, problems);
    const text = texts.get(ledger.source);
    if (text !== undefined) checkParagraphs(ledger, display, text, problems);
  }
  return { problems, files };
}

function checkRecords(ledger: Ledger, file: string, byKey: ReadonlyMap<string, LoadedRecord>, problems: (Problem | PathProblem)[]) {
  for (const [i, p] of ledger.paragraphs.entries())
    for (const [j, key] of (p.records ?? []).entries()) {
      const record = byKey.get(key);
      const path = ['paragraphs', i, 'records', j];
      if (!record)
        problems.push({
          file,
          path,
          rule: RULE,
          message: `no record ${key}: list records as collection/id of existing records (data/${key}.yaml)`,
        });
      else if (!citationsOf(record.data).some((c) => c.source === ledger.source))
        problems.push({
          file,
          path,
          rule: RULE,
          message: `${key} does not cite "${ledger.source}": list only records with a citation of this source, or add the citation to data/${key}.yaml`,
        });
    }
}

function checkParagraphs(ledger: Ledger, file: string, text: string, problems: (Problem | PathProblem)[]) {
  const paragraphs = paragraphsOf(text);
  const listed = new Map<number, number>();
  ledger.paragraphs.forEach((p, i) => {
    const previous = ledger.paragraphs[i - 1];
    if (listed.has(p.n))
      problems.push({
        file,
        path: ['paragraphs', i, 'n'],
        rule: RULE,
        message: `paragraph ${p.n} is listed twice: list each paragraph once`,
      });
    else if (previous && p.n < previous.n)
      problems.push({
        file,
        path: ['paragraphs', i, 'n'],
        rule: RULE,
        message: `paragraph ${p.n} comes after paragraph ${previous.n}: list paragraphs in the order of the text`,
      });
    if (!listed.has(p.n)) listed.set(p.n, i);
    const paragraph = paragraphs[p.n - 1];
    if (!paragraph) {
      problems.push({
        file,
        path: ['paragraphs', i, 'n'],
        rule: RULE,
        message: `the text of "${ledger.source}" has ${paragraphs.length} paragraphs (non-blank lines), not ${p.n}`,
      });
      return;
    }
    const anchor = normalizeSpace(p.anchor);
    const words = anchor.split(' ').length;
    const whole = anchor === paragraph.text;
    const prefix = paragraph.text.startsWith(anchor) && (whole || paragraph.text[anchor.length] === ' ');
    if (!prefix)
      problems.push({
        file,
        path: ['paragraphs', i, 'anchor'],
        rule: RULE,
        message: `anchor ${quoted(p.anchor)} is not how paragraph ${p.n} begins: it begins ${quoted(suggestedAnchor(paragraph.text))}`,
      });
    else if (!whole && (words < ANCHOR_WORDS.min || words > ANCHOR_WORDS.max))
      problems.push({
        file,
        path: ['paragraphs', i, 'anchor'],
        rule: RULE,
        message: `anchor of paragraph ${p.n} has ${words} words: give its first ${ANCHOR_WORDS.min}–${ANCHOR_WORDS.max} words (or the whole paragraph when shorter), e.g. ${quoted(suggestedAnchor(paragraph.text))}`,
      });
  });
  for (const paragraph of paragraphs)
    if (!listed.has(paragraph.n))
      problems.push({
        file,
        path: ['paragraphs'],
        at: 'key',
        rule: RULE,
        message: `paragraph ${paragraph.n} of "${ledger.source}" is missing: add { n: ${paragraph.n}, anchor: ${quoted(suggestedAnchor(paragraph.text))}, records: [collection/id, …] } or, when it produced no record, reason: <why>`,
      });
}
