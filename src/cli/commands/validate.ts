import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatProblems, type Format } from '../../format.js';
import { validateDataDir } from '../../validate.js';
import { EXIT, UsageError } from '../usage-error.js';

export const validateHelp = `caucasus-corridors validate [DATA_DIR | FILE...] [--format pretty|github|json] [--data DIR]

Validates every record of DATA_DIR (default: data), or only the given FILEs against the
whole dataset (references still resolve). Exit 0 valid, 1 invalid records, 2 usage error.`;

/** The data directory a record file belongs to: data/<collection>/<id>.yaml → data. */
const dataDirOf = (file: string) => dirname(dirname(resolve(file)));

export function runValidate(args: string[], options: { format: Format; data?: string | undefined }): { output: string; code: number } {
  const targets = args.length ? args : [options.data ?? 'data'];
  for (const t of targets) if (!existsSync(t)) throw new UsageError(`no such file or directory: ${t}`);
  const isDir = targets.length === 1 && statSync(targets[0]!).isDirectory();
  let result;
  if (isDir) result = validateDataDir(targets[0]!);
  else {
    if (targets.some((t) => statSync(t).isDirectory())) throw new UsageError('give either one data directory or record files, not both');
    const dataDir = options.data ?? dataDirOf(targets[0]!);
    result = validateDataDir(dataDir, { only: targets });
  }
  return {
    output: formatProblems(options.format, result.problems, { checked: result.checked }),
    code: result.problems.length ? EXIT.invalid : EXIT.ok,
  };
}
