/**
 * The published form of a record: the record as written, plus what the build computes.
 * `reported_fields` is declared here once, so the JSON Schema, the CSV columns and the
 * typed exports all carry it; data files must not contain it (their schema rejects it).
 */
import * as z from 'zod';
import { evidencePath } from './primitives.js';

export const reportedFields = z.array(evidencePath).min(1).optional().meta({
  description:
    'Computed by the build, not written in data files: evidence paths of the fields backed only by citations with certainty "reported" (hedged or second-hand claims). Absent when every field has a stated citation.',
});

type ObjectSchema = z.ZodObject;
type Published<S> =
  S extends z.ZodObject<infer Shape, infer Config>
    ? z.ZodObject<Shape & { reported_fields: typeof reportedFields }, Config>
    : S extends z.ZodDiscriminatedUnion<infer Options, infer Disc>
      ? z.ZodDiscriminatedUnion<PublishedOptions<Options>, Disc>
      : never;

// Mapping the tuple of variants keeps it a tuple; the conditional only restates the constraint for the checker.
type PublishedOptions<Options> = { [K in keyof Options]: Published<Options[K]> } extends infer T extends readonly z.core.SomeType[]
  ? T
  : never;

/** The published schema of a collection schema (an object or a discriminated union of objects). */
export function publishedSchema<S extends z.ZodObject | z.ZodDiscriminatedUnion>(schema: S): Published<S> {
  const extend = (o: ObjectSchema) => o.extend({ reported_fields: reportedFields });
  const meta = z.globalRegistry.get(schema);
  const out =
    schema instanceof z.ZodDiscriminatedUnion
      ? z.discriminatedUnion(
          schema.def.discriminator,
          (schema.options as ObjectSchema[]).map(extend) as unknown as [ObjectSchema, ...ObjectSchema[]],
        )
      : extend(schema as ObjectSchema);
  return (meta ? out.meta(meta) : out) as unknown as Published<S>;
}
