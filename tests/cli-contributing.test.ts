/**
 * The contributor tooling around the CLI stays consistent with the schemas: the examples
 * in CONTRIBUTING.md are valid records, the editor mapping and the `new` modeline point at
 * the same JSON Schemas, and the CI workflow and changesets config say what they should.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaModeline } from '../src/model/paths.js';
import { parseRecord } from '../src/load/record.js';
import { COLLECTION_NAMES, ID_PATTERN, isCollectionName } from '../src/schema/index.js';
import { ROOT } from './cli-support.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const MODELINE = /^# yaml-language-server: \$schema=(\.\.\/\.\.\/dist\/schema\/([a-z-]+)\.schema\.json)$/;

describe('CONTRIBUTING.md', () => {
  const examples = [...read('CONTRIBUTING.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('has a YAML example for every collection, each starting with its modeline', () => {
    const shown = examples.map((e) => MODELINE.exec(e.split('\n')[0]!)?.[2]);
    expect(shown.every(Boolean)).toBe(true);
    expect(new Set(shown)).toEqual(new Set(COLLECTION_NAMES));
  });

  it.each(examples.map((e) => [MODELINE.exec(e.split('\n')[0]!)?.[2] ?? '?', /^id: (.*)$/m.exec(e)?.[1] ?? '?', e]))(
    'the %s example %s is a valid record',
    (collection, id, example) => {
      expect(isCollectionName(collection)).toBe(true);
      expect(id).toMatch(ID_PATTERN);
      const file = {
        collection: collection as (typeof COLLECTION_NAMES)[number],
        path: `${id}.yaml`,
        display: `CONTRIBUTING.md (${collection}/${id})`,
        stem: id,
      };
      expect(parseRecord(file, new TextEncoder().encode(example)).problems).toEqual([]);
    },
  );
});

describe('editor support', () => {
  const settings = JSON.parse(read('.vscode/settings.json')) as { 'yaml.schemas': Record<string, string[]> };

  it.each(COLLECTION_NAMES)('the modeline `new` writes for %s names the same schema file', (collection) => {
    const target = MODELINE.exec(schemaModeline(collection))![1]!;
    const fromRecordFile = posix.normalize(posix.join('data', collection, target));
    const mapped = Object.entries(settings['yaml.schemas']).find(([, globs]) => globs.includes(`data/${collection}/*.yaml`))![0];
    expect(fromRecordFile).toBe(posix.normalize(mapped));
  });
});

describe('.github/workflows/ci.yml', () => {
  const text = read('.github/workflows/ci.yml');
  const workflow = parse(text) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
  };

  it('runs on push and pull_request with a read-only token and no secrets', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(text).not.toMatch(/secrets\./);
  });
});

describe('changesets', () => {
  it('.changeset/config.json: single public package released from main with the default changelog', () => {
    const config = JSON.parse(read('.changeset/config.json'));
    expect(config).toMatchObject({ baseBranch: 'main', access: 'public', changelog: '@changesets/cli/changelog', commit: false });
    expect(() => createRequire(join(ROOT, 'package.json')).resolve(config.changelog)).not.toThrow();
  });

  it('every `npm run <script>` the guides mention exists in package.json', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const mentioned = new Set(
      [...`${read('CONTRIBUTING.md')}\n${read('README.md')}`.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]!),
    );
    expect(mentioned.size).toBeGreaterThan(3);
    expect([...mentioned].filter((name) => !(name in scripts))).toEqual([]);
  });
});
