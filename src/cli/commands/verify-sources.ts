import { existsSync, statSync } from 'node:fs';
import { formatProblems, type Format } from '../../format.js';
import { visible } from '../../util/visible.js';
import { verifySources } from '../../verify/sources.js';
import { formatWarnings } from '../../verify/warnings.js';
import type { Handler } from '../io.js';
import { EXIT, UsageError } from '../usage-error.js';

export const runVerifySources: Handler = ({ positionals, options, path }) => {
  const format = (options.format ?? 'pretty') as Format;
  const texts = options.texts as string | undefined;
  if (texts === undefined) throw new UsageError('verify-sources needs --texts DIR (the folder with the archived source texts)');
  const textsDir = path(texts);
  if (!existsSync(textsDir) || !statSync(textsDir).isDirectory()) throw new UsageError(`no such directory: ${visible(texts)}`);
  if (options.data !== undefined && positionals.length)
    throw new UsageError('give the data folder either as DATA_DIR or as --data DIR, not both');
  const given = (options.data as string | undefined) ?? positionals[0] ?? 'data';
  const dataDir = path(given);
  if (!existsSync(dataDir)) throw new UsageError(`no such data directory: ${visible(given)}`);
  const result = verifySources(dataDir, { textsDir, allowMissing: options['allow-missing'] === true });
  let stdout =
    formatWarnings(format, result.warnings) + formatProblems(format, result.problems, { checked: result.checkedExcerpts, noun: 'excerpt' });
  if (format === 'pretty' && result.missingSources.length)
    stdout += `note: ${result.missingSources.length} source text(s) not in ${visible(texts)} (${result.missingSources.map(visible).join(', ')}); ${result.skippedExcerpts} excerpt(s) not checked\n`;
  return { stdout, code: result.problems.length ? EXIT.invalid : EXIT.ok };
};
