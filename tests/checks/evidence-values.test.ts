import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDataDir } from '../../src/validate.js';
import { caseDataDir, caseLines, expectedLines } from './evidence-cases.js';

describe('evidence-values', () => {
  it('a number or a year absent from the supporting excerpts is an error', () => {
    const lines = caseLines('number-absent');
    expect(lines).toEqual(expectedLines('number-absent'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/: evidence-values: /);
  });

  it('a converted value passes with a note on its citation saying how, and fails without it', () => {
    expect(caseLines('number-converted')).toEqual([]);
    const dir = caseDataDir('number-converted');
    const file = join(dir, 'corridors', 'example-corridor.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {4}note: .*\n/, '\n'));
    const problems = validateDataDir(dir).problems;
    expect(problems.map((p) => [p.rule, p.line, p.col])).toEqual([['evidence-values', 7, 10]]);
    expect(problems[0]!.message).toMatch(/^length\.value: the value 64\.4 is not written .* say how in a note on that citation$/);
  });
});
