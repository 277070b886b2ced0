/** The model layer: what loading, rules, formats and commands share (see ../shared/design/layers.md). */
export * from './citations.js';
export * from './dataset.js';
export * from './evidence.js';
export * from './package-info.js';
export * from './paths.js';
export * from './record.js';
export * from './record-index.js';
export * from './references.js';
