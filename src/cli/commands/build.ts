import { existsSync } from 'node:fs';
import { buildDataDir } from '../../build.js';
import { UnsafeOutputError } from '../../safe-output.js';
import { formatProblems, type Format } from '../../format.js';
import { COLLECTION_NAMES } from '../../schema/index.js';
import { visible } from '../../util/visible.js';
import type { Handler } from '../io.js';
import { packageInfo } from '../../model/package-info.js';
import { EXIT, UsageError } from '../usage-error.js';

export const runBuild: Handler = async ({ options, path, io }) => {
  const format = (options.format ?? 'pretty') as Format;
  const given = (options.data as string | undefined) ?? 'data';
  const dataDir = path(given);
  if (!existsSync(dataDir)) throw new UsageError(`no such data directory: ${visible(given)}`);
  const outGiven = (options.out as string | undefined) ?? 'dist';
  const result = await buildDataDir(dataDir, path(outGiven), { pkg: packageInfo(), cwd: io.cwd }).catch((error: unknown) => {
    throw error instanceof UnsafeOutputError ? new UsageError(error.message) : error;
  });
  if (result.problems.length)
    return {
      stdout: `${formatProblems(format, result.problems, { checked: result.checked })}build aborted: ${outGiven} left unchanged\n`,
      code: EXIT.invalid,
    };
  const counts = COLLECTION_NAMES.map((c) => `${c} ${result.counts![c]}`).join(', ');
  return { stdout: `built ${result.files.length} files into ${outGiven} (${counts})\n`, code: EXIT.ok };
};
