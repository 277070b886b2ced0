/**
 * verify-sources: checks the evidence against the archived source texts. Every source's
 * text is found by its SHA-256; every excerpt must occur in its source's text (runs of
 * whitespace compared as one space, all other characters exactly). The dataset's own
 * validation runs first, so quotes outside their excerpts are reported here too.
 */
import { createHash } from 'node:crypto';
import { locateProblems } from '../load/locate-problems.js';
import { compareProblems, type PathProblem, type Problem } from '../problems.js';
import type { Source } from '../schema/index.js';
import { normalizeSpace } from '../text.js';
import { validateDataDir } from '../validate.js';
import { readTextFiles } from './text-files.js';

export interface VerifyOptions {
  textsDir: string;
  /** Do not fail when a source's text is not in textsDir (contributors without the archive). */
  allowMissing?: boolean;
}

export interface VerifyResult {
  problems: Problem[];
  /** Citations checked against a text, and citations skipped because the text is missing. */
  checkedExcerpts: number;
  skippedExcerpts: number;
  missingSources: string[];
}

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

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function hashTexts(dir: string, problems: Problem[]): Map<string, string> {
  const byHash = new Map<string, string>();
  const read = readTextFiles(dir);
  problems.push(...read.problems);
  for (const { bytes } of read.files) byHash.set(sha256(bytes), new TextDecoder('utf-8').decode(bytes));
  return byHash;
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
  const sourceParagraphs = new Map<string, string[]>();
  const missingSources: string[] = [];
  for (const record of validation.records) {
    if (record.collection !== 'sources') continue;
    const source = record.data as Source;
    const text = texts.get(source.text_sha256);
    if (text !== undefined) {
      sourceText.set(source.id, normalizeSpace(text));
      sourceParagraphs.set(source.id, paragraphOpenings(text));
    }
    else {
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
      const detail = prefix.length > 0 ? `; it matches up to "${prefix.slice(-40)}" and then differs at "${excerpt.slice(prefix.length, prefix.length + 20)}"` : '';
      problems.push({
        file: record.file.display,
        path: ['sources', i, 'excerpt'],
        rule: 'excerpt-verbatim',
        message: `excerpt is not a verbatim span of source "${citation.source}"${detail} (copy it character for character; only whitespace may differ)`,
      });
    });
  }
  const pathOf = new Map(validation.records.map((r) => [r.file.display, r.file.path]));
  return {
    problems: locateProblems(problems, (d) => pathOf.get(d) ?? d).sort(compareProblems),
    checkedExcerpts,
    skippedExcerpts,
    missingSources,
  };
}
