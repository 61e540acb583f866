import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { runCli } from '../../src/terminal/cli.ts';
import { runConsole } from '../../src/terminal/console.ts';
import { loadDataset } from '../../src/core/dataset.ts';
import { createLogger } from '../../src/core/log.ts';
import { ClaimSchema } from '../../src/core/schema.ts';
import { consoleContext, freshDatabaseUrls, scratchStore } from '../support/store.ts';
import { REPO, SHIPPED_CLAIMS } from '../support/files.ts';

const freshDatabaseUrl = freshDatabaseUrls();
const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const { store, cleanup: closeStore } = await scratchStore(SHIPPED_CLAIMS);
afterAll(closeStore);

/** What the console prints for each line, banner left out. */
async function consoleAnswers(lines: string[]): Promise<string[]> {
  const answers: string[] = [];
  for (const line of lines) {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk));
    await runConsole(Readable.from([`${line}\n`]), output, commands, consoleContext(store), createLogger('silent'));
    answers.push(printed.slice(printed.indexOf('run npm start again.\n') + 'run npm start again.\n'.length).replace(/\n$/, ''));
  }
  return answers;
}

/** The fenced block right after `marker` (or after the first line starting with `marker`). */
function blockAfter(marker: string): string {
  const start = README.indexOf(marker);
  expect(start, `README has ${marker}`).toBeGreaterThanOrEqual(0);
  const block = /```[a-z]*\n([\s\S]*?)\n```/.exec(README.slice(start));
  return block![1]!;
}

describe('the README', () => {
  it('shows the reply the console really prints for its example', async () => {
    const [, line] = /<!-- example-reply: (.+) -->/.exec(README)!;
    const [answer] = await consoleAnswers([line!]);
    expect(blockAfter('<!-- example-reply:')).toBe(answer);
  });

  it('has console examples that all work', async () => {
    const lines = blockAfter('opens the **console**')
      .split('\n')
      .map((line) => line.replace(/^claimbot> /, ''))
      .filter((line) => line !== '/quit');
    expect(lines).toContain('/suggest /claim north ko');
    for (const [i, answer] of (await consoleAnswers(lines)).entries()) {
      expect(answer, lines[i]).not.toMatch(/^(There is no|Something went wrong)|has no option|must be|needs |is not closed/m);
      expect(answer.length, lines[i]).toBeGreaterThan(0);
    }
  });

  it('has CLI examples that all exit 0', async () => {
    const examples = blockAfter('There is also a command-line tool')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, ''));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const args = [...example.replace(/^npx claimbot /, '').matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare!);
      const out: string[] = [];
      expect(await runCli(args, { DATABASE_URL: freshDatabaseUrl() }, { out: (text) => out.push(text), err: (text) => out.push(text) }), example).toBe(0);
      expect(out.join('\n').length, example).toBeGreaterThan(0);
    }
  });

  it('shows a claim of the shipped dataset, exactly, as its data format example', async () => {
    const example = JSON.parse(blockAfter('## Data format')) as { id: string };
    const { claims } = await loadDataset(SHIPPED_CLAIMS);
    expect(ClaimSchema.parse(example)).toEqual(claims.find((claim) => claim.id === example.id));
  });

  it('states the Node version that the installed vitest really needs, as package.json does', () => {
    const pkg = (file: string) => JSON.parse(readFileSync(join(REPO, file), 'utf8')) as { engines: { node: string } };
    const needed = pkg('node_modules/vite/package.json').engines.node;
    expect(pkg('package.json').engines.node).toBe(needed);
    expect(needed).toBe('^20.19.0 || >=22.12.0');
    expect(README).toContain('Node 20.19+ or 22.12+');
  });

  it('links only to files inside the repository that exist', () => {
    const prose = README.replace(/`[^`\n]*`/g, '');
    const targets = [...prose.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map(([, target]) => target!).filter((target) => !/^https?:/.test(target));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      expect(normalize(target).startsWith('..'), target).toBe(false);
      expect(existsSync(join(REPO, target)), target).toBe(true);
    }
  });
});
