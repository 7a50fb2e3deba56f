import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', charts: 'src/charts.ts', node: 'src/node.ts', 'monte-carlo-worker': 'src/monte-carlo-worker.ts' },
  format: ['esm', 'cjs'],
  // Declarations need Node's types for the Node entry only; the main entry is checked without them (tsconfig.json).
  dts: { compilerOptions: { types: ['node'] } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // The Node entry needs node:fs; the main entry uses no Node built-in at all.
  esbuildOptions(options) {
    options.external = [...(options.external ?? []), 'node:*'];
    // Maps point into src/ by path without embedding it (the tarball shipped 7.7 MB of sources inside its maps).
    options.sourcesContent = false;
  },
  // Bundle the parts of mathjs we use (the fits' linear algebra: create, inv, lusolve) instead of loading
  // all of mathjs at import time (a full `import('mathjs')` costs ~0.7 s cold here); so mathjs is a
  // devDependency, not a runtime one.
  noExternal: ['mathjs'],
  // The charts and Node entries import the main entry by name, so all share one copy at run time.
  external: ['relationship-equity'],
  treeshake: true,
  // Code splitting for CommonJS too (tsup's experimental option): the main and Node entries then share one copy
  // of the core, so an error thrown by `relationship-equity/node` is `instanceof` the classes of `relationship-equity`.
  splitting: true,
});
