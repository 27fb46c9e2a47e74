import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Engine tests train real networks on 2 cores: give them room, but never use time as an assertion.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
