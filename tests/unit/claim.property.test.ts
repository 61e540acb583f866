import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { errorWords } from '../../src/views/error-words.ts';
import { embedLength, fitReply, LIMITS } from '../../src/views/limits.ts';
import { consoleContext, scratchStore } from '../support/store.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { SEED, userText } from '../support/text-arbitraries.ts';

// endOnFailure: shrinking replies of thousands of characters would take minutes; the failing case is printed as found.
fc.configureGlobal({ seed: SEED, numRuns: 300, endOnFailure: true });
const { store, cleanup: closeStore } = await scratchStore(SHIPPED_CLAIMS);
afterAll(closeStore);
const claim = commands.find((command) => command.data.name === 'claim')!;

describe('/claim and search on any user text (property)', () => {
  it('answers with a reply that fits Discord, or one sentence; search returns at most the limit', async () => {
    await fc.assert(
      fc.asyncProperty(userText(250), fc.integer({ min: 1, max: 25 }), async (query, limit) => {
        try {
          expect(store.search(query, { limit }).length).toBeLessThanOrEqual(limit);
          const reply = fitReply(await claim.run({ query }, consoleContext(store)));
          expect((reply.content?.length ?? 0) + (reply.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed), 0)).toBeGreaterThan(0);
          expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
        } catch (error) {
          const words = errorWords(error);
          if (words === undefined) throw error;
          expect(words).toMatch(/^(Type a few words|A search can be at most 200 characters)/);
        }
      }),
    );
  });

  it('offers at most 25 autocomplete choices for anything typed', async () => {
    await fc.assert(
      fc.asyncProperty(userText(250), async (typed) => {
        expect((await claim.autocomplete!('query', typed, consoleContext(store))).length).toBeLessThanOrEqual(LIMITS.choices);
      }),
    );
  });
});
