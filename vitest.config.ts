import { defineConfig } from 'vitest/config';

/** Three kinds of test, as three projects: `npx vitest run --project unit` runs one kind. */
export default defineConfig({
  test: {
    // Some start the bot or the CLI as a child process; a loaded machine makes that slow, never wrong.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // They drive the bot through the real discord.js client against the loopback Discord.
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
      // Skipped, with a line that says so, unless TEST_DATABASE_URL names a PostgreSQL server.
      { extends: true, test: { name: 'postgres', include: ['tests/postgres/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
    ],
  },
});
