import { defineConfig } from 'vitest/config';

// Tests that start servers, browsers, databases or test runners; the rest are unit tests.
const integration = [
  'test/e2e/**/*.test.ts',
  'test/service/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/examples/**/*.test.ts',
  'test/sources/web/**/*.test.ts',
  'test/validation/execution/**/*.test.ts',
  'examples/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // End-to-end tests start servers and browsers; two cores cannot run many at once.
    maxWorkers: 2,
    reporters: ['default'],
    // A temp folder per test file, removed afterwards: nothing a test makes is left behind.
    setupFiles: ['test/support/scratch-tmpdir.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: integration },
      },
      { extends: true, test: { name: 'integration', include: integration } },
    ],
  },
});
