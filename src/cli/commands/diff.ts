import { BuildReadError, type BuildDiff, diffBuilds, diffJson, diffMarkdown } from '../../diff/index.js';
import { visible } from '../../util/visible.js';
import type { Handler } from '../io.js';
import { EXIT, UsageError } from '../usage-error.js';

export const runDiff: Handler = ({ positionals, options, path }) => {
  const [oldGiven, newGiven = 'dist'] = positionals as [string, string?];
  let diff: BuildDiff;
  try {
    diff = diffBuilds(path(oldGiven), path(newGiven));
  } catch (error) {
    if (error instanceof BuildReadError) throw new UsageError(visible(error.message));
    throw error;
  }
  // Show the folders as they were given.
  diff.old.dir = oldGiven;
  diff.new.dir = newGiven;
  return { stdout: options.format === 'json' ? diffJson(diff) : diffMarkdown(diff), code: EXIT.ok };
};
