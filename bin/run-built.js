#!/usr/bin/env node
// `npm start` and `npm run deploy-commands`: `node bin/run-built.js main|deploy-commands` builds dist/ if the sources
// changed, then runs the bundle in this same process. A second Node process for the check cost every start about
// 0.13 s on this machine (Node's own start-up); V8 flags given to this process (--optimize-for-size) apply to the bot.
import { fileURLToPath } from 'node:url';
import { buildIfChanged } from './build-if-changed.js';

const ENTRIES = ['main', 'deploy-commands'];
const entry = process.argv[2];
if (!ENTRIES.includes(entry)) {
  process.stderr.write(`run-built: say which bundle to run: ${ENTRIES.join(' or ')}\n`);
  process.exit(2);
}
buildIfChanged();
const bundle = fileURLToPath(new URL(`../dist/${entry}.js`, import.meta.url));
// The bundle is the program from here: what it reads as its own script (sharding starts one process per shard with
// it) and its arguments are those of `node dist/<entry>.js`.
process.argv.splice(1, 2, bundle);
await import(bundle);
