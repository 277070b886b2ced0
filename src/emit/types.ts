import type { Dataset } from '../validate.js';

export interface PackageInfo {
  name: string;
  version: string;
  description?: string;
  license?: string;
  homepage?: string;
}

export interface EmitContext {
  dataset: Dataset;
  pkg: PackageInfo;
}

/** A generated file: path relative to the output directory, and its exact contents. */
export interface OutputFile {
  path: string;
  contents: string;
}

/** An output format. To add one: write `emit/<format>.ts` exporting an Emitter, list it in emit/index.ts. */
export interface Emitter {
  name: string;
  emit(ctx: EmitContext): OutputFile[];
}

export const stableJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
