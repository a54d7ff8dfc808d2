import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer tests compile TSX the way the build does.
  plugins: [react()],
  // Only the bare package: its stylesheet import still resolves to the real file.
  resolve: { alias: [{ find: /^uplot$/, replacement: fileURLToPath(new URL('./renderer/testing/uplot-stand-in.ts', import.meta.url)) }] },
  test: {
    // Renderer DOM tests opt into happy-dom per file (`// @vitest-environment happy-dom`); the rest run on Node.
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'test/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start real servers and SQLite files; two cores here.
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
