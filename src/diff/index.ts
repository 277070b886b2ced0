export { BuildReadError, diffBuilds, DIFF_MAX_FILE_BYTES, type Bump, type BuildDiff, type CollectionDiff, type RecordRef, type SchemaDiff } from './builds.js';
export { diffJson, diffMarkdown } from './markdown.js';
export { diffValues, alignLists, type DiffStats, type FieldChange } from './values.js';
