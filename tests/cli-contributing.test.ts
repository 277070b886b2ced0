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
      const file = { collection: collection as (typeof COLLECTION_NAMES)[number], path: `${id}.yaml`, display: `CONTRIBUTING.md (${collection}/${id})`, stem: id };
      expect(parseRecord(file, new TextEncoder().encode(example)).problems).toEqual([]);
    },
  );
});

describe('editor support', () => {
  const settings = JSON.parse(read('.vscode/settings.json')) as { 'yaml.schemas': Record<string, string[]> };

  it('.vscode/settings.json maps each collection folder to its JSON Schema', () => {
    expect(settings['yaml.schemas']).toEqual(
      Object.fromEntries(COLLECTION_NAMES.map((c) => [`./dist/schema/${c}.schema.json`, [`data/${c}/*.yaml`]])),
    );
  });

  it.each(COLLECTION_NAMES)('the modeline `new` writes for %s names the same schema file', (collection) => {
    const target = MODELINE.exec(schemaModeline(collection))![1]!;
    const fromRecordFile = posix.normalize(posix.join('data', collection, target));
    const mapped = Object.entries(settings['yaml.schemas']).find(([, globs]) => globs.includes(`data/${collection}/*.yaml`))![0];
    expect(fromRecordFile).toBe(posix.normalize(mapped));
  });

  it('.vscode/extensions.json recommends the Red Hat YAML extension', () => {
    expect(JSON.parse(read('.vscode/extensions.json'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });
});

describe('.github/workflows/ci.yml', () => {
  const text = read('.github/workflows/ci.yml');
  const workflow = parse(text) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const runs = steps.map((s) => s.run ?? '').filter(Boolean);

  it('runs on push and pull_request with a read-only token and no secrets', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(text).not.toMatch(/secrets\./);
  });

  it('uses checkout and setup-node pinned to a major version, on Node 20', () => {
    const uses = steps.map((s) => s.uses).filter(Boolean);
    expect(uses).toEqual([expect.stringMatching(/^actions\/checkout@v\d+$/), expect.stringMatching(/^actions\/setup-node@v\d+$/)]);
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with!['node-version']).toBe(20);
  });

  it('installs, validates with annotations, verifies sources only when the texts exist, builds and tests — in that order', () => {
    const order = [/^npm ci$/, /validate -- --format github/, /if \[ -d \.\.\/shared\/seeds \]/, /^npm run build$/, /^npm test$/];
    expect(runs.map((r) => order.findIndex((re) => re.test(r.trim())))).toEqual([0, 1, 2, 3, 4]);
    expect(runs[2]).toContain('verify-sources');
    expect(runs[2]).toContain('::notice');
  });
});

describe('changesets', () => {
  it('.changeset/config.json: single public package released from main with the default changelog', () => {
    const config = JSON.parse(read('.changeset/config.json'));
    expect(config).toMatchObject({ baseBranch: 'main', access: 'public', changelog: '@changesets/cli/changelog', commit: false });
    expect(() => createRequire(join(ROOT, 'package.json')).resolve(config.changelog)).not.toThrow();
  });

  it('package.json has the scripts the guide uses', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(scripts).toMatchObject({
      cli: 'node build/cli/cli.js',
      new: 'node build/cli/cli.js new',
      diff: 'node build/cli/cli.js diff',
      changeset: 'changeset',
      validate: 'node build/cli/cli.js validate',
    });
    expect(scripts['version-packages']).toMatch(/^changeset version\b/);
  });
});
