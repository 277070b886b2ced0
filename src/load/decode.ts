/** Bytes of a record file → text, or the reason it is not a UTF-8 YAML text file. */
import { MAX_FILE_BYTES } from './yaml-limits.js';

export const fileSizeMessage = (bytes: number): string =>
  `file is ${bytes} bytes; a record file may be at most ${MAX_FILE_BYTES} bytes (split long text or shorten excerpts)`;

export type Decoded = { text: string } | { rule: string; message: string; line: number; col: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeRecordBytes(bytes: Uint8Array): Decoded {
  const refuse = (rule: string, message: string, line = 1, col = 1): Decoded => ({ rule, message, line, col });
  if (bytes.byteLength > MAX_FILE_BYTES) return refuse('file-size', fileSizeMessage(bytes.byteLength));
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return refuse('encoding', 'file is UTF-16 encoded: re-save it with UTF-8 encoding');
  if (bytes.indexOf(0) !== -1) return refuse('encoding', 'file contains NUL bytes: it looks binary, not a UTF-8 YAML text file');
  try {
    return { text: utf8.decode(bytes) }; // strips a leading UTF-8 BOM
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return refuse('encoding', 'file is not valid UTF-8: re-save it with UTF-8 encoding', bad.line, bad.col);
  }
}

/** Line and column (in characters) of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; col: number } {
  const lenient = new TextDecoder('utf-8', { fatal: false });
  let lineStart = 0;
  for (let line = 1; lineStart <= bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, lineStart);
    const end = nl === -1 ? bytes.length : nl;
    const decoded = lenient.decode(bytes.subarray(lineStart, end));
    const bad = decoded.indexOf('\uFFFD');
    if (bad !== -1) return { line, col: bad + 1 };
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return { line: 1, col: 1 };
}
