import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { RECORD_EXTENSION } from '../../model/paths.js';
import { COLLECTION_NAMES, ID_PATTERN, isCollectionName, isReservedId } from '../../schema/index.js';
import { suggestion } from '../../suggest.js';
import { slugify } from '../../util/slugify.js';
import { chooseKind, recordTemplate, TemplateError } from '../../template/record.js';
import { visible } from '../../util/visible.js';
import { quote } from '../args.js';
import type { Handler } from '../io.js';
import { EXIT, UsageError } from '../usage-error.js';

const ID_RULE = 'ids are kebab-case ASCII (lowercase a-z, digits, single hyphens), e.g. "baku-tbilisi-kars-railway"';

function checkId(id: string): void {
  if (isReservedId(id))
    throw new UsageError(
      `invalid id ${quote(id)}: Windows reserves the file name "${id}${RECORD_EXTENSION}" (con, prn, aux, nul, com0-com9, lpt0-lpt9): choose a longer id, e.g. "${id}-1"`,
    );
  if (ID_PATTERN.test(id)) return;
  // An id close to what was typed: "İlham Əliyev" → "ilham-aliyev".
  const slug = slugify(id);
  const hint = slug && slug !== id && ID_PATTERN.test(slug) && !isReservedId(slug) ? `; did you mean "${slug}"?` : '';
  throw new UsageError(`invalid id ${quote(id)}: ${ID_RULE}${hint}`);
}

export const runNew: Handler = ({ positionals, options, io, path }) => {
  const [collection, id] = positionals as [string, string];
  if (!isCollectionName(collection))
    throw new UsageError(
      `unknown collection ${quote(collection)}${suggestion(collection, COLLECTION_NAMES)} (collections: ${COLLECTION_NAMES.join(', ')})`,
    );
  checkId(id);
  const kind = options.kind as string | undefined;
  try {
    chooseKind(collection, kind); // a bad --kind is reported before anything is looked up on disk
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  const given = (options.data as string | undefined) ?? 'data';
  const dataDir = path(given);
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory())
    throw new UsageError(`no such data directory: ${visible(given)} (run from the repository root, or pass --data DIR)`);
  const dir = join(dataDir, collection);
  const file = join(dir, `${id}${RECORD_EXTENSION}`);
  // The path as the person typing sees it: relative to their working directory.
  const rel = relative(io.cwd, resolve(io.cwd, file));
  const shown = (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(io.cwd, file)).split('\\').join('/');
  if (existsSync(file)) throw new UsageError(`${shown} already exists: edit it, or choose another id`);
  const text = recordTemplate(kind === undefined ? { collection, id, displayPath: shown } : { collection, id, kind, displayPath: shown });
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new UsageError(`${shown} already exists: edit it, or choose another id`);
    throw new UsageError(`cannot write ${shown}: ${(error as Error).message}`);
  }
  return { stdout: `${shown}\n`, code: EXIT.ok };
};
