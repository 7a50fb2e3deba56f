import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs for each mutant: the unit tests of the mutated modules.
 * The end-to-end suites (claims, beliefs, properties, Monte Carlo, calibration,
 * charts, builds) also exercise these modules but take minutes per mutant.
 */
export default defineConfig({
  resolve: {
    alias: { 'relationship-equity': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'test/duration.test.ts',
      'test/errors.test.ts',
      'test/response.test.ts',
      'test/compare.test.ts',
      'test/quantiles.test.ts',
      'test/schedule.test.ts',
      'test/parameters.test.ts',
    ],
    testTimeout: 60_000,
  },
});
