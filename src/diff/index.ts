export { BuildReadError, type BuildDiff, diffBuilds, DIFF_MAX_FILE_BYTES } from './builds.js';
export { diffJson, diffMarkdown } from './markdown.js';
export { alignLists, diffValues } from './values.js';
