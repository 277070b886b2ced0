/** The synthetic data generator used by the benchmark (issue #7): valid, deterministic, realistic. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../src/schema/index.js';
import { validateDataDir } from '../src/validate.js';
import { plan, writeSynthetic } from '../scripts/gen-synthetic.js';

const root = mkdtempSync(join(tmpdir(), 'cc-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const snapshot = (dir: string) =>
  Object.fromEntries(
    COLLECTION_NAMES.flatMap((c) =>
      readdirSync(join(dir, c))
        .sort()
        .map((f) => [`${c}/${f}`, readFileSync(join(dir, c, f), 'utf8')]),
    ),
  );

describe('gen-synthetic', () => {
  const a = join(root, 'a');
  const b = join(root, 'b');
  writeSynthetic({ records: 600, out: a, seed: '7' });
  writeSynthetic({ records: 600, out: b, seed: '7' });

  it('writes exactly N records over all collections', () => {
    const files = Object.keys(snapshot(a));
    expect(files).toHaveLength(600);
    for (const c of COLLECTION_NAMES)
      expect(
        files.some((f) => f.startsWith(`${c}/`)),
        c,
      ).toBe(true);
    expect(Object.values(plan(100_000)).reduce((x, y) => x + y, 0)).toBe(100_000);
  });

  it('writes a valid data directory (schemas, references, quotes inside excerpts)', () => {
    const result = validateDataDir(a);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(600);
  });

  it('is deterministic: same arguments, byte-identical files; another seed, other files', () => {
    expect(snapshot(b)).toEqual(snapshot(a));
    const c = join(root, 'c');
    writeSynthetic({ records: 600, out: c, seed: '8' });
    expect(snapshot(c)).not.toEqual(snapshot(a));
    writeSynthetic({ records: 600, out: c, seed: '7' }); // overwriting clears the old records
    expect(snapshot(c)).toEqual(snapshot(a));
  });

  it('has realistic text: excerpts of 100–350 characters, diacritics, cross references', () => {
    const all = Object.values(snapshot(a)).join('\n');
    expect(all).toMatch(/[çəöüğışÇƏÖÜĞİŞ]/);
    const corridors = validateDataDir(a).records.filter((r) => r.collection === 'corridors');
    expect(corridors.some((r) => 'countries' in r.data && r.data.countries?.length)).toBe(true);
    expect(corridors.some((r) => 'part_of' in r.data && r.data.part_of?.length)).toBe(true);
    for (const r of validateDataDir(a).records)
      if ('sources' in r.data && Array.isArray(r.data.sources))
        for (const c of r.data.sources as { excerpt: string }[]) {
          expect(c.excerpt.length).toBeGreaterThanOrEqual(100);
          expect(c.excerpt.length).toBeLessThanOrEqual(350);
        }
  });

  it('refuses to overwrite a folder that is not a data directory, and leaves it as it was', () => {
    const foreign = join(root, 'foreign');
    mkdirSync(join(foreign, 'actors'), { recursive: true });
    writeFileSync(join(foreign, 'notes.txt'), 'not data');
    writeFileSync(join(foreign, 'actors', 'kept.yaml'), 'id: kept\n');
    expect(() => writeSynthetic({ records: 10, out: foreign, seed: '1' })).toThrow(/refusing/);
    expect(readdirSync(foreign).sort()).toEqual(['actors', 'notes.txt']);
    expect(readdirSync(join(foreign, 'actors'))).toEqual(['kept.yaml']);
    expect(readFileSync(join(foreign, 'notes.txt'), 'utf8')).toBe('not data');
  });
});
