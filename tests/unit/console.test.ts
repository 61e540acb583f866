import { PassThrough, Readable } from 'node:stream';
import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Command, RawOptions } from '../../src/command/command.ts';
import { parseCommandLine, runConsole } from '../../src/terminal/console.ts';
import { createLogger } from '../../src/core/log.ts';
import { consoleContext, scratchStore } from '../support/store.ts';
import { tempDataset } from '../support/files.ts';

const dataset = await tempDataset((data) => {
  const first = data.claims![0] as Record<string, unknown>;
  first.statement = '10,000 North Korean troops are in Russia to support Moscow’s *war* effort (snake_case)';
});
afterAll(() => dataset.cleanup());
const { store, cleanup: closeStore } = await scratchStore(dataset.file);
afterAll(closeStore);

/** A made-up moderator command with subcommands: what the console must handle besides /claim. Its run echoes what it got. */
const received: RawOptions[] = [];
const notes: Command = {
  data: {
    name: 'notes',
    description: 'Moderate claims',
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'add',
        description: 'Add a claim',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'statement', description: 'The words claimed', required: true },
          { type: ApplicationCommandOptionType.String, name: 'claimant', description: 'Who claims it', required: true },
          {
            type: ApplicationCommandOptionType.String,
            name: 'flags',
            description: 'How it is sourced',
            choices: [
              { name: 'Secondhand', value: 'secondhand' },
              { name: 'Anonymous source', value: 'anonymous-source' },
            ],
          },
          { type: ApplicationCommandOptionType.Integer, name: 'priority', description: 'How urgent' },
          { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only to me' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'history',
        description: 'What happened to a claim',
        options: [{ type: ApplicationCommandOptionType.String, name: 'id', description: 'The claim id', required: true }],
      },
    ],
  },
  run(options) {
    received.push(options);
    return { content: `ran ${JSON.stringify(options)}` };
  },
};

/** Runs a console session over `lines` and returns what it printed after the banner, and its exit status. */
async function session(lines: string[]): Promise<{ output: string; status: number }> {
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk));
  const status = await runConsole(Readable.from([`${lines.join('\n')}\n`]), output, [...commands, notes], consoleContext(store), createLogger('silent'));
  return { output: printed.slice(printed.indexOf('run npm start again.') + 'run npm start again.\n'.length), status };
}

const say = async (line: string) => (await session([line])).output.replace(/\n$/, '');

describe('the console', () => {
  it('answers /claim with the claim as written: no markdown escapes, flags in words', async () => {
    const answer = await say('/claim north korean troops moscow war effort');
    expect(answer).toContain('> 10,000 North Korean troops are in Russia to support Moscow’s *war* effort (snake_case)');
    expect(answer).toContain('Verdict: ⚠️ Unverified');
    expect(answer).not.toContain('\\');
  });

  it('takes a question mark as part of the query, not as a request for suggestions', async () => {
    const answer = await say('/claim north korean troops in russia?');
    expect(answer).toContain('Verdict: ');
    expect(answer).not.toMatch(/\[[a-z0-9-]+\]$/m);
  });

  it('/suggest shows what autocomplete would offer for the option being typed', async () => {
    const choices = (await say('/suggest /claim zelenksy')).split('\n');
    expect(choices.length).toBeGreaterThan(1);
    expect(choices[0]).toMatch(/^ {2}Volodymyr Zelensky: .* {3}\[zelensky-[a-z-]+\]$/);
    expect(await say('/suggest claim kursk story:korean')).toBe('  North Korean troops in Russia   [north-korean-troops-in-russia]');
    expect(await say('/suggest /notes history id:x')).toBe('/notes has nothing to autocomplete.');
  });

  it('reads boolean and choice options the way Discord would pass them, in any case', async () => {
    expect(await say('/claim kursk private:yes')).toMatch(/^\(only you would see this\)\n/);
    expect(await say('/claim north korea verdict:Unverified')).toContain('Verdict: ⚠️ Unverified');
    expect(await say('/claim north korea verdict:FALSE')).toContain('No claim matches “north korea” among claims rated ❌ False.');
  });

  it.each([
    ['/claim kursk private:maybe', '/claim: private must be true or false; "maybe" is not.'],
    [
      '/claim kursk verdict:sure',
      '/claim: verdict must be one of unverified, confirmed, false, misleading, disputed, inconclusive or retracted; "sure" is not.',
    ],
    ['/claim kursk foo:bar', '/claim has no option "foo" (its options: query, verdict, story and private). To use "foo:bar" as text, put it in quotes.'],
    ['/claim', '/claim needs query: words from the claim, its claimant or the outlet, e.g. "north korea troops".'],
    ['/claim verdict:false', '/claim needs query: words from the claim, its claimant or the outlet, e.g. "north korea troops".'],
    ['/claim kursk query:troops', '/claim: query is given twice (as text and as query:).'],
    ['/claim "north korea', 'A quote is not closed: "north'],
    ['/frobnicate', 'There is no /frobnicate. Commands: /claim, /claims, /summary, /notes, /suggest, /help, /quit.'],
  ])('answers %j with one clear sentence', async (line, sentence) => {
    expect(await say(line)).toBe(sentence);
  });

  it('keeps a word ending in a colon, a quoted phrase, a time and a link as query text', async () => {
    const { options } = parseCommandLine(commands[0]!, 'the story: troops "verdict:false" at 10:30 https://euronews.com/x');
    expect(options).toEqual({ query: 'the story: troops verdict:false at 10:30 https://euronews.com/x' });
    expect(await say('/claim kyiv independent story: western sources')).toContain('Verdict: ');
  });

  it('shows terminal escape sequences in an echoed query as harmless symbols', async () => {
    const answer = await say('/claim banana \u001b[2J\u001b]0;owned\u0007 smoothie');
    expect(answer).toContain('No claim matches “banana ␛[2J␛]0;owned␇ smoothie”');
    expect(answer).not.toMatch(/\u001b|\u0007/);
  });

  it('lists every command and its options under /help', async () => {
    const help = await say('/help');
    expect(help).toContain('/suggest /claim north ko');
    expect(help).toContain('  /claim query [verdict] [story] [private]\n');
    expect(help).toContain('  /claims verdict id verdict [note]\n');
    expect(help).toContain('  /notes add statement claimant [flags] [priority] [private]\n  /notes history id');
    expect(help).toContain('  /claims requests\n');
    // A message command has no text to type in a console.
    expect(help).not.toContain('Check claims');
  });

  it('exits 0 after /quit and at the end of input, without reading further', async () => {
    expect(await session(['/quit', '/claim kursk'])).toEqual({ output: '', status: 0 });
    expect((await session(['/claim kursk'])).status).toBe(0);
  });

  it('exits 130 on Ctrl-C in a terminal, as an interrupted program does', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true });
    const running = runConsole(terminal, new PassThrough(), commands, consoleContext(store), createLogger('silent'));
    terminal.write('/claim kur');
    terminal.write('\u0003');
    expect(await running).toBe(130);
  });
});

describe('a command with subcommands', () => {
  it('passes the subcommand and its own options, quoted values holding spaces and colons', async () => {
    received.length = 0;
    await session(['/notes add statement:"Troops were sent: 10,000" claimant:“Some reports” flags:Secondhand priority:2 private:no']);
    expect(received).toEqual([
      { subcommand: 'add', statement: 'Troops were sent: 10,000', claimant: 'Some reports', flags: 'secondhand', priority: 2, private: false },
    ]);
  });

  it('fills the subcommand’s first option with free text', () => {
    expect(parseCommandLine(notes, 'add Troops were sent claimant:"Some reports"').options).toEqual({
      subcommand: 'add',
      statement: 'Troops were sent',
      claimant: 'Some reports',
    });
    expect(parseCommandLine(notes, 'history reports-10000-troops-in-russia').options).toEqual({ subcommand: 'history', id: 'reports-10000-troops-in-russia' });
  });

  it.each([
    ['/notes', '/notes needs a subcommand: choose add or history.'],
    ['/notes remove id:x', '/notes has no subcommand "remove"; choose add or history.'],
    ['/notes id:x', '/notes has no subcommand "id:"; choose add or history.'],
    ['/notes history', '/notes history needs id: the claim id.'],
    ['/notes add statement:x', '/notes add needs claimant: who claims it.'],
    ['/notes add x claimant:y flags:rumour', '/notes add: flags must be one of secondhand or anonymous-source; "rumour" is not.'],
    ['/notes add x claimant:y priority:high', '/notes add: priority must be a whole number; "high" is not.'],
    ['/notes history id:x verdict:false', '/notes history has no option "verdict" (its options: id). To use "verdict:false" as text, put it in quotes.'],
  ])('answers %j with one clear sentence', async (line, sentence) => {
    received.length = 0;
    expect(await say(line)).toBe(sentence);
    expect(received).toEqual([]);
  });
});

describe('curating from the console', () => {
  const moderate = async (lines: string[]) => {
    const { store: own, cleanup } = await scratchStore();
    try {
      const output = new PassThrough();
      let text = '';
      output.on('data', (chunk: Buffer) => (text += chunk.toString()));
      await runConsole(Readable.from([`${lines.join('\n')}\n`]), output, commands, consoleContext(own), createLogger('silent'));
      return { text, store: own, audit: await own.countAudit() };
    } finally {
      await cleanup();
    }
  };

  it('adds a claim with the form’s fields as options, and /claim finds it', async () => {
    const { text } = await moderate([
      '/claims add statement:"Pyongyang sent 1,500 special forces to Vladivostok" claimant:"Some reports, unnamed" reported-by:"Euronews https://www.euronews.com/x" flags:anonymous-source',
      '/claim special forces vladivostok',
    ]);
    expect(text).toContain('Added claim `some-reports-pyongyang-sent-1500-special-forces-to`.');
    expect(text).toMatch(/> Pyongyang sent 1,500 special forces to Vladivostok[\s\S]*> Pyongyang sent 1,500 special forces to Vladivostok/);
  });

  it('names the missing field and keeps the text; a near-duplicate waits for /press', async () => {
    const { text, audit } = await moderate([
      '/claims add statement:"Troops were seen at the border" flags:secondhand reported-by:Euronews',
      '/claims add statement:"North Korea had sent 10,000 troops to Russia to support its war efforts against Ukraine this week" claimant:"The Kyiv Independent" reported-by:Euronews',
      '/press cancel',
      '/press cancel',
    ]);
    expect(text).toContain('Nothing was saved:\n• **Claimant**');
    expect(text).toContain('Troops were seen at the border');
    expect(text).toContain('This looks like a claim we already have');
    expect(text).toContain('[Save anyway] [Cancel]  (/press <label>)');
    expect(text).toContain('Cancelled: nothing was changed.');
    expect(text).toContain('The last answer has no buttons to press.');
    expect(audit).toBe(15);
  });

  it('re-rates and shows the history with the console user as the one who did it', async () => {
    const { text } = await moderate(['/claims verdict id:zelensky-tehran-too verdict:disputed note:"Tehran denies it"', '/claims history zelensky-tehran-too']);
    expect(text).toContain('Re-rated `zelensky-tehran-too`: ⚠️ Unverified → ⚖️ Disputed.');
    expect(text).toMatch(/verdict · tester \(console\) \(console\)\n {2}reason: Tehran denies it\n {2}verdict: “unverified” → “disputed”/);
  });

  it('says what a restore of a claim not removed, a removed claim and an unknown one are', async () => {
    const { text } = await moderate([
      '/claims restore zelensky-tehran-too',
      '/claims remove zelensky-tehran-too reason:"Tehran is not named"',
      '/press Remove',
      '/claims remove zelensky-tehran-too reason:again',
      '/claims verdict id:zelensky-tehran-too verdict:false',
      '/claims history no-such-claim',
    ]);
    const removed = 'Removed `zelensky-tehran-too` from search. `/claims restore id:zelensky-tehran-too` brings it back.\n';
    expect(text).toContain('No removed claim has the id “zelensky-tehran-too”. Pick one from the list as you type.');
    // The second removal and the re-rating, each refused with the same words.
    expect(
      text
        .slice(text.indexOf(removed) + removed.length)
        .split('\n')
        .slice(0, 2),
    ).toEqual([
      'The claim “zelensky-tehran-too” was removed; `/claims restore` brings it back.',
      'The claim “zelensky-tehran-too” was removed; `/claims restore` brings it back.',
    ]);
    expect(text).toMatch(/\nThere is no claim “no-such-claim”\. Pick one from the list as you type\.\n$/);
  });
});
