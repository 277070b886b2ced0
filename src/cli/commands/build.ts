import { existsSync } from 'node:fs';
import { buildDataDir } from '../../build.js';
import { UnsafeOutputError } from '../../safe-output.js';
import { formatProblems, type Format } from '../../format.js';
import { COLLECTION_NAMES } from '../../schema/index.js';
import { packageInfo } from '../../model/package-info.js';
import { EXIT, UsageError } from '../usage-error.js';

export const buildHelp = `caucasus-corridors build [--data DIR] [--out DIR] [--format pretty|github|json]

Validates DIR (default: data) and writes JSON, CSV, JSON Schema and datapackage.json to
--out (default: dist). The output folder is replaced only after a complete, valid build.`;

export async function runBuild(options: { data?: string; out?: string; format: Format }): Promise<{ output: string; code: number }> {
  const dataDir = options.data ?? 'data';
  if (!existsSync(dataDir)) throw new UsageError(`no such data directory: ${dataDir}`);
  const outDir = options.out ?? 'dist';
  const result = await buildDataDir(dataDir, outDir, { pkg: packageInfo() }).catch((error: unknown) => {
    throw error instanceof UnsafeOutputError ? new UsageError(error.message) : error;
  });
  if (result.problems.length) return { output: formatProblems(options.format, result.problems, { checked: result.checked }) + `build aborted: ${outDir} left unchanged\n`, code: EXIT.invalid };
  const counts = COLLECTION_NAMES.map((c) => `${c} ${result.dataset![c].length}`).join(', ');
  return { output: `built ${result.files.length} files into ${outDir} (${counts})\n`, code: EXIT.ok };
}
