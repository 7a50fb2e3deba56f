import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page uses the library's ESM build (npm run build), not its sources.
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      { find: /^relationship-equity$/, replacement: dist('index.js') },
      { find: /^relationship-equity\/charts$/, replacement: dist('charts.js') },
    ],
  },
  worker: { format: 'es' },
  build: { outDir: fileURLToPath(new URL('../dist-app', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
