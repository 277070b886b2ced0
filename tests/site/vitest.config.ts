import { defineConfig } from 'vitest/config';

// The browser suite (`npm run test:site`), kept out of `npm test`: it needs Chromium.
export default defineConfig({
  test: {
    include: ['tests/site/**/*.spec.ts'],
    globalSetup: ['tests/site/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
