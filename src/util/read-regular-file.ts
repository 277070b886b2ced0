/**
 * Reads a file only when it is a regular file of at most `maxBytes`. The file is opened
 * non-blocking, so a FIFO cannot hang the reader, and checked with fstat on the opened
 * descriptor, so what is read is what was checked (no race with a swap after a stat).
 * At most maxBytes + 1 bytes are ever read: a file that grows past the limit while being
 * read is refused too.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

type ReadFailure =
  | { reason: 'not-regular'; message: string }
  | { reason: 'too-large'; message: string; size: number }
  | { reason: 'unreadable'; message: string; code?: string };

export type ReadResult = { ok: true; bytes: Buffer } | ({ ok: false } & ReadFailure);

const mib = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MiB` : `${n} bytes`);

export function readRegularFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist (a dangling symbolic link?)'
        : code === 'ELOOP'
          ? 'its symbolic links form a loop'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a directory'
              : (error as Error).message;
    return { ok: false, reason: 'unreadable', message: `cannot open: ${why}`, ...(code ? { code } : {}) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-regular', message: 'not a regular file (a device, FIFO, socket or directory)' };
    if (stat.size > maxBytes)
      return { ok: false, reason: 'too-large', size: stat.size, message: `${mib(stat.size)} is over the limit of ${mib(maxBytes)}` };
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read is sized from fstat (one byte more, to see growth): a file that does not
    // change is read whole at once, into no more memory than it needs.
    let want = Math.min(stat.size + 1, maxBytes + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(want);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes)
        return { ok: false, reason: 'too-large', size: total, message: `grew over the limit of ${mib(maxBytes)} while being read` };
      want = Math.min(1 << 20, maxBytes + 1 - total);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: 'unreadable', message: `cannot read: ${(error as Error).message}`, ...(code ? { code } : {}) };
  } finally {
    closeSync(fd);
  }
}
