import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset, DatasetError } from '../core/dataset.ts';
import { loadEnv } from '../config/env.ts';
import { renderClaimEmbed } from '../views/claim-view.ts';
import { replyToText, terminalSafe } from './terminal-text.ts';
import { ClaimStore } from '../store/claim-store.ts';
import { UserError } from '../core/errors.ts';
import { errorWords, isFault } from '../views/error-words.ts';
import { loadCliConfig, newsroomOf, type CliConfig } from '../config/config.ts';
import { EXPORT_FORMATS, exportClaims, type ExportFormat } from '../exchange/export.ts';
import { readImport } from '../exchange/import.ts';
import { planImport } from '../exchange/plan.ts';
import { describePlan } from '../exchange/report.ts';
import { historyLines } from '../views/history-view.ts';
import { describeFailure } from '../views/failure.ts';
import type { Claim } from '../core/schema.ts';
import { draftCommand, DRAFT_USAGE } from './draft-command.ts';

const USAGE = `Usage:
  claimbot search "<query>" [--limit N] [--json]   search the claims (--json: the matching records, with score)
  claimbot validate [file]                         check a dataset (default: $CLAIMS_PATH, else data/claims.json)
  claimbot export [--format F] [--story ID] [--out FILE]
                                                   write the current claims (default: to stdout); F is json (the
                                                   dataset format, the default), claimreview (JSON-LD) or csv
  claimbot import FILE [--dry-run] [--skip-invalid] [--story ID] [--restore-removed]
                                                   add and update claims from ClaimReview JSON-LD, a Fact Check
                                                   Tools response, our JSON or our CSV; says what it would do first;
                                                   a removed claim is skipped unless --restore-removed
  claimbot history <claim id>                      who changed a claim, when, and how
${DRAFT_USAGE}

Exit status: 0 ok, 1 invalid dataset or another failure (said in one line), 2 bad usage.`;

const MAX_LIMIT = 50;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether `out` is a terminal (not a file or a pipe): then data printed to it is shown, not obeyed, too. */
  terminal?: boolean;
}

interface SafeIo extends CliIo {
  data: (text: string) => void;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  terminal: process.stdout.isTTY === true,
};

/** Runs one CLI command; returns the exit status. Everything it prints is safe for a terminal, whatever the query or the file holds. */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv, rawIo: CliIo = processIo): Promise<number> {
  // Text for people is made safe for a terminal; data (JSON, CSV) goes out byte for byte to a file or a pipe, as
  // files must, and is made safe too when it lands on a terminal: a CSV export holds claims' text as it is.
  const data = rawIo.terminal ? (text: string) => rawIo.out(terminalSafe(text)) : rawIo.out;
  const io: SafeIo = { out: (text) => rawIo.out(terminalSafe(text)), err: (text) => rawIo.err(terminalSafe(text)), data };
  const [command, ...rest] = args;
  try {
    loadEnv(env);
    if (command === 'help' || command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    if (command === 'search') return await search(rest, loadCliConfig(env), io);
    if (command === 'validate') return await validate(rest, loadCliConfig(env).CLAIMS_PATH, io);
    if (command === 'export') return await exportFile(rest, loadCliConfig(env), io);
    if (command === 'history') return await history(rest, loadCliConfig(env), io);
    if (command === 'import') return await importFile(rest, loadCliConfig(env), io);
    if (command === 'draft') return await draftCommand(rest, () => openStore(loadCliConfig(env)), io, readStdin);
    throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof DatasetError) {
      io.err(error.message);
      return 1;
    }
    const words = errorWords(error);
    if (words !== undefined) {
      io.err(words);
      // An outage is not a mistake in the command: exit 1, as for any failure to do the work.
      return isFault(error) ? 1 : 2;
    }
    // Anything else (a database that cannot be opened, a disk that is full): one sentence, not a stack trace.
    io.err(`claimbot ${command}: ${describeFailure(error)}`);
    return 1;
  }
}

class UsageError extends Error {}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Bad flags are a usage error: exit 2 with the usage, not a stack trace. */
function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The claims the bot serves: its database, filled from the seed file the first time. */
function openStore(config: CliConfig): Promise<ClaimStore> {
  return ClaimStore.open({ databaseUrl: config.DATABASE_URL, seedFile: config.CLAIMS_PATH, cacheDir: config.CACHE_DIR });
}

async function search(args: readonly string[], config: CliConfig, io: SafeIo): Promise<number> {
  const { values, positionals } = asUsage(() =>
    parseArgs({ args: [...args], options: { limit: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true }),
  );
  if (positionals.length !== 1) throw new UsageError('search takes one query; put it in quotes: claimbot search "north korea troops"');
  const limit = Number(values.limit ?? 5);
  // Number() would also take "0x3", "1e1" and " 3": only plain digits are a limit.
  if (!/^\d+$/.test(values.limit ?? '5') || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  const store = await openStore(config);
  const hits = store.search(positionals[0]!, { limit });
  await store.close();
  if (values.json) {
    io.data(
      JSON.stringify(
        hits.map(({ claim, score }) => ({ ...claim, score: Math.round(score * 1000) / 1000 })),
        null,
        2,
      ),
    );
  } else if (hits.length === 0) {
    io.out(`No claim matches "${positionals[0]}".`);
  } else {
    const blocks = hits.map(
      ({ claim, score }, i) => `${i + 1}. (match ${Math.round(score * 100)}%)\n${replyToText({ embeds: [renderClaimEmbed(claim, store.story(claim.story))] })}`,
    );
    io.out(blocks.join('\n\n'));
  }
  return 0;
}

async function validate(args: readonly string[], claimsPath: string, io: CliIo): Promise<number> {
  const { positionals } = asUsage(() => parseArgs({ args: [...args], allowPositionals: true }));
  if (positionals.length > 1) throw new UsageError('validate takes at most one file.');
  const file = positionals[0] ?? claimsPath;
  const { claims, stories } = await loadDataset(file);
  io.out(`${file}: valid (${claims.length} claims, ${stories.length} ${stories.length === 1 ? 'story' : 'stories'})`);
  return 0;
}

async function exportFile(args: readonly string[], config: CliConfig, io: SafeIo): Promise<number> {
  const { values, positionals } = asUsage(() =>
    parseArgs({ args: [...args], options: { out: { type: 'string' }, format: { type: 'string' }, story: { type: 'string' } } }),
  );
  if (positionals.length > 0) throw new UsageError('export takes no arguments, only --format, --story and --out.');
  const format = values.format ?? 'json';
  if (!isFormat(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(', ')}; "${format}" is not one.`);
  const store = await openStore(config);
  const dataset = store.dataset();
  await store.close();
  const text = exportClaims(dataset, format, { newsroom: newsroomOf(config), story: values.story });
  const claims = values.story ? dataset.claims.filter((claim) => claim.story === values.story).length : dataset.claims.length;
  if (values.out === undefined) io.data(text.trimEnd());
  else {
    // Written beside the target and renamed over it, so a reader never sees half a file.
    await writeFile(`${values.out}.tmp`, text);
    await rename(`${values.out}.tmp`, values.out);
    io.err(`Wrote ${claims} claims${values.story ? ` of ${values.story}` : ''} as ${format} to ${values.out}.`);
  }
  return 0;
}

function isFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

/**
 * Reads a file, says what importing it would add, update and skip, and (unless --dry-run) does it in one
 * transaction, audited. Any invalid record stops the whole import unless --skip-invalid is given.
 */
async function importFile(args: readonly string[], config: CliConfig, io: SafeIo): Promise<number> {
  const { values, positionals } = asUsage(() =>
    parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, 'restore-removed': { type: 'boolean' }, story: { type: 'string' } },
    }),
  );
  if (positionals.length !== 1) throw new UsageError('import takes one file: claimbot import reviews.jsonld');
  const file = positionals[0]!;
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new UserError(`Cannot read ${file}: ${error.message}`);
  });
  let shown = -1;
  const result = readImport(text, basename(file), {
    story: values.story,
    actor: `import of ${basename(file)}`,
    newsroom: newsroomOf(config),
    // A progress line for a large file, every tenth of the way.
    onProgress: (done, total) => {
      const tenth = Math.floor((10 * done) / total);
      if (total >= 1000 && tenth > shown)
        io.err(`Reading ${basename(file)}: ${(shown = tenth) * 10}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')} records)`);
    },
  });
  const store = await openStore(config);
  try {
    const plan = planImport({ ...store.dataset(), removed: await store.removals() }, result, { restoreRemoved: values['restore-removed'] });
    io.out(describePlan(file, result, plan).join('\n'));
    if (plan.invalid.length > 0 && !values['skip-invalid']) {
      io.err('Nothing was imported: fix the invalid records, or import the rest with --skip-invalid.');
      return 1;
    }
    if (values['dry-run']) {
      io.err('Dry run: nothing was written.');
      return 0;
    }
    const now = new Date().toISOString();
    const stamped = (claim: Claim) => ({ ...claim, updatedAt: now > claim.updatedAt ? now : claim.updatedAt });
    const changes = [...plan.update, ...plan.restore];
    const claims = [...plan.add, ...changes.map(({ after }) => stamped(after))];
    // What the plan was made on, checked again inside the write: a claim changed meanwhile is left as it now is.
    const planned = new Map<string, { claim: Claim; removed: boolean } | undefined>(plan.add.map((claim) => [claim.id, undefined]));
    for (const { before } of plan.update) planned.set(before.id, { claim: before, removed: false });
    for (const { before } of plan.restore) planned.set(before.id, { claim: before, removed: true });
    const written = new Set(
      (
        await store.import(
          { stories: plan.addStories, claims, planned },
          { id: 'cli', name: `import of ${basename(file)}` },
          `claimbot import ${basename(file)}`,
        )
      ).map((entry) => entry.claimId),
    );
    const count = (list: readonly { id: string }[]) => list.filter((claim) => written.has(claim.id)).length;
    const restored = plan.restore.length > 0 ? `, ${count(plan.restore.map(({ after }) => after))} restored` : '';
    io.err(
      `Imported: ${count(plan.add)} added, ${count(plan.update.map(({ after }) => after))} updated${restored}${plan.invalid.length > 0 ? `, ${plan.invalid.length} invalid records skipped` : ''}.`,
    );
    for (const claim of claims.filter((candidate) => !written.has(candidate.id))) {
      const state = store.removedClaim(claim.id) ? 'was removed' : 'changed';
      io.err(`Not written: claim "${claim.id}" ${state} while the import ran; it stays as it is (run the import again to see the new plan).`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function history(args: readonly string[], config: CliConfig, io: SafeIo): Promise<number> {
  const { positionals } = asUsage(() => parseArgs({ args: [...args], allowPositionals: true }));
  if (positionals.length !== 1) throw new UsageError('history takes one claim id: claimbot history zelensky-coalition-of-criminals');
  const store = await openStore(config);
  const entries = await store.history(positionals[0]!);
  await store.close();
  if (entries.length === 0) throw new UserError(`There is no claim "${positionals[0]}".`);
  io.out(historyLines(entries).join('\n\n'));
  return 0;
}
