/**
 * What an excerpt must be to say something. Shared by `validate` (no source texts) and
 * `verify-sources` (with the texts):
 *
 * - an excerpt has at least EXCERPT_MIN_WORDS words and EXCERPT_MIN_CHARS characters after
 *   whitespace is collapsed, or it is a whole line of the source text (a byline, a dateline);
 * - `validate` cannot see the text, so it rejects only what cannot be meaningful even as a
 *   whole line: fewer than EXCERPT_FLOOR_CHARS characters, or no letter or digit at all
 *   (`" "`, `"\t"`, `"."`, `"the"`);
 * - `verify-sources` applies the full minimum, accepting a shorter excerpt only when it is
 *   a whole line of its source.
 */
import { quoted } from '../util/visible.js';

export const EXCERPT_MIN_WORDS = 2;
export const EXCERPT_MIN_CHARS = 10;
export const EXCERPT_FLOOR_CHARS = 4;

export const EXCERPT_RULE = `an excerpt is a verbatim span of the source of at least ${EXCERPT_MIN_WORDS} words and ${EXCERPT_MIN_CHARS} characters, or a whole line of the source such as a byline`;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) =>
  collapse(s)
    .split(' ')
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** True when the excerpt is long enough on its own (no text needed). */
export const meetsExcerptMinimum = (excerpt: string): boolean =>
  words(excerpt) >= EXCERPT_MIN_WORDS && collapse(excerpt).length >= EXCERPT_MIN_CHARS;

const FOUR_VISIBLE = new RegExp(`\\S(?:\\s*\\S){${EXCERPT_FLOOR_CHARS - 1}}`);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when not even a whole line of a text could make the excerpt meaningful. */
export const belowExcerptFloor = (excerpt: string): boolean =>
  // Four non-space characters make a collapsed length of at least four: most excerpts end
  // the length test without being collapsed. A word needs a letter or digit somewhere.
  (!FOUR_VISIBLE.test(excerpt) && collapse(excerpt).length < EXCERPT_FLOOR_CHARS) || !LETTER_OR_DIGIT.test(excerpt);

/** True when the excerpt is one whole line of the text (whitespace collapsed). */
export const isWholeLine = (excerpt: string, text: string): boolean => {
  const wanted = collapse(excerpt);
  return wanted !== '' && text.split(/\r\n|\r|\n/).some((line) => collapse(line) === wanted);
};

/** The message for an excerpt that says nothing. */
export const excerptMinimumMessage = (excerpt: string): string =>
  `excerpt ${quoted(excerpt)} is too short to be evidence: ${EXCERPT_RULE} (whitespace collapsed); copy the clause that supports the fields`;
