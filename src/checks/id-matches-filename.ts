import type { Check } from './types.js';

export const idMatchesFilename: Check = {
  name: 'id-matches-filename',
  description: 'A record\'s id equals its file name without ".yaml".',
  run: (ctx) =>
    ctx.records
      .filter((r) => r.data.id !== r.file.stem)
      .map((r) => ({
        file: r.file.display,
        path: ['id'],
        rule: 'id-matches-filename',
        message: `id "${r.data.id}" does not match the file name "${r.file.stem}.yaml": rename the file to ${r.data.id}.yaml or change the id to "${r.file.stem}"`,
      })),
};
