import { readFileSync } from 'node:fs';
import type { PathProblem, Problem } from '../problems.js';
import { locatePath } from './positions.js';
import { parseYamlFile } from './yaml-file.js';

/**
 * Gives path-addressed problems their line:col. Files are re-parsed here, only those
 * with problems, so validating a large dataset never holds every YAML tree in memory.
 */
export function locateProblems(problems: readonly (PathProblem | Problem)[], pathOf: (display: string) => string): Problem[] {
  const parsed = new Map<string, ReturnType<typeof parseYamlFile>>();
  return problems.map((p) => {
    if (!('path' in p)) return p;
    let file = parsed.get(p.file);
    if (!file) {
      file = parseYamlFile(p.file, readFileSync(pathOf(p.file)));
      parsed.set(p.file, file);
    }
    const { line, col } = file.doc && file.lineCounter ? locatePath(file.doc, file.lineCounter, p.path, p.at) : { line: 1, col: 1 };
    return { file: p.file, line, col, rule: p.rule, message: p.message };
  });
}
