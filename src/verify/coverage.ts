/**
 * How much of a source text its excerpts reproduce. Texts and excerpts are compared with
 * whitespace collapsed (as `verify-sources` matches excerpts); a source's paragraphs are
 * its non-blank lines, numbered from 1 (the numbering the coverage ledgers use).
 */
import { normalizeSpace } from '../text.js';

export interface Paragraph {
  /** 1-based position among the non-blank lines of the text. */
  n: number;
  /** The line, whitespace collapsed. */
  text: string;
  /** Offset of the paragraph in the whole text collapsed (paragraphs joined by one space). */
  start: number;
}

/** The non-blank lines of a text, whitespace collapsed, with their offsets in `collapsedText`. */
export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const collapsed = normalizeSpace(line);
    if (!collapsed) continue;
    out.push({ n: out.length + 1, text: collapsed, start: offset });
    offset += collapsed.length + 1;
  }
  return out;
}

/** The whole text collapsed: its paragraphs joined by single spaces (equal to `normalizeSpace(text)`). */
export const collapsedText = (paragraphs: readonly Paragraph[]): string => paragraphs.map((p) => p.text).join(' ');

type Interval = [number, number];

/** Where the excerpts lie in the collapsed text (every occurrence), merged into disjoint intervals. */
export function excerptIntervals(collapsed: string, excerpts: Iterable<string>): Interval[] {
  const found: Interval[] = [];
  for (const excerpt of new Set([...excerpts].map(normalizeSpace))) {
    if (!excerpt) continue;
    for (let at = collapsed.indexOf(excerpt); at !== -1; at = collapsed.indexOf(excerpt, at + 1)) found.push([at, at + excerpt.length]);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Interval[] = [];
  for (const [s, e] of found) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Characters of [start, end) the intervals cover. */
const coveredWithin = (intervals: readonly Interval[], start: number, end: number): number =>
  intervals.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, end) - Math.max(s, start)), 0);

export interface SourceCoverage {
  /** Characters of the collapsed text, and how many the union of excerpts covers. */
  chars: number;
  covered: number;
  /** covered / chars (0 for an empty text). */
  share: number;
  /** Paragraphs longer than the threshold that the excerpts reproduce whole. */
  wholeParagraphs: Paragraph[];
}

/** Share of a source above which `verify-sources` warns. */
export const COVERAGE_WARN_SHARE = 0.5;
/** A paragraph longer than this, reproduced whole by the excerpts, is warned about. */
export const LONG_PARAGRAPH_CHARS = 300;

export function sourceCoverage(text: string, excerpts: Iterable<string>): SourceCoverage {
  const paragraphs = paragraphsOf(text);
  const collapsed = collapsedText(paragraphs);
  const intervals = excerptIntervals(collapsed, excerpts);
  const covered = coveredWithin(intervals, 0, collapsed.length);
  const wholeParagraphs = paragraphs.filter(
    (p) => p.text.length > LONG_PARAGRAPH_CHARS && coveredWithin(intervals, p.start, p.start + p.text.length) === p.text.length,
  );
  return { chars: collapsed.length, covered, share: collapsed.length ? covered / collapsed.length : 0, wholeParagraphs };
}
