import { defineConfig } from 'vitest/config';

/** `npm run test:bench`: the benchmark harness end to end at a tiny size (outside `npm test`). */
export default defineConfig({
  test: {
    include: ['tests/bench.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
