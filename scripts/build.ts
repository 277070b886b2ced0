/**
 * `npm run build`: validates data/ and writes the whole published package into dist/:
 * data outputs (json, csv, schema, datapackage.json), the JS/TS data entries, and the
 * compiled schema API and CLI (tsup). dist/ is swapped in only when all of it succeeded.
 */
import { parseArgs } from 'node:util';
import { build as tsup } from 'tsup';
import { buildDataDir } from '../src/build.js';
import { packageInfo } from '../src/model/package-info.js';
import { dataEmitters, packageEmitters } from '../src/emit/index.js';
import { formatProblems } from '../src/format.js';
import { UnsafeOutputError } from '../src/safe-output.js';

const common = { config: false, silent: true, clean: false, target: 'node20', platform: 'node', sourcemap: false, splitting: false, treeshake: true } as const;

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data' }, out: { type: 'string', default: 'dist' } } });
const outDir = values.out!;

const result = await buildDataDir(values.data!, outDir, {
  pkg: packageInfo(),
  emitters: [...dataEmitters, ...packageEmitters],
  async afterEmit(staging) {
    await tsup({ ...common, entry: { 'lib/schema': 'src/api.ts' }, outDir: staging, format: ['esm', 'cjs'], dts: true });
    await tsup({ ...common, entry: { 'lib/cli': 'src/cli/main.ts' }, outDir: staging, format: ['esm'] });
  },
}).catch((error: unknown) => {
  if (!(error instanceof UnsafeOutputError)) throw error;
  process.stderr.write(`build: ${error.message}\n`);
  process.exit(2);
});

if (result.problems.length) {
  process.stderr.write(formatProblems('pretty', result.problems, { checked: result.checked }));
  process.stderr.write(`build aborted: ${outDir} left unchanged\n`);
  process.exit(1);
}
process.stdout.write(`built ${outDir} (${result.files.length} data files + compiled entries)\n`);
