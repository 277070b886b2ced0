/**
 * Keeps CITATION.cff's `version` equal to package.json's. Run by `npm run version-packages`
 * right after `changeset version` bumps package.json; `--check` fails when they differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const citation = readFileSync('CITATION.cff', 'utf8');
const synced = citation.replace(/^version: .*$/m, `version: ${version}`);
if (synced === citation) process.exit(0);
if (values.check) {
  process.stderr.write(`CITATION.cff version differs from package.json (${version}): run \`npm run version-packages\`\n`);
  process.exit(1);
}
writeFileSync('CITATION.cff', synced);
process.stdout.write(`CITATION.cff version set to ${version}\n`);
