/** Limits shared by both YAML parsers of the loader (./yaml-file.ts and ./fast-yaml.ts). */

/** Larger than any honest record (the longest real one is a few KiB). */
export const MAX_FILE_BYTES = 256 * 1024;
/** Aliases are legal YAML but never needed in a record; their expansion is bounded. */
export const MAX_ALIAS_COUNT = 50;
/** Nesting levels (mappings and lists) a record may use; records need three or four. */
export const MAX_NESTING = 16;
/** Keys that could reach an object's prototype. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
