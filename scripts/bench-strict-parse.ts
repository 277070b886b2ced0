/**
 * The parser of the benchmark's floor 3 (scripts/bench-task.ts loads this module only for that
 * task): `yaml` with the options of the strict path (src/load/yaml-file.ts). Returns whether
 * the text held a document. Floor 2 imports js-yaml alone, so that it does not load `yaml` too.
 */
import { LineCounter, parseDocument } from 'yaml';

export function strictParse(text: string): boolean {
  const doc = parseDocument(text, {
    lineCounter: new LineCounter(),
    prettyErrors: false,
    uniqueKeys: false,
    strict: true,
    schema: 'core',
    version: '1.2',
  });
  return doc.errors.length === 0 && doc.toJS() !== null;
}
