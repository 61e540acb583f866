#!/usr/bin/env node
// Runs package.json's `build` script only when the bundle in dist/ is older than its sources: `npm start` and
// `npm run deploy-commands` call this first (through bin/run-built.js, in the same process), so a start with nothing
// changed pays a hash of the sources (a few milliseconds) instead of npm plus esbuild (about 0.9 s). Run alone, it
// builds if needed and exits.
//
// "Changed" is decided by content, not mtimes: a git checkout or a copy touches every file's mtime without changing it,
// and a restored file keeps an old mtime while its content moves. The stamp lives inside dist/, so deleting dist/
// forces a build, and it lists the files the build wrote (size and mtime), so deleting or rebuilding one of them does too. It is written only after
// the build succeeded: a failed build is retried on the next start.
//
// The build command stays in one place, package.json's `build`; it runs here through a shell with node_modules/.bin on
// the PATH (as npm runs it), without a second npm process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist');
const STAMP = join(OUT, '.build-stamp.json');
/** What the bundle is made of: the sources, and the files that choose the dependencies and the compiler settings. */
const SOURCE_FOLDERS = ['src', 'commands'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json'];

/** Every file under `folder`, relative to the root, in a stable order (none when the folder does not exist). */
function filesUnder(folder) {
  const base = join(ROOT, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/** One hash over the build command and every source file's path and bytes. */
function sourcesHash(buildCommand) {
  const hash = createHash('sha256').update(buildCommand).update('\0');
  const files = [...SOURCE_FOLDERS.flatMap(filesUnder), ...SOURCE_FILES.filter((file) => existsSync(join(ROOT, file)))];
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Each file the build wrote, with its size and mtime: a file deleted or rewritten since (say by a bare `npm run build`
 *  from other sources) means the stamp no longer describes dist/. */
function outputsNow(files) {
  return Object.fromEntries(
    files.map((file) => {
      const { size, mtimeMs } = statSync(join(OUT, file));
      return [file, `${size}@${mtimeMs}`];
    }),
  );
}

function sameOutputs(recorded) {
  if (typeof recorded !== 'object' || recorded === null || Object.keys(recorded).length === 0) return false;
  try {
    const now = outputsNow(Object.keys(recorded));
    return Object.entries(recorded).every(([file, version]) => now[file] === version);
  } catch {
    return false; // one of them is gone
  }
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return undefined; // no build yet, or a stamp from something else: build
  }
}

/** Builds dist/ when its stamp does not describe the sources; exits the process when the build fails. */
export function buildIfChanged() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const buildCommand = scripts?.build;
  if (typeof buildCommand !== 'string') {
    process.stderr.write('build-if-changed: package.json has no "build" script\n');
    process.exit(1);
  }

  const sources = sourcesHash(buildCommand);
  const stamp = readStamp();
  if (stamp?.sources === sources && sameOutputs(stamp.outputs)) return;

  const PATH = [join(ROOT, 'node_modules', '.bin'), process.env.PATH].filter(Boolean).join(delimiter);
  const build = spawnSync(buildCommand, { cwd: ROOT, shell: true, stdio: 'inherit', env: { ...process.env, PATH } });
  if (build.status !== 0) {
    process.stderr.write(`build-if-changed: the build failed (${build.error?.message ?? `exit ${build.status ?? build.signal}`})\n`);
    process.exit(build.status || 1);
  }
  const outputs = outputsNow(
    filesUnder('dist')
      .map((file) => relative('dist', file))
      .filter((file) => file !== relative(OUT, STAMP)),
  );
  writeFileSync(STAMP, `${JSON.stringify({ sources, outputs }, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildIfChanged();
