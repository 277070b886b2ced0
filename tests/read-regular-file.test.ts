/**
 * readRegularFile (src/util/read-regular-file.ts), which verify-sources and diff read through:
 * regular files only, never more than the limit, and a file whose size changes (or that has
 * none, as /proc files say) is read by what it holds, not by what fstat said.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../src/util/read-regular-file.js';
import { tempDir } from './helpers/run.js';

const MiB = 1 << 20;

describe('readRegularFile', () => {
  it('reads a file whole, small or over a mebibyte, and at exactly the limit', () => {
    const dir = tempDir('cc-read-');
    for (const size of [0, 1, 4095, 3 * MiB + 5]) {
      const bytes = Buffer.alloc(size, 'é');
      writeFileSync(join(dir, 'f'), bytes);
      const read = readRegularFile(join(dir, 'f'), size === 0 ? 1 : size);
      expect(read.ok, `${size} bytes`).toBe(true);
      if (read.ok) expect(read.bytes.equals(bytes), `${size} bytes`).toBe(true);
    }
  });

  it('refuses a file over the limit without reading it, saying its size', () => {
    const dir = tempDir('cc-read-');
    writeFileSync(join(dir, 'f'), Buffer.alloc(2 * MiB + 1));
    expect(readRegularFile(join(dir, 'f'), 2 * MiB)).toEqual({
      ok: false,
      reason: 'too-large',
      size: 2 * MiB + 1,
      message: '2.0 MiB is over the limit of 2 MiB',
    });
  });

  it('refuses what is not a regular file, and says why a path cannot be opened', () => {
    const dir = tempDir('cc-read-');
    mkdirSync(join(dir, 'folder'));
    expect(readRegularFile(join(dir, 'folder'), MiB)).toMatchObject({ ok: false, reason: 'not-regular' });
    expect(readRegularFile(join(dir, 'missing'), MiB)).toMatchObject({
      ok: false,
      reason: 'unreadable',
      code: 'ENOENT',
      message: 'cannot open: it does not exist (a dangling symbolic link?)',
    });
    if (process.platform !== 'win32') {
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      // Opened non-blocking: no writer, and still no hang.
      expect(readRegularFile(join(dir, 'fifo'), MiB)).toMatchObject({ ok: false, reason: 'not-regular' });
    }
  });

  it.runIf(process.platform === 'linux')('reads what a file holds beyond the size fstat gives, up to the limit', () => {
    // /proc files are regular files of size 0 that hold text.
    const whole = readRegularFile('/proc/self/status', MiB);
    expect(whole.ok && whole.bytes.toString()).toMatch(/^Name:/);
    expect(readRegularFile('/proc/self/status', 16)).toMatchObject({
      ok: false,
      reason: 'too-large',
      size: 17,
      message: 'grew over the limit of 16 bytes while being read',
    });
  });
});
