import { defineConfig } from 'vitest/config';

/**
 * Suites that run subprocesses (the built CLI, ESLint, npm pack), need dist/, or work through a
 * generated corpus or real loggers: seconds to a minute each. `npm run test:fast` runs the `fast`
 * project, which leaves them out and needs no build, with --no-isolate (files share one module
 * graph: ESLint and typescript-estree load once); `npm test` builds, then runs both, isolated.
 */
const SLOW = [
  'test/bench.test.ts',
  'test/ci-kit.test.ts',
  'test/cli*.test.ts',
  'test/concurrency.test.ts',
  'test/corpus-e2e.test.ts',
  'test/graft.test.ts',
  'test/package*.test.ts',
  'test/parse.test.ts',
  'test/pipeline.test.ts',
  'test/runtime/differential.test.ts',
];

export default defineConfig({
  test: {
    // ESLint's RuleTester registers its cases through the global describe/it.
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
