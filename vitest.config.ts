import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['./test/support/cleanup.ts'],
    // The CLIs the tests start keep no code cache in the user's home (test/util/code-cache.test.ts sets its own).
    env: { ROLLBACK_READY_CACHE: 'off' },
    reporters: ['default', './test/support/count-reporter.ts'],
  },
});
