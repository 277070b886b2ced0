import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../src/emit/csv-format.js';
import { COLLECTION_NAMES } from '../src/schema/index.js';
import { ROOT, scratchDirs } from './helpers/run.js';

const scratch = scratchDirs('cc-docs-');
/** tsx by absolute URL, so scripts also run from a folder outside the repository. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const tsx = (script: string, cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', TSX, join(ROOT, script), ...args], { cwd, encoding: 'utf8' });

describe('derived files', () => {
  it('the committed field reference, data licence, editor settings and CONTRIBUTING spans are up to date', () => {
    const r = tsx('scripts/gen-docs.ts', ROOT, '--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('docs --check names each derived file that drifted, and docs rewrites it', () => {
    const dir = scratch('drift');
    for (const path of ['docs', 'data/sources', '.vscode', 'CONTRIBUTING.md', 'LICENSE-DATA.md'])
      cpSync(join(ROOT, path), join(dir, path), { recursive: true });
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    delete settings['yaml.schemas']['./dist/schema/quotes.schema.json'];
    writeFileSync(join(dir, '.vscode/settings.json'), JSON.stringify(settings));
    const contributing = readFileSync(join(dir, 'CONTRIBUTING.md'), 'utf8');
    writeFileSync(
      join(dir, 'CONTRIBUTING.md'),
      contributing.replace(/(<!-- generated:collections -->)[^<]*/, '$1The collections are `sources`.'),
    );
    const drifted = tsx('scripts/gen-docs.ts', dir, '--check');
    expect(drifted.status).toBe(1);
    expect(drifted.stderr).toContain('.vscode/settings.json is out of date');
    expect(drifted.stderr).toContain('CONTRIBUTING.md is out of date');
    expect(drifted.stderr).not.toContain('docs/fields.md');
    expect(tsx('scripts/gen-docs.ts', dir).status).toBe(0);
    expect(tsx('scripts/gen-docs.ts', dir, '--check').status).toBe(0);
    expect(readFileSync(join(dir, 'CONTRIBUTING.md'), 'utf8')).toBe(contributing);
    const fixed = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
    expect(Object.keys(fixed['yaml.schemas'])).toHaveLength(COLLECTION_NAMES.length);
  });

  it('the field reference documents every field of every collection, in its own section', () => {
    const doc = readFileSync(join(ROOT, 'docs/fields.md'), 'utf8');
    const sections = new Map(
      doc
        .split('\n## ')
        .slice(1)
        .map((s) => [s.slice(0, s.indexOf('\n')), s]),
    );
    expect([...sections.keys()]).toEqual([...COLLECTION_NAMES]);
    for (const collection of COLLECTION_NAMES) {
      const section = sections.get(collection) ?? '';
      for (const { field } of columnsOf(collection)) {
        const shown = field.listPath
          ? `${field.listPath.join('.')}[]${field.path.length > field.listPath.length ? `.${field.path.slice(field.listPath.length).join('.')}` : ''}`
          : field.path.join('.');
        expect(section, `${collection}: ${shown}`).toContain(`| \`${shown}\` |`);
      }
    }
  });

  it('CITATION.cff carries the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const cff = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8'));
    expect(cff.version).toBe(pkg.version);
    expect(tsx('scripts/sync-citation.ts', ROOT, '--check').status).toBe(0);
  });
});
