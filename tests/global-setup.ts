import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPackage, ROOT, startTempRun, tempDirWithDeps } from './helpers/run.js';

/**
 * Builds the whole package from the real data/ once per test run, into a temp dir
 * (never into the working tree's dist/), for the suites that test what would be published.
 */
export default function setup(project: TestProject) {
  // Every test's temp folders live in this run's folders, removed at the end whatever happens.
  const endRun = startTempRun();
  try {
    const dir = join(tempDirWithDeps('cc-package-'), 'dist');
    buildPackage(join(ROOT, 'data'), dir);
    project.provide('packageDist', dir);
  } catch (error) {
    endRun();
    throw error;
  }
  return endRun;
}

declare module 'vitest' {
  export interface ProvidedContext {
    packageDist: string;
  }
}
