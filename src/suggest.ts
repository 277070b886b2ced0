import { distance } from 'fastest-levenshtein';

/** The closest candidate to `input`, when it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Short codes (USD, AZ) tolerate one edit; words tolerate two (a swapped pair like "nmae").
  const tolerance = needle.length <= 3 ? 1 : Math.max(2, Math.floor(needle.length / 3));
  return best !== undefined && bestDistance > 0 && bestDistance <= tolerance ? best : undefined;
}

export const suggestion = (input: string, candidates: Iterable<string>): string => {
  const match = didYouMean(input, candidates);
  return match ? `; did you mean "${match}"?` : '';
};
