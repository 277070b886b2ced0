import { normalizeSpace } from '../text.js';
import { recordCheck } from './types.js';

const RULE = 'quote-form';

const OPEN = '“„«‘';
const CLOSE = '”»’';

/**
 * Whether the span [start, end) of an excerpt lies inside quotation marks: an opening mark
 * before it not yet closed, or (an excerpt cut inside a quotation) a closing mark after it
 * before any opening one. ’ counts as closing only when no letter follows (not an apostrophe);
 * a straight " opens or closes by parity.
 */
export function isQuoted(excerpt: string, start: number, end: number): boolean {
  const isClose = (i: number) => CLOSE.includes(excerpt[i]!) && !(excerpt[i] === '’' && /\p{L}/u.test(excerpt[i + 1] ?? ''));
  let depth = 0;
  let straight = 0;
  for (let i = 0; i < start; i++) {
    if (OPEN.includes(excerpt[i]!)) depth++;
    else if (isClose(i)) depth = Math.max(0, depth - 1);
    else if (excerpt[i] === '"') straight++;
  }
  if (depth > 0 || straight % 2 === 1) return true;
  if (/^[“„«‘"]/.test(excerpt.slice(start, end))) return true;
  for (let i = end; i < excerpt.length; i++) {
    if (OPEN.includes(excerpt[i]!)) return false;
    if (isClose(i)) return true;
    if (excerpt[i] === '"') return !excerpt.slice(0, start).includes('"');
  }
  return false;
}

export const quoteForm = recordCheck({
  name: RULE,
  description: 'A direct quote is in quotation marks in one of its excerpts; a reported statement is not.',
  collection: 'quotes',
  check: ({ data: q }) => {
    const text = normalizeSpace(q.text);
    const spans = q.sources.flatMap((c) => {
      const excerpt = normalizeSpace(c.excerpt);
      const at = excerpt.indexOf(text);
      return at === -1 ? [] : [isQuoted(excerpt, at, at + text.length)];
    });
    if (spans.length === 0) return []; // quote-in-excerpt reports it
    if (q.form === 'direct' && !spans.includes(true))
      return [
        {
          path: ['form'],
          message:
            'form is direct, but no excerpt has these words in quotation marks: use form: reported for a statement in reported speech, or cite the sentence that quotes it',
        },
      ];
    if (q.form === 'reported' && !spans.includes(false))
      return [{ path: ['form'], message: 'form is reported, but the excerpt has these words in quotation marks: use form: direct' }];
    return [];
  },
});
