import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests start the bot (sometimes as a child process) against the loopback Discord.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
