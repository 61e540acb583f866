import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { parseCommandLine } from '../../src/terminal/console.ts';
import { UserError } from '../../src/core/errors.ts';
import { VERDICTS } from '../../src/core/schema.ts';
import { SEED, userText } from '../support/text-arbitraries.ts';

fc.configureGlobal({ seed: SEED, numRuns: 500 });
const claim = commands.find((command) => command.data.name === 'claim')!;

/** The parse, or the UserError it answers with; any other error fails the property. */
function parse(text: string) {
  try {
    return parseCommandLine(claim, text);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

const optionWords = fc.constantFrom(
  'verdict:',
  'Verdict:',
  'story:',
  'private:',
  'query:',
  'foo:',
  'private:yes',
  'verdict:false',
  '"',
  '“',
  '”',
  'https://x',
  '10:30',
);

describe('the console option parser (property)', () => {
  it('turns any line into options Discord could send, or one sentence: never a crash', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(userText(40), optionWords), { maxLength: 8 }), (words) => {
        const result = parse(words.join(' '));
        if (result instanceof UserError) {
          expect(result.message.split('\n')).toHaveLength(1);
          return;
        }
        const { options } = result;
        expect(Object.keys(options).every((name) => ['query', 'verdict', 'story', 'private'].includes(name))).toBe(true);
        expect(typeof options.query).toBe('string');
        if (options.verdict !== undefined) expect(VERDICTS).toContain(options.verdict);
        if (options.private !== undefined) expect(typeof options.private).toBe('boolean');
      }),
    );
  });

  it('gives back any query exactly when it is quoted', () => {
    fc.assert(
      fc.property(userText(80), fc.constantFrom(...VERDICTS), fc.boolean(), (query, verdict, onlyMe) => {
        const quoted = `"${query.replace(/[\\"]/g, '\\$&')}"`;
        const result = parse(`${quoted} verdict:${verdict.toUpperCase()} private:${onlyMe}`);
        expect(result).toEqual({ options: { query, verdict, private: onlyMe }, focused: 'query' });
      }),
    );
  });
});
