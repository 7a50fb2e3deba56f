import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant. By default every test file
 * except those that build the package (determinism), start worker threads
 * (parallel: a worker would not see the mutant), run the TypeScript checker
 * over the docs (docs, model-docs) or take seconds per run (properties). With
 * MUTATION_TESTS=kernels,bad-input only those test files run: the core is
 * called by every test, so mutating it module by module against the module's
 * own tests (`npm run mutation:modules`) takes minutes where all tests per
 * mutant would take a day.
 */
const only = process.env.MUTATION_TESTS?.split(',').map((name) => `test/${name.trim()}.test.ts`);

export default defineConfig({
  resolve: {
    alias: { 'relationship-equity': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: only ?? ['test/*.test.ts'],
    exclude: ['test/determinism.test.ts', 'test/docs.test.ts', 'test/model-docs.test.ts', ...(only ? [] : ['test/parallel.test.ts', 'test/properties.test.ts'])],
    testTimeout: 60_000,
  },
});
