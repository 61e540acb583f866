#!/usr/bin/env node
// The `claimbot` command: runs the TypeScript CLI through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/terminal/cli.ts');
process.exitCode = await runCli(process.argv.slice(2), process.env);
