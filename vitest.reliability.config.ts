import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: load, faults, rolling restart and fuzzing against real services,
 * databases and Redis on 127.0.0.1. Files run one after another: load figures mean nothing when
 * two files compete for the same cores.
 */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/reliability/summary.global.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
