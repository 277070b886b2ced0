/**
 * Issue #13, bounded cost: "did you mean" must not compare an unknown id with every id of the
 * dataset (8,000 distinct unknown references against 8,000 ids took 24 s). Comparisons are
 * counted (every edit-distance computation goes through fastest-levenshtein), never timed.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let calls = 0;
vi.mock('fastest-levenshtein', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastest-levenshtein')>();
  return {
    ...original,
    distance: (a: string, b: string) => {
      calls++;
      return original.distance(a, b);
    },
  };
});

// Test files share their modules (vitest.config.ts, isolate: false): another file may already have
// loaded src/suggest.ts with the real library. Loaded afresh, it gets the counting one above.
vi.resetModules();
const { createSuggester, didYouMean, LINEAR_LIMIT, SHORTLIST } = await import('../src/suggest.js');
const { references } = await import('../src/checks/references.js');
const { runDatasetRule } = await import('./helpers/dataset-rule.js');

const WORDS = [
  'baku',
  'tbilisi',
  'kars',
  'railway',
  'middle',
  'corridor',
  'zangezur',
  'aktau',
  'port',
  'caspian',
  'pipeline',
  'trans',
  'anatolian',
  'gas',
  'power',
  'line',
  'black',
  'sea',
  'road',
  'bridge',
];
/** n distinct realistic ids: word pairs and triples, numbered when they run out. */
function ids(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const a = WORDS[i % WORDS.length]!;
    const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length]!;
    const c = WORDS[Math.floor(i / WORDS.length ** 2) % WORDS.length]!;
    out.push(`${a}-${b}-${c}${i >= WORDS.length ** 3 ? `-${i}` : ''}`);
  }
  return out;
}
/** A distinct id that is certainly not a candidate: a transposition plus a marker. */
const unknown = (id: string, i: number) => `${id.slice(0, 2)}${id[3]}${id[2]}${id.slice(4)}-x${i}`;

beforeEach(() => {
  calls = 0;
});

describe('did-you-mean is bounded per query', () => {
  it('8,000 distinct unknown ids against 8,000 ids: at most SHORTLIST comparisons each', () => {
    const candidates = ids(8000);
    const suggester = createSuggester(candidates);
    for (let i = 0; i < 8000; i++) suggester.closest(unknown(candidates[(i * 7919) % 8000]!, i));
    expect(suggester.comparisons).toBe(calls);
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(8000 * SHORTLIST);
    // The unbounded search compared each with every id: 64,000,000.
    expect(calls).toBeLessThan((8000 * 8000) / 100);
  });

  it('the cost per query does not grow with the number of ids', () => {
    const perQuery = (n: number) => {
      const candidates = ids(n);
      const suggester = createSuggester(candidates);
      for (let i = 0; i < 200; i++) suggester.closest(unknown(candidates[(i * 31) % n]!, i));
      return suggester.comparisons / 200;
    };
    const small = perQuery(2000);
    const large = perQuery(16000);
    expect(large).toBeLessThanOrEqual(SHORTLIST);
    expect(large).toBeLessThanOrEqual(Math.max(small, 1) * 2);
  });

  it('still finds the typo among thousands of ids', () => {
    const candidates = [...ids(8000), 'baku-tbilisi-kars-railway'];
    const suggester = createSuggester(candidates);
    expect(suggester.closest('baku-tbilisi-kars-railwya')).toBe('baku-tbilisi-kars-railway');
    expect(suggester.closest('bakku-tblisi-kars-railway')).toBe('baku-tbilisi-kars-railway');
    expect(suggester.closest('zangezur-coridor-kars')).toBe('zangezur-corridor-kars');
    expect(suggester.closest('completely-unrelated-words')).toBeUndefined();
  });

  it('small candidate sets are searched exhaustively, as before', () => {
    expect(LINEAR_LIMIT).toBeGreaterThanOrEqual(100);
    expect(didYouMean('nmae', ['name', 'aliases'])).toBe('name');
    expect(didYouMean('XYZ', ['BYN', 'USD'])).toBeUndefined();
    expect(didYouMean('USX', ['USD', 'EUR'])).toBe('USD');
  });
});

describe('the references check uses one index per collection', () => {
  it('8,000 distinct unknown actor references against 8,000 actors: bounded comparisons, every one reported', () => {
    const actorIds = ids(8000);
    const known = new Set(actorIds);
    const refs = actorIds.map((id, i) => unknown(id, i));
    const records = Array.from({ length: 80 }, (_, r) => ({
      collection: 'corridors' as const,
      file: { collection: 'corridors' as const, path: `corridors/c${r}.yaml`, display: `data/corridors/c${r}.yaml`, stem: `c${r}` },
      data: { id: `c${r}`, proponents: refs.slice(r * 100, r * 100 + 100) },
    }));
    const problems = runDatasetRule(references, records, {
      ids: (c) => (c === 'actors' ? actorIds.values() : [].values()),
      has: (c, id) => c === 'actors' && known.has(id),
      file: () => undefined,
    });
    expect(problems).toHaveLength(8000);
    expect(calls).toBeLessThanOrEqual(8000 * SHORTLIST);
    expect(calls).toBeLessThan((8000 * 8000) / 100);
  });
});
