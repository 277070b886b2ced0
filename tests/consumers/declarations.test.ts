/**
 * The generated interfaces (dist/types.d.ts) equal `DeepReadonly<z.infer<…>>` of every
 * collection schema, checked by the TypeScript compiler, so the hand-readable declarations
 * can never drift from the schemas. A deliberately wrong copy proves the check can fail.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { declarationsText } from '../../src/emit/declarations.js';
import { COLLECTION_NAMES, collections } from '../../src/schema/index.js';
import { ROOT, tempDirWithDeps } from '../helpers/run.js';

const dir = tempDirWithDeps('cc-decl-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schemaIndex = join(ROOT, 'src/schema/index.js');

let previous: ts.Program | undefined;
const check = (declarations: string): string[] => {
  writeFileSync(join(dir, 'types.d.ts'), declarations);
  const lines = COLLECTION_NAMES.map(
    (c) =>
      `export const ${collections[c].exportName}: Equal<T.${collections[c].typeName}, DeepReadonly<PublishedRecordOf<${JSON.stringify(c)}>>> = true;`,
  );
  writeFileSync(
    join(dir, 'check.ts'),
    `import type * as T from './types.js';
import type { PublishedRecordOf } from ${JSON.stringify(schemaIndex)};
type DeepReadonly<X> = X extends readonly (infer U)[] ? readonly DeepReadonly<U>[] : X extends object ? { readonly [K in keyof X]: DeepReadonly<X[K]> } : X;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
${lines.join('\n')}
`,
  );
  const program = ts.createProgram(
    [join(dir, 'check.ts')],
    {
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      allowImportingTsExtensions: false,
      types: [],
    },
    undefined,
    previous,
  );
  previous = program;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName.startsWith(dir) ?? true)
    .map((d) => {
      const line =
        d.file && d.start !== undefined
          ? d.file.text.slice(d.file.getLineStarts()[d.file.getLineAndCharacterOfPosition(d.start).line]).split('\n')[0]
          : '';
      return `${ts.flattenDiagnosticMessageText(d.messageText, '\n')} (${line?.slice(0, 60)})`;
    });
};

describe('generated declarations', () => {
  const text = declarationsText();

  it('equal DeepReadonly<z.infer<…>> of every collection schema', () => {
    expect(check(text)).toEqual([]);
  });

  it('the check fails when a declaration drifts (a field renamed)', () => {
    const drifted = text.replace('readonly excerpt: string;', 'readonly extract: string;');
    expect(drifted).not.toBe(text);
    expect(check(drifted).join('\n')).toMatch(/Type 'true' is not assignable to type 'false'/);
  });

  it('import nothing, document fields and use literal unions for vocabularies', () => {
    expect(text).not.toMatch(/\bimport\b|\bzod\b/);
    expect(text).toMatch(/export interface Corridor \{/);
    expect(text).toMatch(/\/\*\* Verbatim span of the source text[^*]*\*\/\n {2}readonly excerpt: string;/);
    expect(text).toMatch(/export type CorridorStatus =[\s|]*"proposed" \| "under-negotiation"/);
    expect(text).not.toMatch(/readonly \w+\??: [A-Za-z]+\[\]/);
  });
});
