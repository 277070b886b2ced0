/**
 * The parsers of the benchmark's floors 2 and 3 (scripts/bench-task.ts loads this module only
 * for those tasks): js-yaml as the loader's fast path uses it, and `yaml` with the options of
 * the strict path (src/load/yaml-file.ts). Each returns whether the text held a document.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';

export const jsYamlParse = (text: string): boolean => load(text, { schema: CORE_SCHEMA }) !== null;

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
