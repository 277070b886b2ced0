import type { AnyRecord, Citation } from '../schema/index.js';

export type { Citation };

/** The citations of a record (sources themselves cite nothing). */
export const citationsOf = (record: AnyRecord): readonly Citation[] => ('sources' in record ? record.sources : []);
