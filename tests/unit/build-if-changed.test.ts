import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../support/files.ts';

const run = promisify(execFile);
const SCRIPT = join(REPO, 'bin/build-if-changed.js');
const RUN_BUILT = join(REPO, 'bin/run-built.js');

// The real script, copied into a small project of its own: its build (a stand-in for esbuild) copies src/main.ts to
// dist/main.js and logs each run, so the tests count builds without touching this repository's dist/.
const STAND_IN_BUILD = `
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
if (readFileSync('src/main.ts', 'utf8').includes('syntax error')) process.exit(3);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/main.js', readFileSync('src/main.ts'));
appendFileSync('builds.log', 'built\\n');
`;

const projects: string[] = [];
const realRoot = (root: string) => realpath(root);
afterEach(async () => {
  await Promise.all(projects.splice(0).map((project) => rm(project, { recursive: true, force: true })));
});

async function project(buildCommand = 'node build.mjs') {
  const root = await mkdtemp(join(tmpdir(), 'claimbot-build-'));
  projects.push(root);
  await mkdir(join(root, 'bin'));
  await mkdir(join(root, 'src', 'store'), { recursive: true });
  await mkdir(join(root, 'commands'));
  await copyFile(SCRIPT, join(root, 'bin/build-if-changed.js'));
  await copyFile(RUN_BUILT, join(root, 'bin/run-built.js'));
  await writeFile(join(root, 'build.mjs'), STAND_IN_BUILD);
  await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module', scripts: { build: buildCommand } }));
  await writeFile(join(root, 'src/main.ts'), 'console.log("one");\n');
  await writeFile(join(root, 'src/store/claims.ts'), 'export const claims = 1;\n');
  await writeFile(join(root, 'commands/claim.ts'), 'export const claim = 1;\n');
  return root;
}

/** Runs the script as `npm start` does; how many builds the project has seen after it, and how the script ended. */
async function start(root: string): Promise<{ builds: number; code: number }> {
  const code = await run(process.execPath, ['bin/build-if-changed.js'], { cwd: root }).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  const log = await readFile(join(root, 'builds.log'), 'utf8').catch(() => '');
  return { builds: log.split('\n').filter(Boolean).length, code };
}

describe('bin/build-if-changed.js (what npm start runs before the bot)', { timeout: 60_000 }, () => {
  it('builds on the first start and not again while nothing changed', async () => {
    const root = await project();
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
    expect(await readFile(join(root, 'dist/main.js'), 'utf8')).toBe('console.log("one");\n');
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
  });

  it('rebuilds after a source file changes, is added, or is deleted, in src/ at any depth or in commands/', async () => {
    const root = await project();
    await start(root);
    await writeFile(join(root, 'src/main.ts'), 'console.log("two");\n');
    expect(await start(root)).toEqual({ builds: 2, code: 0 });
    expect(await readFile(join(root, 'dist/main.js'), 'utf8')).toBe('console.log("two");\n');
    await writeFile(join(root, 'src/store/claims.ts'), 'export const claims = 2;\n');
    expect(await start(root)).toEqual({ builds: 3, code: 0 });
    await writeFile(join(root, 'commands/claim.ts'), 'export const claim = 2;\n');
    expect(await start(root)).toEqual({ builds: 4, code: 0 });
    await writeFile(join(root, 'commands/new.ts'), 'export {};\n');
    expect(await start(root)).toEqual({ builds: 5, code: 0 });
    await unlink(join(root, 'commands/new.ts'));
    expect(await start(root)).toEqual({ builds: 6, code: 0 });
    expect(await start(root)).toEqual({ builds: 6, code: 0 });
  });

  it('does not rebuild when a file is rewritten with the same bytes (a checkout that only touches mtimes)', async () => {
    const root = await project();
    await start(root);
    await writeFile(join(root, 'src/main.ts'), 'console.log("one");\n');
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
  });

  it('rebuilds when package.json, package-lock.json or the build command changes', async () => {
    const root = await project();
    await start(root);
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    expect(await start(root)).toEqual({ builds: 2, code: 0 });
    await writeFile(join(root, 'package.json'), JSON.stringify({ type: 'module', scripts: { build: 'node  build.mjs' } }));
    expect(await start(root)).toEqual({ builds: 3, code: 0 });
  });

  it('rebuilds when dist/ or one of the files the build wrote is gone or was rewritten since', async () => {
    const root = await project();
    await start(root);
    await rm(join(root, 'dist'), { recursive: true });
    expect(await start(root)).toEqual({ builds: 2, code: 0 });
    await unlink(join(root, 'dist/main.js'));
    expect(await start(root)).toEqual({ builds: 3, code: 0 });
    await writeFile(join(root, 'dist/main.js'), 'console.log("built from other sources, by a bare npm run build");\n');
    expect(await start(root)).toEqual({ builds: 4, code: 0 });
    expect(await readFile(join(root, 'dist/main.js'), 'utf8')).toBe('console.log("one");\n');
  });

  it('fails with the build when it fails, so the bot does not start, and tries again on the next start', async () => {
    const root = await project();
    await start(root);
    await writeFile(join(root, 'src/main.ts'), 'syntax error\n');
    expect(await start(root)).toEqual({ builds: 1, code: 3 });
    expect(await start(root)).toEqual({ builds: 1, code: 3 });
    await writeFile(join(root, 'src/main.ts'), 'console.log("fixed");\n');
    expect(await start(root)).toEqual({ builds: 2, code: 0 });
  });

  it('is what npm start and npm run deploy-commands run, through bin/run-built.js, with the build command left in "build"', async () => {
    const { scripts } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node --optimize-for-size bin/run-built.js main');
    expect(scripts['deploy-commands']).toBe('node bin/run-built.js deploy-commands');
    expect(scripts.build).toMatch(/^esbuild /);
  });
});

describe('bin/run-built.js (npm start: the check and the bundle in one process)', { timeout: 60_000 }, () => {
  const SHOWS_ITSELF = 'console.log(JSON.stringify({ script: process.argv[1], args: process.argv.slice(2), pid: process.pid }));\n';

  it('builds when the sources changed, then runs the bundle in the same process, as if node had been given the bundle', async () => {
    const root = await project();
    await writeFile(join(root, 'src/main.ts'), SHOWS_ITSELF);
    const child = run(process.execPath, ['bin/run-built.js', 'main', '--extra'], { cwd: root });
    const { stdout } = await child;
    expect(JSON.parse(stdout)).toEqual({ script: join(await realRoot(root), 'dist/main.js'), args: ['--extra'], pid: child.child.pid });
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
    await run(process.execPath, ['bin/run-built.js', 'main'], { cwd: root });
    expect(await start(root)).toEqual({ builds: 1, code: 0 });
  });

  it('runs nothing when the build fails, and refuses a bundle it does not know', async () => {
    const root = await project();
    await writeFile(join(root, 'src/main.ts'), 'syntax error\n');
    const failed = await run(process.execPath, ['bin/run-built.js', 'main'], { cwd: root }).catch((error: { code: number; stdout: string }) => error);
    expect(failed).toMatchObject({ code: 3, stdout: '' });
    const unknown = await run(process.execPath, ['bin/run-built.js', 'elsewhere'], { cwd: root }).catch((error: { code: number; stderr: string }) => error);
    expect(unknown).toMatchObject({ code: 2, stderr: 'run-built: say which bundle to run: main or deploy-commands\n' });
  });
});
