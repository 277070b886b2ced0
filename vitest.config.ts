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
    // A fork runs its test files one after another in one module registry, instead of importing
    // and transforming the modules again for each file: module imports 43–45 s → 19 s per run,
    // npm test 113–123 s → 93–96 s (interleaved runs on 2 cores). Which files share a fork changes
    // from run to run, so a test must not depend on module state another file may have changed: it
    // loads such a module afresh (vi.resetModules, then import), as tests/suggest.test.ts (a mocked
    // dependency) and tests/compiled-schemas.test.ts (the loader's per-thread count) do.
    isolate: false,
    // Many suites wait on child processes (the CLI, tsc, the build): a third fork keeps both
    // cores busy meanwhile (measured on 2 cores: 147 s with two forks, 114 s with three, 117 s with four).
    maxWorkers: 3,
  },
});
