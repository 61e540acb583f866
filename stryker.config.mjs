import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Mutation testing (TESTING.md): `npm run mutation`. Incremental: the report of the last run is kept in the
// repository (mutation/incremental.json), so a run tests only the mutants of code or tests changed since then.
// Tests read ../shared beside the clone (Discord's spec, the corpus). A mutant runs in .stryker-tmp/sandbox-…, whose
// ../shared is .stryker-tmp/shared: a link to the real one, made here. Removing the temporary folder removes the link only.
const shared = fileURLToPath(new URL('../shared', import.meta.url));
const sandboxShared = fileURLToPath(new URL('.stryker-tmp/shared', import.meta.url));
const linked = (() => {
  try {
    return lstatSync(sandboxShared).isSymbolicLink();
  } catch {
    return false;
  }
})();
if (existsSync(shared) && !linked) {
  mkdirSync(fileURLToPath(new URL('.stryker-tmp', import.meta.url)), { recursive: true });
  symlinkSync(shared, sandboxShared);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The suite without the tests that run our code in a child process, which no mutant reaches (see that file).
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // perTest: each mutant runs only the tests that reach its code, not the whole suite.
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', 'commands/**/*.ts'],
  // A static mutant (in a constant built when a module loads) runs every related test, end-to-end ones included:
  // 12 % of the mutants of src/exchange but half of the run's time. They are reported as ignored.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'mutation/incremental.json',
  // The machine is shared (2 cores); raise it on a machine of your own: `npm run mutation -- --concurrency 4`.
  concurrency: 1,
  // End-to-end tests start a bot against the loopback Discord: a mutant that hangs one is killed by the timeout.
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
