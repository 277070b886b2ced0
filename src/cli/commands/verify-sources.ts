import { existsSync, statSync } from 'node:fs';
import { formatProblems, type Format } from '../../format.js';
import { verifySources } from '../../verify/sources.js';
import { EXIT, UsageError } from '../usage-error.js';

export const verifySourcesHelp = `caucasus-corridors verify-sources --texts DIR [--data DIR] [--allow-missing] [--format pretty|github|json]

Matches the files of --texts to sources by SHA-256 and checks that every excerpt is a
verbatim span of its source text and every quote lies inside one of its excerpts.
--allow-missing skips (instead of failing on) sources whose text is not in DIR.`;

export function runVerifySources(options: { texts?: string | undefined; data?: string | undefined; allowMissing: boolean; format: Format }): { output: string; code: number } {
  if (!options.texts) throw new UsageError('verify-sources needs --texts DIR (the folder with the archived source texts)');
  if (!existsSync(options.texts) || !statSync(options.texts).isDirectory()) throw new UsageError(`no such directory: ${options.texts}`);
  const dataDir = options.data ?? 'data';
  if (!existsSync(dataDir)) throw new UsageError(`no such data directory: ${dataDir}`);
  const result = verifySources(dataDir, { textsDir: options.texts, allowMissing: options.allowMissing });
  let output = formatProblems(options.format, result.problems, { checked: result.checkedExcerpts, noun: 'excerpt' });
  if (options.format === 'pretty' && result.missingSources.length)
    output += `note: ${result.missingSources.length} source text(s) not in ${options.texts} (${result.missingSources.join(', ')}); ${result.skippedExcerpts} excerpt(s) not checked\n`;
  return { output, code: result.problems.length ? EXIT.invalid : EXIT.ok };
}
