/** Whitespace-insensitive text comparison used for excerpts and quotes. */
export const normalizeSpace = (s: string): string => s.replace(/\s+/g, ' ').trim();
