import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPackage, ROOT, tempDirWithDeps } from './helpers/run.js';

/**
 * Builds the whole package from the real data/ once per test run, into a temp dir
 * (never into the working tree's dist/), for the suites that test what would be published.
 */
export default function setup(project: TestProject) {
  const base = tempDirWithDeps('cc-package-');
  const dir = join(base, 'dist');
  buildPackage(join(ROOT, 'data'), dir);
  project.provide('packageDist', dir);
  return () => rmSync(base, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    packageDist: string;
  }
}
