/**
 * Plain YAML scalars that the core schema reads as numbers a contributor rarely means:
 * hexadecimal `0x1F` and octal `0o17` (read as 31 and 15), and decimals outside the range
 * of a double (`1e-400` silently becomes 0, `1e400` infinity). Both parsers of the loader
 * refuse them with the same message, so a record never changes value without a word.
 */
const HEX = /^0x[0-9a-fA-F]+$/;
const OCT = /^0o[0-7]+$/;
/** The core schema's decimal forms (integer, fraction, exponent), as both parsers read them. */
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** The message for a plain scalar written in one of those forms, else undefined. */
export function numberFormMessage(source: string): string | undefined {
  // Cheap first-character test: this runs for every plain scalar of the fast path.
  const c = source.charCodeAt(0);
  const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
  if (!numeric) return undefined;
  const asText = `or put it in quotes ("${source}") if it is text`;
  if (HEX.test(source))
    return `${source} is a hexadecimal number: write ${Number.parseInt(source.slice(2), 16)}, not ${source} (${asText})`;
  if (OCT.test(source)) return `${source} is an octal number: write ${Number.parseInt(source.slice(2), 8)}, not ${source} (${asText})`;
  if (!DECIMAL.test(source)) return undefined;
  const value = Number(source);
  if (!Number.isFinite(value))
    return `${source} is too large for a number and would be read as infinity: write a smaller number (${asText})`;
  if (value === 0 && /[1-9]/.test(source.replace(/[eE].*$/, '')))
    return `${source} is too small for a number and would be read as 0: write 0 if you mean zero (${asText})`;
  return undefined;
}
