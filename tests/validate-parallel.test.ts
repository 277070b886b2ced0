/**
 * Worker threads change nothing but speed: the same records, the same located problems,
 * in the same order, as validating on one thread (issue 12), whether the files are spread over
 * worker threads or go through the pipeline (parsed here, checked on a worker thread).
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_MIN_FILES, validateDataDir, validateDataDirParallel, validateModeFor } from '../src/validate.js';
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

  it('through the pipeline: the same records and problems, the files the worker gives back validated here', {
    timeout: 60_000,
  }, async () => {
    const dir = join(tempDir(), 'data');
    cpSync(VALID, dir, { recursive: true });
    // Files the fast path refuses (validated here from the start), files their schema refuses
    // (given back by the worker) and dataset problems, spread over batches.
    for (const name of ['multi-file', 'yaml-syntax', 'unknown-keys', 'number-forms', 'duplicate-key', 'bad-references'])
      cpSync(join(ROOT, 'tests', 'fixtures', 'hostile', name, 'data'), dir, { recursive: true });
    const one = validateDataDir(dir);
    expect(one.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['schema', 'yaml-syntax', 'references']));
    const how: [number, string][] = [];
    const options = { threads: 2, pipelineMinFiles: 0, batch: 3, onWorkers: (n: number, mode: string) => how.push([n, mode]) };
    const piped = await validateDataDirParallel(dir, options);
    const checked = await validateDataDirParallel(dir, { ...options, records: false });
    expect(how, 'the files really went through the pipeline, twice').toEqual([
      [1, 'pipeline'],
      [1, 'pipeline'],
    ]);
    for (const result of [piped, checked]) {
      expect(result.problems).toEqual(one.problems);
      expect(result.checked).toBe(one.checked);
    }
    expect(piped.records.map((r) => [r.collection, r.file.path, r.data])).toEqual(
      one.records.map((r) => [r.collection, r.file.path, r.data]),
    );
    expect(checked).not.toHaveProperty('records');
  });

  it('chooses one thread, the pipeline or worker threads by the number of files', async () => {
    const modes: string[] = [];
    const onWorkers = (n: number, how: string) => modes.push(`${how} ${n}`);
    const data = join(ROOT, 'data');
    // The real dataset is below PIPELINE_MIN_FILES: one thread, no worker.
    await validateDataDirParallel(data, { threads: 2, records: false, onWorkers });
    expect(modes).toEqual([]);
    await validateDataDirParallel(data, { threads: 2, pipelineMinFiles: 0, records: false, onWorkers });
    // One core: never a worker thread.
    await validateDataDirParallel(data, { threads: 1, pipelineMinFiles: 0, minFiles: 0, records: false, onWorkers });
    await validateDataDirParallel(data, { threads: 2, pipelineMinFiles: 0, minFiles: 0, batch: 10, records: false, onWorkers });
    expect(modes).toEqual(['pipeline 1', 'workers 2']);
    expect(validateModeFor(PIPELINE_MIN_FILES - 1, { threads: 2 })).toBe('one thread');
    expect(validateModeFor(PIPELINE_MIN_FILES, { threads: 2 })).toBe('pipeline');
    expect(validateModeFor(PIPELINE_MIN_FILES, { threads: 1 })).toBe('one thread');
    expect(validateModeFor(PIPELINE_MIN_FILES, { threads: 2, minFiles: PIPELINE_MIN_FILES })).toBe('workers');
  });

  it('on the real data/ too', { timeout: 60_000 }, async () => {
    const data = join(ROOT, 'data');
    const one = validateDataDir(data);
    for (const parallel of [{ minFiles: 0 }, { pipelineMinFiles: 0 }]) {
      const many = await validateDataDirParallel(data, { threads: 2, batch: 3, ...parallel });
      expect(many.problems).toEqual(one.problems);
      expect(many.records.map((r) => r.data)).toEqual(one.records.map((r) => r.data));
    }
  });
});
