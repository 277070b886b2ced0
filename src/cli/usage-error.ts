/** A problem with how the command was called or with the file system: exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
