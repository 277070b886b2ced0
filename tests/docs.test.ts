import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { ROOT } from './helpers/run.js';

const tsx = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });

it('the generated field reference and data licence are up to date', () => {
  const r = tsx('scripts/gen-docs.ts', '--check');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

it('CITATION.cff carries the package version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cff = parse(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8'));
  expect(cff.version).toBe(pkg.version);
  expect(cff['cff-version']).toBe('1.2.0');
  expect(cff.license).toBe('CC-BY-4.0');
  expect(tsx('scripts/sync-citation.ts', '--check').status).toBe(0);
});

it('the README opens with a quick start of exactly two set-up commands', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const quickStart = readme.split('\n## ').find((s) => s.startsWith('Quick start'))!;
  const block = /```sh\n([\s\S]*?)```/.exec(quickStart)![1]!.trim().split('\n');
  expect(block).toEqual(['npm ci && npm run build', 'npm test']);
  expect(/^## (.*)$/m.exec(readme)![1]).toBe('Quick start');
  const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
  expect(ci).toContain('set -euo pipefail');
  expect(ci).toContain('npm ci');
  expect(ci).toContain('npm run build');
  expect(ci).toContain('npm test');
});

it('the field reference documents every field of every collection', () => {
  const doc = readFileSync(join(ROOT, 'docs/fields.md'), 'utf8');
  for (const field of ['`period.as_stated`', '`status_history[].date`', '`country_code`', '`from_document`', '`text_sha256`']) expect(doc).toContain(field);
});
