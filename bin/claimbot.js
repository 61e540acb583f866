#!/usr/bin/env node
// The `claimbot` command: runs the TypeScript CLI through tsx, so there is no build step to forget.
// runCli says every failure in one sentence; this catch is for the one thing it cannot: failing to load at all.
import { register } from 'tsx/esm/api';

try {
  register();
  const { runCli } = await import('../src/terminal/cli.ts');
  process.exitCode = await runCli(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`claimbot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 1;
}
