/**
 * The README's "Where things live" table, tested: a copy of the repository's src/ and
 * scripts/ gets a throwaway collection (a schema module and a registry entry), a rule (a
 * module and its line in src/checks/index.ts) and an output format (a module and its line in
 * src/emit/index.ts), and nothing else is edited by hand. The copy must then type-check,
 * validate with the new rule and derived reference checks, build JSON, CSV, JSON Schema, the
 * Data Package resource, the typed entry and the new output, and list them in package.json
 * `exports` (npm run sync:package).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDirWithDeps, VALID } from './helpers/run.js';

const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

const SCHEMA_MODULE = `import * as z from 'zod';
import { citations, id, note, ref, text } from './primitives.js';

export const widgetSchema = z
  .strictObject({
    id,
    name: text,
    maker: ref('actors').optional().meta({ description: 'Who makes it.' }),
    users: z.array(ref('actors')).min(1).optional(),
    note: note.optional(),
    sources: citations,
  })
  .meta({ title: 'Widget', description: 'A throwaway collection for the layout test.' });
`;

const RECORD = `id: example-widget
name: Example widget
maker: azerbaijan
users: [turkiye]
sources:
  - source: example-news
    excerpt: Azerbaijan and Türkiye proposed a route via Naxçıvan.
    supports: [name, maker, users]
`;

const RULE_MODULE = `import { recordCheck } from './types.js';

export const widgetMakerNotUser = recordCheck({
  name: 'widget-maker-not-user',
  description: 'A widget maker is not also one of its users.',
  collection: 'widgets',
  check: ({ data }) =>
    data.maker !== undefined && data.users?.includes(data.maker)
      ? [{ path: ['users'], message: 'the maker is also listed among the users: remove it from users' }]
      : [],
});
`;

const FORMAT_MODULE = `import { type Emitter, lineSlot } from './types.js';

export const idListEmitter: Emitter = {
  name: 'id-list',
  emit: () => [{ path: 'ids.txt', contents: [lineSlot('ids')] }],
  *record(collection, record) {
    yield ['ids', \`\${collection}/\${record.id}\\n\`];
  },
};
`;

/** Adds an import and one item to the list `const NAME: … = [ … ]` of a module. */
function addToList(source: string, list: string, item: string, importLine: string): string {
  const pattern = new RegExp(`(export const ${list}: readonly \\w+\\[\\] = \\[)`);
  expect(source).toMatch(pattern);
  return source.replace(pattern, `$1${item}, `).replace(/\nimport /, `\n${importLine}\nimport `);
}

/** The registry entry: the name in COLLECTION_NAMES and the entry beside the others. */
function addRegistryEntry(index: string): string {
  const names = /export const COLLECTION_NAMES = \[([^\]]*)\] as const;/;
  const entry = /\n(\s*)quotes: \{[^\n]*\},\n/;
  expect(index).toMatch(names);
  expect(index).toMatch(entry);
  return index
    .replace(names, (_, list: string) => `export const COLLECTION_NAMES = [${list}, 'widgets'] as const;`)
    .replace(
      entry,
      (whole, indent: string) =>
        `${whole}${indent}widgets: { exportName: 'widgets', singular: 'widget', typeName: 'Widget', schema: widgetSchema, published: publishedSchema(widgetSchema) },\n`,
    )
    .replace(/\nimport /, `\nimport { widgetSchema } from './widgets.js';\nimport `);
}

describe('a new collection, rule and output format need only the edits the README lists', () => {
  let dir: string;
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', TSX, join(dir, script), ...args], { cwd: dir, encoding: 'utf8' });
  /** Validates the copy with the example widget written as `text`, then puts the record back. */
  const validateWithRecord = (text: string) => {
    const path = join(dir, 'data/widgets/example-widget.yaml');
    writeFileSync(path, text);
    try {
      return run('src/cli/main.ts', 'validate', '--data', 'data');
    } finally {
      writeFileSync(path, RECORD);
    }
  };

  beforeAll(() => {
    dir = tempDirWithDeps('cc-new-collection-');
    for (const path of ['src', 'scripts', 'package.json', 'tsconfig.json', 'README.md'])
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    cpSync(VALID, join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'src/schema/widgets.ts'), SCHEMA_MODULE);
    const index = join(dir, 'src/schema/index.ts');
    writeFileSync(index, addRegistryEntry(readFileSync(index, 'utf8')));
    mkdirSync(join(dir, 'data/widgets'));
    writeFileSync(join(dir, 'data/widgets/example-widget.yaml'), RECORD);
    writeFileSync(join(dir, 'src/checks/widget-maker-not-user.ts'), RULE_MODULE);
    const checks = join(dir, 'src/checks/index.ts');
    writeFileSync(
      checks,
      addToList(
        readFileSync(checks, 'utf8'),
        'checks',
        'widgetMakerNotUser',
        "import { widgetMakerNotUser } from './widget-maker-not-user.js';",
      ),
    );
    writeFileSync(join(dir, 'src/emit/id-list.ts'), FORMAT_MODULE);
    const emitters = join(dir, 'src/emit/index.ts');
    writeFileSync(
      emitters,
      addToList(readFileSync(emitters, 'utf8'), 'dataEmitters', 'idListEmitter', "import { idListEmitter } from './id-list.js';"),
    );
  });

  it('type-checks (the library and every script but the synthetic data generator, which must learn to fake the new records)', () => {
    cpSync(join(ROOT, 'tests/types'), join(dir, 'tests/types'), { recursive: true });
    const exclude = ['scripts/gen-synthetic.ts', 'scripts/bench.ts'];
    writeFileSync(
      join(dir, 'tsconfig.check.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['src', 'scripts', 'tests/types'], exclude }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.check.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('builds: JSON, CSV with link tables, JSON Schema, Data Package resource, typed entry, the new output', () => {
    const build = run('scripts/build.ts', '--data', 'data', '--out', 'dist');
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const dist = join(dir, 'dist');
    const json = JSON.parse(readFileSync(join(dist, 'json/widgets.json'), 'utf8'));
    expect(json.records.map((r: { id: string }) => r.id)).toEqual(['example-widget']);
    expect(JSON.parse(readFileSync(join(dist, 'json/all.json'), 'utf8')).collections.widgets).toHaveLength(1);
    expect(readFileSync(join(dist, 'csv/widgets.csv'), 'utf8').split('\r\n')[0]).toContain('maker');
    expect(readFileSync(join(dist, 'csv/widget-users.csv'), 'utf8')).toContain('example-widget,turkiye,1');
    expect(JSON.parse(readFileSync(join(dist, 'schema/widgets.schema.json'), 'utf8')).title).toBe('Widget');
    const resources = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')).resources as {
      name: string;
      schema: { foreignKeys?: unknown[] };
    }[];
    expect(resources.find((r) => r.name === 'widgets')?.schema.foreignKeys).toContainEqual({
      fields: 'maker',
      reference: { resource: 'actors', fields: 'id' },
    });
    expect(existsSync(join(dist, 'widgets.js'))).toBe(true);
    expect(readFileSync(join(dist, 'widgets.d.ts'), 'utf8')).toContain('widgets: readonly Widget[]');
    expect(readFileSync(join(dist, 'ids.txt'), 'utf8')).toContain('widgets/example-widget\n');
  });

  it('runs the new rule', () => {
    const validate = validateWithRecord(RECORD.replace('users: [turkiye]', 'users: [turkiye, azerbaijan]'));
    expect(validate.status).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(
      /widgets\/example-widget\.yaml:4:\d+: error widget-maker-not-user: the maker is also listed among the users/,
    );
  });

  it('checks its references', () => {
    const validate = validateWithRecord(RECORD.replace('maker: azerbaijan', 'maker: azerbaijn'));
    expect(validate.status).toBe(1);
    expect(validate.stdout + validate.stderr).toMatch(
      /widgets\/example-widget\.yaml:3:8: error references: unknown actor "azerbaijn".*did you mean "azerbaijan"/,
    );
  });

  it('is listed in package.json exports by npm run sync:package', () => {
    const sync = run('scripts/package-exports.ts');
    expect(sync.stderr).toBe('');
    expect(sync.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toContain('./widgets');
    expect(Object.keys(pkg.exports)).toContain('./json/widgets.json');
    expect(Object.keys(pkg.exports)).toContain('./ids.txt');
  });
});
