import { recordCheck } from './types.js';

export const idMatchesFilename = recordCheck({
  name: 'id-matches-filename',
  description: 'A record\'s id equals its file name without ".yaml".',
  check: (r) =>
    r.data.id === r.file.stem
      ? []
      : [
          {
            path: ['id'],
            message: `id "${r.data.id}" does not match the file name "${r.file.stem}.yaml": rename the file to ${r.data.id}.yaml or change the id to "${r.file.stem}"`,
          },
        ],
});
