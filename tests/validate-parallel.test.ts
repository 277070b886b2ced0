/**
 * Worker threads change nothing but speed: the same records, the same located problems,
 * in the same order, as validating on one thread (issue 12).
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataDir, validateDataDirParallel } from '../src/validate.js';
import { ROOT, tempDir, VALID } from './helpers/run.js';

describe('validateDataDirParallel', () => {
  it('gives exactly the single-thread result, problems and records in the same order', { timeout: 60_000 }, async () => {
    const dir = join(tempDir(), 'data');
    cpSync(VALID, dir, { recursive: true });
    // Several broken files of every kind, spread over batches.
    for (const name of ['multi-file', 'yaml-syntax', 'unknown-keys', 'number-forms', 'duplicate-key', 'bad-references'])
      cpSync(join(ROOT, 'tests', 'fixtures', 'hostile', name, 'data'), dir, { recursive: true });
    const one = validateDataDir(dir);
    let usedWorkers = 0;
    const many = await validateDataDirParallel(dir, { threads: 2, minFiles: 0, batch: 3, onWorkers: () => usedWorkers++ });
    expect(usedWorkers, 'the files really went through worker threads').toBe(1);
    expect(one.problems.length).toBeGreaterThan(10);
    expect(many.problems).toEqual(one.problems);
    expect(many.checked).toBe(one.checked);
    expect(many.records.map((r) => [r.collection, r.file.path, r.data])).toEqual(
      one.records.map((r) => [r.collection, r.file.path, r.data]),
    );
  });

  it('without records (what validate asks for): the same problems, from summaries alone', { timeout: 60_000 }, async () => {
    const dir = join(tempDir(), 'data');
    cpSync(VALID, dir, { recursive: true });
    for (const name of ['bad-references', 'duplicate-key', 'unknown-keys'])
      cpSync(join(ROOT, 'tests', 'fixtures', 'hostile', name, 'data'), dir, { recursive: true });
    const one = validateDataDir(dir);
    let usedWorkers = 0;
    const many = await validateDataDirParallel(dir, { threads: 2, minFiles: 0, batch: 3, records: false, onWorkers: () => usedWorkers++ });
    expect(usedWorkers).toBe(1);
    expect(one.problems.some((p) => p.rule === 'references')).toBe(true);
    expect(many.problems).toEqual(one.problems);
    expect(many).not.toHaveProperty('records');
  });

  it('on the real data/ too', { timeout: 60_000 }, async () => {
    const data = join(ROOT, 'data');
    const one = validateDataDir(data);
    const many = await validateDataDirParallel(data, { threads: 2, minFiles: 0, batch: 3 });
    expect(many.problems).toEqual(one.problems);
    expect(many.records.map((r) => r.data)).toEqual(one.records.map((r) => r.data));
  });
});
