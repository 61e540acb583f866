import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The suite as mutation testing runs it (stryker.config.mjs). A mutant is switched on inside the test process, so a
 * test that runs our code in a child process (the installed `claimbot`, the built bot, a killed writer) cannot
 * kill one: it would only cost minutes per mutant. Those tests still run in `npm test`.
 */
export default mergeConfig(base, defineConfig({
  test: {
    exclude: [
      'tests/start.e2e.test.ts',
      'tests/shards.e2e.test.ts',
      'tests/store-kill.test.ts',
      'tests/postgres-bots.e2e.test.ts',
      'tests/postgres-summary.e2e.test.ts',
      'node_modules/**',
    ],
    testNamePattern: /^(?!claimbot \(the installed command\))/,
    // Mutants run one after another while the machine does other work: a slow start is not a failure.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
}));
