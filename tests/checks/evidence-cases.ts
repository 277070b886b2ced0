/**
 * The cases of tests/fixtures/evidence/<case>/: the valid fixture dataset with the files of
 * `<case>/data/` laid over it (same convention as tests/fixtures/hostile/). `expected.txt`
 * holds the exact problem lines `validate` reports for the case, paths relative to `data/`.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateDataDir } from '../../src/validate.js';
import { ROOT, tempDir, VALID } from '../helpers/run.js';

export const EVIDENCE_CASES = join(ROOT, 'tests', 'fixtures', 'evidence');

export function caseDataDir(name: string): string {
  const dir = join(tempDir('cc-evidence-'), 'data');
  cpSync(VALID, dir, { recursive: true });
  cpSync(join(EVIDENCE_CASES, name, 'data'), dir, { recursive: true });
  return dir;
}

/** `file:line:col: rule: message` for every problem of the case, file relative to data/. */
export function caseLines(name: string): string[] {
  const dir = caseDataDir(name);
  return validateDataDir(dir).problems.map((p) => `${relative(dir, p.file)}:${p.line}:${p.col}: ${p.rule}: ${p.message}`);
}

export const expectedLines = (name: string): string[] =>
  readFileSync(join(EVIDENCE_CASES, name, 'expected.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
