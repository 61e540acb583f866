import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { FakeDiscord } from './fake-discord.ts';
import { REPO, SHIPPED_CLAIMS, startArguments } from './files.ts';

export type LogLine = Record<string, unknown> & { message?: string };

export interface BuiltBot {
  /** Every JSON log line the process wrote on stderr so far, parsed. */
  logs(): LogLine[];
  /** Resolves with the first log line whose message is `message` (one already written counts). */
  logged(message: string): Promise<LogLine>;
  /** SIGTERM, and waits until the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would, and waits until the process has exited. */
  kill(): Promise<void>;
}

/**
 * The built bot, run as `npm start` runs it (build it first: `npm run build`), as a child process against `discord`,
 * with the shipped seed and a token that only the loopback Discord accepts; `env` adds to or overrides that.
 */
export async function startBuiltBot(discord: FakeDiscord, env: Record<string, string>): Promise<BuiltBot> {
  const child = spawn(process.execPath, await startArguments(), {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: 'child.token.not-real',
      DISCORD_API_BASE_URL: discord.apiBaseUrl,
      CLAIMS_PATH: SHIPPED_CLAIMS,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters: { message: string; resolve: (line: LogLine) => void; reject: (error: Error) => void }[] = [];
  const exited = once(child, 'exit');
  // A process that exits before it logs what a test waits for fails that test at once, saying so.
  child.once('exit', (code, signal) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the bot exited (${signal ?? `code ${code}`}) before logging “${waiter.message}”`));
  });
  let partial = '';
  child.stderr.on('data', (chunk: Buffer) => {
    const complete = (partial + chunk.toString('utf8')).split('\n');
    partial = complete.pop() ?? '';
    for (const text of complete) {
      // Not a log line (a startup failure's one sentence, a stack): shown as it is, so a failing run says why.
      if (!text.startsWith('{')) {
        if (text) process.stderr.write(`${text}\n`);
        continue;
      }
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.message === line.message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  return {
    logs: () => [...lines],
    logged: (message) => {
      const earlier = lines.find((line) => line.message === message);
      if (earlier) return Promise.resolve(earlier);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`the bot has exited without logging “${message}”`));
      return new Promise((resolve, reject) => waiters.push({ message, resolve, reject }));
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
