/**
 * The command table: each command's synopsis, help, options and handler. Handlers are
 * loaded with a dynamic import only when their command runs, so `--help` and
 * `--version` load nothing but this table.
 */
import type { Handler } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder in help: --out DIR. */
  value?: string;
  choices?: readonly string[];
  description: string;
}

export interface CommandSpec {
  /** Arguments after the command name, for the synopsis. */
  args: string;
  summary: string;
  /** Paragraphs after the synopsis; may load modules (only `<command> --help` asks). */
  details: () => string | Promise<string>;
  options: Readonly<Record<string, OptionSpec>>;
  positionals: { min: number; max: number; usage: string };
  load: () => Promise<Handler>;
}

const PROBLEM_FORMATS = ['pretty', 'github', 'json'] as const;
const format: OptionSpec = {
  type: 'string',
  value: 'FORMAT',
  choices: PROBLEM_FORMATS,
  description: 'pretty (default), github (workflow annotations) or json',
};
/** An option that names a folder: --NAME DIR. */
const folder = (description: string): OptionSpec => ({ type: 'string', value: 'DIR', description });
const data = folder('the data folder (default: data)');
/** The positional argument of the commands that read a data folder, if one is given. */
const optionalDataFolder = { min: 0, max: 1, usage: 'at most one data folder' };

export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  validate: {
    args: '[DATA_DIR | FILE...]',
    summary: 'check records (exit 0 valid, 1 invalid, 2 usage error)',
    details: () =>
      `Validates every record of DATA_DIR (default: data), or only the given FILEs against the
whole dataset (references still resolve). Exit 0 valid, 1 invalid records, 2 usage error.`,
    options: { format, data },
    positionals: { min: 0, max: Infinity, usage: 'a data folder or record files' },
    load: async () => (await import('./commands/validate.js')).runValidate,
  },
  build: {
    args: '[--data DIR] [--out DIR]',
    summary: 'validate and write JSON, CSV, JSON Schema, datapackage.json',
    details: () =>
      `Validates DIR (default: data) and writes JSON, CSV, JSON Schema and datapackage.json to
--out (default: dist). The output folder is replaced only after a complete, valid build.`,
    options: { data, out: folder('the output folder (default: dist)'), format },
    positionals: { min: 0, max: 0, usage: 'no positional arguments (use --data DIR)' },
    load: async () => (await import('./commands/build.js')).runBuild,
  },
  'verify-sources': {
    args: '--texts DIR [DATA_DIR]',
    summary: 'check excerpts against the archived source texts',
    details: async () =>
      `Matches the files of --texts to sources by SHA-256 and checks that every excerpt is a
verbatim span of its source text and every quote lies inside one of its excerpts.
Only regular files of at most ${(await import('../verify/text-files.js')).TEXT_MAX_MIB} MiB directly in --texts are read; symbolic links
are followed only to files inside --texts. A text file that cannot be read is reported
as a problem and the other files are still checked.`,
    options: {
      texts: folder('the folder with the archived source texts (required)'),
      data,
      'allow-missing': { type: 'boolean', description: 'skip (instead of failing on) sources whose text is not in --texts' },
      format,
    },
    positionals: optionalDataFolder,
    load: async () => (await import('./commands/verify-sources.js')).runVerifySources,
  },
  report: {
    args: '[DATA_DIR]',
    summary: 'records per collection and per source',
    details: () =>
      'Coverage report: records per collection, per source how many records of each collection\ncite it, evidence per collection (share of facts backed, reported-only facts) and the\nrecords with reported-only facts; with --texts, the share of each source text its excerpts cover.',
    options: {
      data,
      texts: folder('the folder with the archived source texts (for excerpt coverage)'),
    },
    positionals: optionalDataFolder,
    load: async () => (await import('./commands/report.js')).runReport,
  },
  new: {
    args: '<collection> <id> [--kind KIND]',
    summary: 'write a commented record template (data/<collection>/<id>.yaml)',
    details: async () => {
      const { COLLECTION_NAMES } = await import('../schema/index.js');
      return `Writes DIR/<collection>/<id>.yaml (DIR default: data): a record template generated from
the collection's schema. Required fields hold empty placeholders ("") that fail validation
until you fill them in; optional fields are commented out with their description and
allowed values. The file is never overwritten. Ids are kebab-case ASCII and never a name
Windows reserves (con, prn, aux, nul, com0-com9, lpt0-lpt9).

Collections: ${COLLECTION_NAMES.join(', ')}`;
    },
    options: {
      kind: {
        type: 'string',
        value: 'KIND',
        description:
          "the record's kind: for actors it selects the fields (country, person or organization; default person); for other collections with a kind field it fills that field in",
      },
      data,
    },
    positionals: { min: 2, max: 2, usage: 'a collection and an id, e.g. "new corridors baku-tbilisi-kars-railway"' },
    load: async () => (await import('./commands/new.js')).runNew,
  },
  diff: {
    args: '<OLD> [NEW]',
    summary: 'records added, removed and changed between two builds; semver bump',
    details: async () =>
      `Compares two build output folders (as written by "build" or "npm run build", or the dist/
folder of a published package): NEW defaults to dist. Lists the records added, removed and
changed per collection (changed ones field by field) and the JSON Schema files that
changed, then suggests the version bump:

  removed records or a schema change  → major
  new records                         → minor
  corrections (changed records only)  → patch

Reads only regular files, each of at most ${(await import('../diff/builds.js')).DIFF_MAX_FILE_BYTES / (1024 * 1024)} MiB.
The markdown output (default) is meant to be pasted into a changeset (.changeset/*.md).`,
    options: { format: { type: 'string', value: 'FORMAT', choices: ['markdown', 'json'], description: 'markdown (default) or json' } },
    positionals: { min: 1, max: 2, usage: 'the older build folder, e.g. "diff old-dist" (NEW defaults to dist)' },
    load: async () => (await import('./commands/diff.js')).runDiff,
  },
};

/** Options every command takes. */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec & { short: string }>> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', short: 'v', description: 'print the version' },
};
