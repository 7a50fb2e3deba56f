import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // Bundle the parts of mathjs we use (its unit parser) instead of loading all of
  // mathjs at import time: a full `import('mathjs')` costs ~0.7 s cold here.
  noExternal: ['mathjs'],
  treeshake: true,
});
