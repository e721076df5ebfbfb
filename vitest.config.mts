import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // ESLint's RuleTester registers its cases through the global describe/it.
    globals: true,
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
