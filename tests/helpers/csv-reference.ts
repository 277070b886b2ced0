/**
 * The CSV the build writes, as csv-stringify writes it: the reference src/emit/csv.ts's csvLine
 * is tested against. csv-stringify quotes a field only for the record delimiter it writes (CRLF),
 * so a bare LF or CR inside a field is quoted explicitly (quoted_match), as csvLine quotes it.
 */
import { stringify } from 'csv-stringify/sync';

const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_string: false, quoted_match: /[\r\n]/ } as const;

export const toCsv = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  stringify([header as string[], ...(rows as string[][])], CSV_OPTIONS);
