/** `npm run site [-- --dist DIR --out DIR]`: the static website from the built dist/ into _site/. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildSite } from '../src/site/build.js';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: '_site' } } });

const cff = parse(readFileSync('CITATION.cff', 'utf8')) as { title: string; version: string; authors: { name?: string; 'family-names'?: string }[] };
const authors = cff.authors.map((a) => a.name ?? a['family-names']).join(', ');
const citation = `${authors}. ${cff.title}, version ${cff.version}. Data licence CC BY 4.0.`;

try {
  const result = buildSite({ distDir: values.dist, outDir: values.out, citation });
  console.log(`site: ${result.pages} pages, ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KB in ${values.out}/`);
} catch (error) {
  console.error(`site: ${(error as Error).message}`);
  process.exit(1);
}
