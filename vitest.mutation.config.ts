import { defineConfig } from 'vitest/config';

/**
 * The suite as mutation testing runs it (stryker.config.mjs). A mutant is switched on inside the test process, so a
 * test that runs our code in a child process (the installed `claimbot`, the built bot, a killed writer) cannot
 * kill one: it would only cost minutes per mutant. Those tests still run in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    exclude: [
      'tests/e2e/start.e2e.test.ts',
      'tests/e2e/shards.e2e.test.ts',
      'tests/e2e/desk-crash.e2e.test.ts',
      'tests/e2e/contract.e2e.test.ts',
      'tests/unit/store-kill.test.ts',
      'tests/unit/hostile-files.test.ts',
      'tests/unit/cli-failures.test.ts',
      // These run bin/claimbot.js directly, and Stryker's sandbox copy of it is not executable (EACCES).
      'tests/unit/draft-cli.test.ts',
      'tests/e2e/sqlite-other-process.e2e.test.ts',
      'node_modules/**',
    ],
    testNamePattern: /^(?!claimbot \(the installed command\)|claimbot export --format csv of claims that hold formulas and terminal escapes to a )/,
    // Mutants run one after another while the machine does other work: a slow start is not a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
