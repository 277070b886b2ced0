import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test`: the unit and pipeline suites. The slow end-to-end checks have their own
 * scripts, which .ci/run calls: `npm run test:bench` (a smoke run of the benchmark,
 * vitest.bench.config.ts) and the consumer checks (`npm run test:consumers`).
 */
const SEPARATE_SUITES = ['tests/bench.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...SEPARATE_SUITES],
    globalSetup: ['tests/global-setup.ts'],
    // A few suites spawn processes or build packages: room for a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Many suites wait on child processes (the CLI, tsc, the build): a third fork keeps both
    // cores busy meanwhile (measured on 2 cores: 147 s with two forks, 114 s with three, 117 s with four).
    maxWorkers: 3,
  },
});
