import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblems, type Format } from '../../format.js';
import { type CheckResult, validateDataDirParallel } from '../../validate.js';
import type { Handler } from '../io.js';
import { visible } from '../../util/visible.js';
import { EXIT, UsageError } from '../usage-error.js';

/** The data directory a record file belongs to: data/<collection>/<id>.yaml → data. */
const dataDirOf = (file: string) => dirname(dirname(resolve(file)));

export const runValidate: Handler = async ({ positionals, options, path }) => {
  const format = (options.format ?? 'pretty') as Format;
  const given = positionals.length ? positionals : [(options.data as string | undefined) ?? 'data'];
  for (const t of given) if (!existsSync(path(t))) throw new UsageError(`no such file or directory: ${visible(t)}`);
  const targets = given.map(path);
  const isDir = targets.length === 1 && statSync(targets[0]!).isDirectory();
  let result: CheckResult;
  if (isDir) result = await validateDataDirParallel(targets[0]!, { records: false });
  else {
    if (targets.some((t) => statSync(t).isDirectory())) throw new UsageError('give either one data directory or record files, not both');
    const dataDir = options.data !== undefined ? path(options.data as string) : dataDirOf(targets[0]!);
    result = await validateDataDirParallel(dataDir, { only: targets, records: false });
  }
  return {
    stdout: formatProblems(format, result.problems, { checked: result.checked }),
    code: result.problems.length ? EXIT.invalid : EXIT.ok,
  };
};
