import { defineConfig } from 'vitest/config';

// The page's browser test (npm run test:app): the built page in Debian's Chromium, driven by playwright-core.
export default defineConfig({
  test: { include: ['test-app/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
