/**
 * `npm run site [-- --dist DIR --out DIR]`: the static website, from the built dist/ into
 * _site/. Written like the build: staged, then swapped in; never over the working directory,
 * dist/ itself, a file, or a non-empty folder that is not a previous output.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { writeAtomically } from '../src/build.js';
import { UnsafeOutputError, checkOutputDir } from '../src/safe-output.js';
import { MissingBuildError, renderSite } from '../src/site/build.js';

/** The recommended citation, from CITATION.cff. */
export function citationText(cffPath = 'CITATION.cff'): string {
  const cff = parse(readFileSync(cffPath, 'utf8')) as {
    title: string;
    version: string;
    authors: { name?: string; 'family-names'?: string }[];
  };
  const authors = cff.authors.map((a) => a.name ?? a['family-names']).join(', ');
  return `${authors}. ${cff.title}, version ${cff.version}. Data licence CC BY 4.0.`;
}

export async function buildSite(distDir: string, outDir: string, citation = citationText()): Promise<{ pages: number; files: number }> {
  checkOutputDir(outDir, { dataDir: distDir }); // refuse before the work of rendering
  const { pages, copies } = renderSite({ distDir, citation });
  await writeAtomically(
    outDir,
    pages,
    (staging) => {
      for (const { from, to } of copies) {
        mkdirSync(dirname(join(staging, to)), { recursive: true });
        copyFileSync(join(distDir, from), join(staging, to));
      }
    },
    { dataDir: distDir },
  );
  return { pages: pages.filter((p) => p.path.endsWith('.html')).length, files: pages.length + copies.length };
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: '_site' } } });
  try {
    const result = await buildSite(values.dist, values.out);
    console.log(`site: ${result.pages} pages, ${result.files} files in ${values.out}/`);
  } catch (error) {
    if (!(error instanceof UnsafeOutputError || error instanceof MissingBuildError)) throw error;
    console.error(`site: ${error.message}`);
    process.exit(2);
  }
}
