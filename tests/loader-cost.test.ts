/**
 * Issue 13, "unbounded time on small files": reporting costs in proportion to the file,
 * not to the file times its number of problems. Proven by counting the loader's work
 * (document nodes visited, mapping entries inspected) at two sizes, never by a clock;
 * the timeout is only a guard against a hang.
 */
import { describe, expect, it } from 'vitest';
import { loaderWork, resetLoaderWork } from '../src/load/cost.js';
import { parseRecord } from '../src/load/record.js';
import type { RecordFile } from '../src/model/record.js';

const file: RecordFile = { collection: 'corridors', path: 'corridors/x.yaml', display: 'corridors/x.yaml', stem: 'x' };
const head = 'id: x\nname: X\nkind: road\nstatus: proposed\nsources:\n  - source: example-news\n    excerpt: "+40 km of road and rail"\n';

const cases: Record<string, (n: number) => string> = {
  // Every error used to walk the whole document to find where its quote opened.
  'unclosed quotes': (n) => Array.from({ length: n }, (_, i) => `k${i}: "u\n`).join(''),
  // Every problem used to search its mapping from the top; yaml compared each key with every earlier one.
  'unknown keys': (n) => head + Array.from({ length: n }, (_, i) => `u${i}: v\n`).join(''),
  'duplicate keys': (n) => head + Array.from({ length: n }, () => 'name: again\n').join(''),
  // One mapping nested in a list: locating walks list → mapping for each problem.
  'unknown keys in a nested mapping': (n) => head + Array.from({ length: n }, (_, i) => `    w${i}: v\n`).join(''),
};

function measure(text: string): { work: number; problems: number } {
  resetLoaderWork();
  const outcome = parseRecord(file, new TextEncoder().encode(text));
  return { work: loaderWork.nodeVisits + loaderWork.keyLookups, problems: outcome.problems.length };
}

describe('loader work grows linearly with the file, whatever its number of problems', () => {
  for (const [name, make] of Object.entries(cases))
    it(name, { timeout: 30_000 }, () => {
      const small = measure(make(1_000));
      const large = measure(make(8_000));
      // One problem per line: the reports really are proportional to the input.
      expect(small.problems).toBeGreaterThanOrEqual(1_000);
      expect(large.problems).toBeGreaterThanOrEqual(8_000);
      // Linear: 8× the lines cost at most ~8× the work (quadratic would be 64×).
      expect(large.work / small.work).toBeLessThan(8 * 1.2);
      // And a small constant per line, not per line × lines.
      expect(large.work / 8_000).toBeLessThan(20);
    });
});
