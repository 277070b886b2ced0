/**
 * verify-sources: checks the evidence against the archived source texts. Every source's
 * text is found by its SHA-256; every excerpt must occur in its source's text (runs of
 * whitespace compared as one space, all other characters exactly). The dataset's own
 * validation runs first, so quotes outside their excerpts are reported here too.
 *
 * With the texts it also checks what `validate` cannot: the full excerpt minimum (2 words
 * and 10 characters, or a whole line of the text; see src/schema/excerpt.ts), the coverage
 * ledgers (src/verify/ledgers.ts), and, as warnings that do not fail, excerpts that
 * together reproduce more than half of a source or a whole long paragraph.
 */
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { locateProblems } from '../load/locate-problems.js';
import { compareProblems, type PathProblem, type Problem } from '../problems.js';
import { belowExcerptFloor, excerptMinimumMessage, isWholeLine, meetsExcerptMinimum } from '../schema/excerpt.js';
import type { Source } from '../schema/index.js';
import { citationsOf } from '../model/citations.js';
import { normalizeSpace } from '../text.js';
import { validateDataDir } from '../validate.js';
import { COVERAGE_WARN_SHARE, LONG_PARAGRAPH_CHARS, sourceCoverage, type SourceCoverage } from './coverage.js';
import { checkLedgers } from './ledgers.js';
import { readTextFiles } from './text-files.js';

export interface VerifyOptions {
  textsDir: string;
  /** Do not fail when a source's text is not in textsDir (contributors without the archive). */
  allowMissing?: boolean | undefined;
  /** Folder of the coverage ledgers (default: `ledgers/` beside the data folder). */
  ledgersDir?: string;
}

export interface VerifyResult {
  problems: Problem[];
  /** Citations checked against a text, and citations skipped because the text is missing. */
  checkedExcerpts: number;
  skippedExcerpts: number;
  missingSources: string[];
  /** Printed, never a failure: excerpts reproducing too much of a source. */
  warnings: Problem[];
  /** Excerpt coverage of each source whose text was found. */
  coverage: Map<string, SourceCoverage>;
}

export const defaultLedgersDir = (dataDir: string): string => join(dirname(resolve(dataDir)), 'ledgers');

/**
 * Copyright guard: an excerpt is evidence, not a copy. It may not reproduce the opening
 * PARAGRAPH_PREFIX characters of a source paragraph (which would make it most or all of it).
 */
export const PARAGRAPH_PREFIX = 200;

const paragraphOpenings = (text: string): string[] =>
  text
    .split(/\n/)
    .map(normalizeSpace)
    .filter((p) => p.length > PARAGRAPH_PREFIX)
    .map((p) => p.slice(0, PARAGRAPH_PREFIX));

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function hashTexts(dir: string, problems: Problem[]): Map<string, string> {
  const byHash = new Map<string, string>();
  const read = readTextFiles(dir);
  problems.push(...read.problems);
  for (const { bytes } of read.files) byHash.set(sha256(bytes), new TextDecoder('utf-8').decode(bytes));
  return byHash;
}

/** The archived text of each source found in `textsDir` (by SHA-256), by source id; unreadable files are skipped. */
export function sourceTexts(textsDir: string, sources: readonly Source[]): Map<string, string> {
  const byHash = hashTexts(textsDir, []);
  return new Map(sources.flatMap((s) => (byHash.has(s.text_sha256) ? [[s.id, byHash.get(s.text_sha256)!] as const] : [])));
}

/** The longest prefix of `excerpt` found in `text`, to show where a copy diverges. */
function matchedPrefix(excerpt: string, text: string): string {
  let lo = 0;
  let hi = excerpt.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (text.includes(excerpt.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return excerpt.slice(0, lo);
}

export function verifySources(dataDir: string, options: VerifyOptions): VerifyResult {
  const validation = validateDataDir(dataDir);
  const problems: (Problem | PathProblem)[] = [...validation.problems];
  const texts = hashTexts(options.textsDir, problems as Problem[]);
  const sourceText = new Map<string, string>();
  const rawText = new Map<string, string>();
  const sourceFiles = new Map<string, string>();
  const sourceParagraphs = new Map<string, string[]>();
  const missingSources: string[] = [];
  for (const record of validation.records) {
    if (record.collection !== 'sources') continue;
    const source = record.data as Source;
    const text = texts.get(source.text_sha256);
    sourceFiles.set(source.id, record.file.display);
    if (text !== undefined) {
      rawText.set(source.id, text);
      sourceText.set(source.id, normalizeSpace(text));
      sourceParagraphs.set(source.id, paragraphOpenings(text));
    } else {
      missingSources.push(source.id);
      if (!options.allowMissing)
        problems.push({
          file: record.file.display,
          path: ['text_sha256'],
          rule: 'source-text',
          message: `no file in ${options.textsDir} has this SHA-256${source.archived_as ? ` (expected ${source.archived_as})` : ''}: add the text, fix the hash, or pass --allow-missing`,
        });
    }
  }
  let checkedExcerpts = 0;
  let skippedExcerpts = 0;
  for (const record of validation.records) {
    if (!('sources' in record.data) || !Array.isArray(record.data.sources)) continue;
    record.data.sources.forEach((citation: { source: string; excerpt: string }, i: number) => {
      const text = sourceText.get(citation.source);
      if (text === undefined) {
        skippedExcerpts++;
        return;
      }
      checkedExcerpts++;
      const excerpt = normalizeSpace(citation.excerpt);
      if (text.includes(excerpt)) {
        if (!meetsExcerptMinimum(excerpt) && !belowExcerptFloor(excerpt) && !isWholeLine(excerpt, rawText.get(citation.source)!))
          problems.push({
            file: record.file.display,
            path: ['sources', i, 'excerpt'],
            rule: 'excerpt-minimum',
            message: excerptMinimumMessage(citation.excerpt),
          });
        if (sourceParagraphs.get(citation.source)!.some((opening) => excerpt.includes(opening)))
          problems.push({
            file: record.file.display,
            path: ['sources', i, 'excerpt'],
            rule: 'excerpt-length',
            message: `excerpt reproduces the first ${PARAGRAPH_PREFIX}+ characters of a paragraph of "${citation.source}": quote only the clause that supports the record (source texts are not ours to redistribute)`,
          });
        return;
      }
      const prefix = matchedPrefix(excerpt, text);
      const detail =
        prefix.length > 0
          ? `; it matches up to "${prefix.slice(-40)}" and then differs at "${excerpt.slice(prefix.length, prefix.length + 20)}"`
          : '';
      problems.push({
        file: record.file.display,
        path: ['sources', i, 'excerpt'],
        rule: 'excerpt-verbatim',
        message: `excerpt is not a verbatim span of source "${citation.source}"${detail} (copy it character for character; only whitespace may differ)`,
      });
    });
  }
  const ledgers = checkLedgers({
    ledgersDir: options.ledgersDir ?? defaultLedgersDir(dataDir),
    texts: rawText,
    records: validation.records,
    sourceFiles,
  });
  problems.push(...ledgers.problems);

  const warnings: PathProblem[] = [];
  const coverage = new Map<string, SourceCoverage>();
  for (const [id, text] of rawText) {
    const excerpts = validation.records.flatMap((r) =>
      citationsOf(r.data)
        .filter((c) => c.source === id)
        .map((c) => c.excerpt),
    );
    const result = sourceCoverage(text, excerpts);
    coverage.set(id, result);
    const file = sourceFiles.get(id)!;
    if (result.share > COVERAGE_WARN_SHARE)
      warnings.push({
        file,
        path: ['id'],
        rule: 'excerpt-coverage',
        message: `the excerpts citing "${id}" together cover ${percent(result.share)} of its text (more than ${percent(COVERAGE_WARN_SHARE)}): keep each excerpt to the clause that supports its fields`,
      });
    for (const p of result.wholeParagraphs)
      warnings.push({
        file,
        path: ['id'],
        rule: 'paragraph-reproduced',
        message: `the excerpts citing "${id}" reproduce paragraph ${p.n} whole (${p.text.length} characters, over ${LONG_PARAGRAPH_CHARS}), beginning "${p.text.slice(0, 40)}…": shorten the excerpts to the clauses that support their fields`,
      });
  }

  const pathOf = new Map([...validation.records.map((r) => [r.file.display, r.file.path] as const), ...ledgers.files]);
  const locate = (list: readonly (Problem | PathProblem)[]) => locateProblems(list, (d) => pathOf.get(d) ?? d).sort(compareProblems);
  return {
    problems: locate(problems),
    checkedExcerpts,
    skippedExcerpts,
    missingSources,
    warnings: locate(warnings),
    coverage,
  };
}
