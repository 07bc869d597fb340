import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // End-to-end tests start servers and browsers; two cores cannot run many at once.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
