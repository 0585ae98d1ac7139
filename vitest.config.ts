import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    // The reliability suite has its own command and config: npm run test:reliability.
    exclude: ['**/node_modules/**', 'cdktf.out/**', 'test/reliability/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
