/**
 * The build writes every output while it validates, record by record, through a pipeline or on
 * worker threads for a large dataset (issue 12: no thread holds the dataset). It must write exactly the files the
 * in-memory emitters give for the same dataset, whatever the threads and batches, with records
 * in id order ("a-b" before "a", as ids sort, not as their file names do).
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_PARALLEL_MIN_FILES, BUILD_PIPELINE_MIN_FILES, buildDataDir, buildModeFor } from '../src/build.js';
import { dataEmitters, emitAll } from '../src/emit/index.js';
import { isFileWriter } from '../src/emit/types.js';
import { XLSX_PATH } from '../src/emit/xlsx.js';
import { toDataset } from '../src/model/dataset.js';
import { validateDataDir } from '../src/validate.js';
import { ROOT, snapshotDir, tempDir, VALID } from './helpers/run.js';

const pkg = { name: 'caucasus-corridors', version: '1.2.3', description: 'streamed build test' };

/**
 * The real data, plus a corridor whose id is another's followed by "-": its file name sorts
 * first, its id after. Its file starts with a document marker, which the loader's fast path
 * leaves to the strict parser: in the pipeline, a file the main thread could not parse.
 */
function dataWithPrefixIds(): string {
  const dir = join(tempDir('cc-streamed-'), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  const source = readFileSync(join(dir, 'corridors/aras-corridor.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'corridors/aras-corridor-north.yaml'),
    `---\n${source.replace('id: aras-corridor\n', 'id: aras-corridor-north\n').replace('name: Aras Corridor\n', 'name: Aras Corridor North\n')}`,
  );
  return dir;
}

/** The three modes, forced however few the files; batches small enough to cut collections anywhere. */
const MODES = {
  'one thread': { threads: 0 },
  pipeline: { threads: 2, minFiles: Number.POSITIVE_INFINITY, pipelineMinFiles: 0, batch: 7 },
  workers: { threads: 2, minFiles: 0, batch: 7 },
} as const;

/** What emitAll gives for the dataset, as bytes by path (the workbook written to a file). */
async function inMemory(dataDir: string): Promise<Map<string, Buffer>> {
  const { records, problems } = validateDataDir(dataDir);
  expect(problems).toEqual([]);
  const files = new Map<string, Buffer>();
  const scratch = tempDir('cc-streamed-xlsx-');
  for (const file of emitAll(dataEmitters, { dataset: toDataset(records), pkg })) {
    if (isFileWriter(file.contents)) {
      await file.contents.writeTo(join(scratch, 'book.xlsx'));
      files.set(file.path, readFileSync(join(scratch, 'book.xlsx')));
    } else files.set(file.path, Buffer.from(file.contents as string));
  }
  return files;
}

describe('the streamed build', () => {
  it('writes the bytes of the in-memory emitters on one thread, through the pipeline and on worker threads, batches cutting collections anywhere', {
    timeout: 120_000,
  }, async () => {
    const data = dataWithPrefixIds();
    const expected = await inMemory(data);
    const corridors = JSON.parse(expected.get('json/corridors.json')!.toString()).records.map((r: { id: string }) => r.id);
    expect(corridors.indexOf('aras-corridor-north')).toBe(corridors.indexOf('aras-corridor') + 1);
    for (const [mode, parallel] of Object.entries(MODES)) {
      const used: string[] = [];
      const out = join(tempDir('cc-streamed-out-'), 'dist');
      const result = await buildDataDir(data, out, { pkg, parallel: { ...parallel, onWorkers: (_, how) => used.push(how) } });
      expect(result.problems).toEqual([]);
      expect(used, mode).toEqual(mode === 'one thread' ? [] : [mode]);
      const written = snapshotDir(out);
      written.delete('.caucasus-corridors-build');
      expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
      expect(result.files).toEqual([...expected.keys()].sort());
      for (const [path, bytes] of expected) expect(written.get(path)?.equals(bytes), `${path} (${mode})`).toBe(true);
      expect(written.get(XLSX_PATH)!.length).toBeGreaterThan(10_000);
    }
  });

  it('refuses invalid data through the pipeline and on worker threads as on one thread: the same problems, nothing written', {
    timeout: 60_000,
  }, async () => {
    const data = join(tempDir('cc-streamed-bad-'), 'data');
    cpSync(VALID, data, { recursive: true });
    cpSync(join(ROOT, 'tests/fixtures/hostile/bad-references/data'), data, { recursive: true });
    // A value the fast path reads and the schema refuses: the pipeline's worker validates the file in full.
    const corridor = readdirSync(join(data, 'corridors')).sort()[0]!;
    writeFileSync(join(data, 'corridors', corridor), `${readFileSync(join(data, 'corridors', corridor), 'utf8')}colour: red\n`);
    const out = join(tempDir('cc-streamed-bad-out-'), 'dist');
    const one = await buildDataDir(data, out, { pkg, parallel: MODES['one thread'] });
    expect(one.problems.length).toBeGreaterThan(1);
    expect(one.problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining(corridor), rule: 'schema', line: expect.any(Number) }),
    );
    for (const mode of ['pipeline', 'workers'] as const) {
      const other = await buildDataDir(data, out, { pkg, parallel: { ...MODES[mode], batch: 2 } });
      expect(other.problems, mode).toEqual(one.problems);
      expect(other.files).toEqual([]);
    }
    expect(snapshotDir(join(out, '..')).size).toBe(0);
  });

  it('chooses one thread, the pipeline or worker threads by the number of files', () => {
    const two = { threads: 2 };
    expect(buildModeFor(BUILD_PIPELINE_MIN_FILES - 1, two)).toBe('one thread');
    expect(buildModeFor(BUILD_PIPELINE_MIN_FILES, two)).toBe('pipeline');
    expect(buildModeFor(BUILD_PARALLEL_MIN_FILES - 1, two)).toBe('pipeline');
    expect(buildModeFor(BUILD_PARALLEL_MIN_FILES, two)).toBe('workers');
    expect(buildModeFor(BUILD_PARALLEL_MIN_FILES, { threads: 1 })).toBe('one thread');
    expect(BUILD_PIPELINE_MIN_FILES).toBeLessThan(BUILD_PARALLEL_MIN_FILES);
  });
});
