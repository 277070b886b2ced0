import type { z } from 'zod';
import type { citation } from '../schema/primitives.js';
import type { AnyRecord } from '../schema/index.js';

export type Citation = z.infer<typeof citation>;

/** The citations of a record (sources themselves cite nothing). */
export const citationsOf = (record: AnyRecord): readonly Citation[] => ('sources' in record ? record.sources : []);
