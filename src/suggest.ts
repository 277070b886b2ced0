import { distance } from 'fastest-levenshtein';

/** How far a typo may be from what was meant. Short codes (USD, AZ) tolerate one edit; words tolerate two (a swapped pair like "nmae"). */
const toleranceOf = (needle: string) => (needle.length <= 3 ? 1 : Math.max(2, Math.floor(needle.length / 3)));

/**
 * Up to this many candidates are compared one by one. Beyond it, a candidate is compared only
 * when it shares rare trigrams with the input (at most SHORTLIST of them, the ones sharing the
 * most), so a query costs the same against 10,000 ids as against 1,000: a dataset with thousands
 * of unknown references no longer does thousands × all-ids comparisons.
 */
export const LINEAR_LIMIT = 256;
export const SHORTLIST = 24;
/** A trigram in more candidates than this says nothing about which one was meant: skipped. */
const COMMON_GRAM = 256;

export interface Suggester {
  /** The closest candidate to `input`, when it is close enough to be a likely typo. */
  closest(input: string): string | undefined;
  /** Edit-distance computations so far (for tests of the bound). */
  readonly comparisons: number;
}

const trigrams = (s: string): Set<string> => {
  const padded = `\u0002\u0002${s}\u0003`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
};

/** Indexes the candidates once; each query then costs at most max(LINEAR_LIMIT, SHORTLIST) comparisons. */
export function createSuggester(candidates: Iterable<string>): Suggester {
  const list = [...new Set(candidates)];
  const lower = list.map((c) => c.toLowerCase());
  let comparisons = 0;
  let postings: Map<string, number[]> | undefined;
  const index = () => {
    if (postings) return postings;
    postings = new Map();
    lower.forEach((c, i) => {
      for (const gram of trigrams(c)) {
        const p = postings!.get(gram);
        if (p) p.push(i);
        else postings!.set(gram, [i]);
      }
    });
    return postings;
  };
  const shortlist = (needle: string): number[] => {
    if (list.length <= LINEAR_LIMIT) return list.map((_, i) => i);
    const shared = new Map<number, number>();
    for (const gram of trigrams(needle)) {
      const p = index().get(gram);
      if (!p || p.length > COMMON_GRAM) continue;
      for (const i of p) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, SHORTLIST)
      .map(([i]) => i);
  };
  return {
    get comparisons() {
      return comparisons;
    },
    closest(input) {
      const needle = input.toLowerCase();
      const tolerance = toleranceOf(needle);
      let best: number | undefined;
      let bestDistance = Infinity;
      for (const i of shortlist(needle)) {
        if (Math.abs(lower[i]!.length - needle.length) > tolerance) continue;
        comparisons++;
        const d = distance(needle, lower[i]!);
        if (d < bestDistance || (d === bestDistance && best !== undefined && i < best)) {
          best = i;
          bestDistance = d;
        }
      }
      return best !== undefined && bestDistance > 0 && bestDistance <= tolerance ? list[best] : undefined;
    },
  };
}

/** The closest candidate to `input`, when it is close enough to be a likely typo. */
export const didYouMean = (input: string, candidates: Iterable<string>): string | undefined => createSuggester(candidates).closest(input);

export const hintFor = (match: string | undefined): string => (match ? `; did you mean "${match}"?` : '');

export const suggestion = (input: string, candidates: Iterable<string>): string => hintFor(didYouMean(input, candidates));
