/**
 * Which folders a command may replace. A build swaps its output folder wholesale, so a
 * careless `--out` must not delete a checkout, the records, a file or someone's own folder.
 * Every command that writes a folder (build, the package build, the site) asks here first.
 *
 * Refused: the working directory and its ancestors; the data folder, anything inside it and
 * anything containing it; an existing file (or link); an existing non-empty folder that is not
 * a previous build. A previous build carries BUILD_MARKER; an older output without the marker
 * is accepted only when every file in it is one the new build writes too.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, rmSync, renameSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Written into every build output; kept out of the npm tarball (package.json `files`). */
export const BUILD_MARKER = '.caucasus-corridors-build';
export const BUILD_MARKER_TEXT = 'This folder is the output of a caucasus-corridors build: the next build replaces all of it.\n';

/** The output folder must not be replaced: a usage error (exit 2), with the reason and the fix. */
export class UnsafeOutputError extends Error {
  override name = 'UnsafeOutputError';
}

export interface OutputGuard {
  /** The data folder the build reads. */
  dataDir?: string;
  /** Defaults to process.cwd(). */
  cwd?: string;
}

/** The absolute path with every existing part's symbolic links resolved (the rest appended). */
function realish(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...rest);
}

/** a is b, or inside b. */
const within = (a: string, b: string): boolean => {
  const rel = relative(b, a);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Every file under dir, relative, with forward slashes (folders are not listed). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(d, entry.name), `${rel}/`);
      else out.push(rel);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * Checks what can be checked before building. Returns whether the folder exists, is non-empty
 * and has no marker: then `checkUnmarkedOutput` decides once the new outputs are known.
 */
export function checkOutputDir(outDir: string, guard: OutputGuard = {}): { unmarked: boolean } {
  const given = outDir;
  const target = realish(outDir);
  const cwd = realish(guard.cwd ?? process.cwd());
  const refuse = (why: string, fix = 'choose a new or empty folder, e.g. --out dist') => {
    throw new UnsafeOutputError(`refusing to write to ${given}: ${why}; ${fix}`);
  };
  if (dirname(target) === target) refuse('it is the root of the file system, and the build replaces its output folder wholesale');
  if (within(cwd, target))
    refuse(
      target === cwd
        ? 'it is the working directory, and the build replaces its output folder wholesale'
        : `it contains the working directory (${cwd}), and the build replaces its output folder wholesale`,
    );
  if (guard.dataDir !== undefined) {
    const data = realish(guard.dataDir);
    if (within(target, data))
      refuse(target === data ? 'it is the data folder being built' : `it is inside the data folder ${guard.dataDir}`);
    if (within(data, target)) refuse(`it contains the data folder ${guard.dataDir}, which the build would delete`);
  }
  let stat: Stats;
  try {
    stat = lstatSync(resolve(outDir));
  } catch {
    return { unmarked: false };
  }
  if (stat.isSymbolicLink()) refuse('it is a symbolic link', 'give the real folder, or a new one');
  if (!stat.isDirectory()) refuse('it is an existing file, which the build would replace', 'give a folder name, e.g. --out dist');
  const entries = readdirSync(outDir);
  if (entries.length === 0 || entries.includes(BUILD_MARKER)) return { unmarked: false };
  return { unmarked: true };
}

/**
 * An existing output without the marker (written before markers existed) may be replaced only
 * when every file in it is one the new build writes too.
 */
export function checkUnmarkedOutput(outDir: string, newFiles: ReadonlySet<string>): void {
  const foreign = listFiles(outDir).filter((f) => !newFiles.has(f));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
  throw new UnsafeOutputError(
    `refusing to write to ${outDir}: it is a non-empty folder that is not a previous build (no ${BUILD_MARKER} file), and the build would delete ${shown}; choose a new or empty folder, or move those files away`,
  );
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes staging folders left beside `target` by builds whose process is gone (killed or
 * interrupted mid-write). A dead build's `-previous-` folder is the last complete output:
 * it is put back when the output itself is missing, and removed otherwise.
 */
export function cleanStaleStaging(target: string): void {
  const parent = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(staging|previous)-(\\d+)$`);
  for (const entry of entries.sort()) {
    const m = pattern.exec(entry);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2]))) continue;
    const path = join(parent, entry);
    if (m[1] === 'previous' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}
