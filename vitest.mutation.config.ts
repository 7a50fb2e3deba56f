import { fileURLToPath } from 'node:url';
import type { Reporter } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant. By default every test file
 * except those that build the package (determinism), start worker threads
 * (parallel: a worker would not see the mutant), run the TypeScript checker
 * over the docs (docs) or take seconds per run (properties). With
 * MUTATION_TESTS=kernels,bad-input only those test files run: the core is
 * called by every test, so mutating it module by module against the module's
 * own tests (`npm run mutation`) takes minutes where all tests per
 * mutant would take a day.
 */
/**
 * A test file that fails to load counts as a failed test. StrykerJS's vitest
 * runner (9.x, still in 10.0; stryker-js#6150) builds a mutant's result from
 * the tests it collected, and a file whose import throws collects none: a
 * mutant that stops a module from loading (say, a duration preset parsed at
 * import) would be reported as survived although every test fails. This
 * reporter gives such a file one failed test carrying its load error.
 */
const loadFailureAsFailedTest: Reporter = {
  onTestRunEnd(modules) {
    for (const module of modules) {
      const file = module.task;
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const test = { type: 'test', id: `${file.id}_load`, name: 'the test file loads', mode: 'run', file, suite: undefined, context: undefined, meta: {}, annotations: [], artifacts: [], timeout: 0 };
      file.tasks.push({ ...test, result: { state: 'fail', errors: file.result.errors ?? [] } } as unknown as (typeof file.tasks)[number]);
    }
  },
};

const only = process.env.MUTATION_TESTS?.split(',').map((name) => `test/${name.trim()}.test.ts`);

export default defineConfig({
  resolve: {
    alias: { 'relationship-equity': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: only ?? ['test/*.test.ts'],
    exclude: ['test/determinism.test.ts', 'test/docs.test.ts', ...(only ? [] : ['test/parallel.test.ts', 'test/properties.test.ts'])],
    testTimeout: 60_000,
    reporters: ['default', loadFailureAsFailedTest],
  },
});
