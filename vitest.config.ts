import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Build-time values (vite.config.ts) as in a user's build.
        define: { __CHIPLENS_BENCH__: 'false', __CHIPLENS_FIREFOX__: 'false', __CHIPLENS_FORCE_OVERLAY__: 'false' },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'dataset/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/corpus.test.ts'],
          environment: 'node',
        },
      },
      {
        // Checks of the evaluation corpus against itself (labels occur in
        // their articles, name entries of the right kind): reported apart
        // from the tests of ChipLens.
        define: { __CHIPLENS_BENCH__: 'false', __CHIPLENS_FIREFOX__: 'false', __CHIPLENS_FORCE_OVERLAY__: 'false' },
        test: {
          name: 'corpus',
          include: ['tests/unit/corpus.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
