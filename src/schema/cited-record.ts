/**
 * The object schema of a cited record: its id, the collection's own fields, then the
 * curator's note and the citations. Field order is the key order of the JSON output, of the
 * CSV columns and of `npm run format:data`.
 */
import * as z from 'zod';
import { citations, id, note } from './primitives.js';

/**
 * A cited record's object: `id`, the given fields, `note`, `sources` (each kind of actor has
 * one). A collection module titles and describes it for its JSON Schema with `.meta()`.
 */
export const citedObject = <Fields extends z.core.$ZodLooseShape>(fields: Fields) =>
  z.strictObject({ id, ...fields, note: note.optional(), sources: citations });
