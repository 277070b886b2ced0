/**
 * `npm run format:data [-- --check] [--data DIR]`: rewrites every record file into its
 * canonical form (src/format-data/canonical.ts); with --check, lists the files that are not
 * canonical and exits 1 without writing anything.
 */
import { parseArgs } from 'node:util';
import { formatDataDir } from '../src/format-data/files.js';
import { formatProblems } from '../src/format.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, data: { type: 'string', default: 'data' } } });
const dataDir = values.data;
const result = formatDataDir(dataDir, { check: values.check });

if (result.problems.length) process.stderr.write(formatProblems('pretty', result.problems, { checked: result.checked }));
if (values.check) {
  for (const file of result.changed) process.stdout.write(`${file}: not in canonical form\n`);
  if (result.changed.length) {
    const fix = dataDir === 'data' ? 'npm run format:data' : `npm run format:data -- --data ${dataDir}`;
    process.stdout.write(
      `${result.changed.length} of ${result.checked} record files are not in canonical form: run "${fix}" to rewrite them\n`,
    );
  } else process.stdout.write(`${result.checked} record files in canonical form\n`);
} else process.stdout.write(`${result.changed.length} of ${result.checked} record files rewritten\n`);
process.exit(result.changed.length && values.check ? 1 : result.problems.length ? 1 : 0);
