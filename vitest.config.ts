import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests import the public entry point, as users do.
    alias: { 'relationship-equity': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: mutation testing and shared CI machines slow every test down.
    testTimeout: 60_000,
  },
});
