import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/core/dataset.ts';
import type { Claim } from '../../src/core/schema.ts';
import { relatedActions } from '../../src/search/actions.ts';
import { answer, ANSWER_MARGIN, ANSWER_THRESHOLD, clearlyAnswers, kindred, rival, STRONG_ANSWER } from '../../src/search/answer.ts';
import { ClaimSearch, type SearchHit } from '../../src/search/claim-search.ts';
import { englishRarity, unknownWordRarity } from '../../src/search/english.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const firstStory = new ClaimSearch(claims, stories);
const ask = (query: string) => answer(firstStory.search.bind(firstStory), query);
const hits = (...scores: number[]): SearchHit[] => scores.map((score, i) => ({ claim: claims[i]!, score }));
/** Just above and just below a boundary. */
const EPSILON = 1e-3;

/** Claims of a small invented story, to see one behaviour at a time. */
function storyOf(...made: { id: string; statement: string; claimant: string }[]): ClaimSearch {
  const template = claims[0]!;
  const own: Claim[] = made.map(({ id, statement, claimant }) => ({ ...template, id, statement, claimant: { name: claimant }, context: undefined, tags: [] }));
  return new ClaimSearch(own, stories);
}

describe("the answer's boundaries", () => {
  it('answers a lone hit just over the bar, and not one just under it', () => {
    expect(clearlyAnswers(hits(ANSWER_THRESHOLD.query + EPSILON))).toBe(true);
    expect(clearlyAnswers(hits(ANSWER_THRESHOLD.query - EPSILON))).toBe(false);
  });

  it('between the bar and a strong score, answers only a best claim clearly ahead of the next', () => {
    const best = (ANSWER_THRESHOLD.query + STRONG_ANSWER) / 2;
    expect(clearlyAnswers(hits(best, best - ANSWER_MARGIN - EPSILON))).toBe(true);
    expect(clearlyAnswers(hits(best, best - ANSWER_MARGIN + EPSILON))).toBe(false);
  });

  it('answers a strong best claim with another close behind, and not one just under strong', () => {
    expect(clearlyAnswers(hits(STRONG_ANSWER + EPSILON, STRONG_ANSWER))).toBe(true);
    expect(clearlyAnswers(hits(STRONG_ANSWER - EPSILON, STRONG_ANSWER - 2 * EPSILON))).toBe(false);
  });

  it('a message needs no margin (two claims it repeats are both matches), only its own bar', () => {
    expect(clearlyAnswers(hits(ANSWER_THRESHOLD.message + EPSILON, ANSWER_THRESHOLD.message), 'message')).toBe(true);
    expect(clearlyAnswers(hits(ANSWER_THRESHOLD.message - EPSILON), 'message')).toBe(false);
  });

  it('measures the margin against the next claim that is not kindred to the best, whatever kindred ones come between', () => {
    const made = (id: string, statement: string): Claim => ({ ...claims[0]!, id, statement, claimant: { name: id } });
    const best = made('agency', 'Ten thousand soldiers crossed the border on Monday');
    const sameNews = made('paper', 'Ten thousand soldiers crossed the border');
    const other = made('minister', 'The harvest will be late this year');
    const middle = (ANSWER_THRESHOLD.query + STRONG_ANSWER) / 2;
    const scored = (...list: [Claim, number][]): SearchHit[] => list.map(([claim, score]) => ({ claim, score }));
    expect(clearlyAnswers(scored([best, middle], [sameNews, middle - EPSILON]))).toBe(true);
    expect(clearlyAnswers(scored([best, middle], [other, middle - EPSILON]))).toBe(false);
    expect(clearlyAnswers(scored([best, middle], [sameNews, middle - EPSILON], [other, middle - 2 * EPSILON]))).toBe(false);
    expect(clearlyAnswers(scored([best, middle], [sameNews, middle - EPSILON], [other, middle - ANSWER_MARGIN - EPSILON]))).toBe(true);
    // Showing one claim, the answer still looks past the kindred one to the close other claim.
    const ranked = scored(
      [best, middle],
      [sameNews, middle - EPSILON],
      [made('echo', 'Ten thousand soldiers crossed'), middle - EPSILON],
      [other, middle - 2 * EPSILON],
    );
    const search = (_text: string, { limit = 5 }: { limit?: number }) => ranked.slice(0, limit);
    expect(answer(search, 'soldiers', { limit: 1 })).toEqual({ answered: false, hits: ranked.slice(0, 1) });
  });

  it('counts two statements kindred from half their words shared on, not just under it', () => {
    const made = (statement: string, name: string): Claim => ({ ...claims[0]!, statement, claimant: { name } });
    // Dice: 2 × 2 shared / (4 + 4) = 0.5, and 2 × 2 / (4 + 5) just under.
    expect(kindred(made('alpha beta gamma delta', 'One'), made('alpha beta omega sigma', 'Two'))).toBe(true);
    expect(kindred(made('alpha beta gamma delta', 'One'), made('alpha beta omega sigma tau', 'Two'))).toBe(false);
    // One claimant's two different claims are not kindred: a query naming only the claimant ties them all.
    expect(kindred(made('alpha beta gamma delta', 'One'), made('omega sigma tau', 'One'))).toBe(false);
  });

  it('does not hold the best claim back for another match by the same claimant, only for one of theirs under the bar', () => {
    const said = (id: string, statement: string, name: string): Claim => ({ ...claims[0]!, id, statement, claimant: { name } });
    const best = said('tehran-too', 'Tehran also helps Moscow', 'Volodymyr Zelensky');
    const same = said('tehran-regime', 'The regime in Tehran supports the war', 'volodymyr zelensky');
    const other = said('isw', 'Tehran sells drones to Moscow', 'ISW');
    const middle = (ANSWER_THRESHOLD.query + STRONG_ANSWER) / 2;
    expect(
      clearlyAnswers([
        { claim: best, score: middle },
        { claim: same, score: middle },
      ]),
    ).toBe(true);
    expect(
      clearlyAnswers([
        { claim: best, score: middle },
        { claim: other, score: middle },
      ]),
    ).toBe(false);
    // Under the bar, their other claim is close only by the name: a rival like any other.
    const justUnder = ANSWER_THRESHOLD.query - EPSILON;
    expect(
      clearlyAnswers([
        { claim: best, score: ANSWER_THRESHOLD.query + EPSILON },
        { claim: same, score: justUnder },
      ]),
    ).toBe(false);
    expect(
      rival([
        { claim: best, score: middle },
        { claim: same, score: ANSWER_THRESHOLD.query },
        { claim: other, score: 0.1 },
      ])?.claim.id,
    ).toBe('isw');
  });

  it('answers nothing when there is no hit', () => {
    expect(clearlyAnswers([])).toBe(false);
  });
});

describe('how much a word says in English (SUBTLEX-US)', () => {
  it('gives the commonest words next to nothing and rare words and names all', () => {
    expect(englishRarity('want')).toBeLessThan(0.1);
    expect(englishRarity('tell')).toBeLessThan(0.1);
    expect(englishRarity('kremlin')).toBe(1);
    expect(englishRarity('zelensky')).toBe(1);
  });

  it('ranks words by how common they are: "join" says more than "help", "football" more than "team"', () => {
    expect(englishRarity('join')).toBeGreaterThan(englishRarity('help'));
    expect(englishRarity('football')).toBeGreaterThan(englishRarity('team'));
  });

  it('reads "whats" and "doesnt" as the common words they are, and chat shorthand ("nk", "rn") as saying little', () => {
    expect(englishRarity('whats')).toBe(englishRarity('what'));
    expect(englishRarity('doesnt')).toBeLessThan(0.1);
    expect(englishRarity('nk')).toBeLessThan(0.1);
  });

  it('reads a word English does not know but a common one with two letters swapped as that word ("mnay", "taht")', () => {
    expect(unknownWordRarity('mnay')).toBe(englishRarity('many'));
    expect(unknownWordRarity('taht')).toBe(englishRarity('that'));
    expect(unknownWordRarity('mnay')).toBeLessThan(0.5);
  });

  it('keeps names and rare words whole, and does not read words under four letters or other edits as typos', () => {
    expect(unknownWordRarity('zelensky')).toBe(1);
    expect(unknownWordRarity('kursk')).toBe(1);
    // "teh" is "the" swapped, but three letters are a swap away from too many words; "rove" is "love" changed, a name.
    expect(unknownWordRarity('teh')).toBe(1);
    expect(unknownWordRarity('rove')).toBe(1);
    expect(unknownWordRarity('want')).toBe(englishRarity('want'));
  });
});

describe('questions with words no claim contains', () => {
  it('answers a question whose only missing word is a common verb: "what did zelensky tell parliament"', () => {
    const result = ask('what did zelensky tell parliament');
    expect(result.answered).toBe(true);
    expect(result.hits[0]!.claim.id).toBe('zelensky-coalition-of-criminals');
  });

  it('weighs a common word typed with two letters swapped as the word itself, not as a rare one', () => {
    const typed = firstStory.search('what did zelensky tlel parliament', { limit: 1 });
    const spelled = firstStory.search('what did zelensky tell parliament', { limit: 1 });
    const unknown = firstStory.search('what did zelensky qxzv parliament', { limit: 1 });
    expect(typed[0]!.claim.id).toBe(spelled[0]!.claim.id);
    // Not the same: "tell" also reaches claims through its related verbs, a typo does not. Far above a word English lacks.
    expect(Math.abs(typed[0]!.score - spelled[0]!.score)).toBeLessThan(0.02);
    expect(typed[0]!.score - unknown[0]!.score).toBeGreaterThan(0.2);
  });

  it('refuses a query that shares one word with the story and is about something else', () => {
    for (const query of ['north korea football team', 'russian language course', 'weapons of the roman army', 'kremlin tour tickets']) {
      const result = ask(query);
      expect(result.answered, `${query} → ${result.hits[0]?.claim.id} ${result.hits[0]?.score}`).toBe(false);
    }
  });

  it('refuses a question made only of common words', () => {
    expect(ask('what do they want to tell us about it').answered).toBe(false);
  });
});

describe("a query word that is a word of English, one letter from a claim's word", () => {
  const story = storyOf({ id: 'cope', statement: 'Hospitals will cope with the flood', claimant: 'Ministry' });
  const only = (query: string) => story.search(query, { limit: 1 })[0]?.score ?? 0;

  it('counts half as much as a slip that is no word ("pope" is a word, "kope" a typo of "cope")', () => {
    expect(only('kope')).toBeCloseTo(0.85 * only('cope'), 5);
    expect(only('pope')).toBeCloseTo(0.5 * only('kope'), 5);
  });

  it('so a question about the pope is not answered with a claim that says "cope"', () => {
    expect(answer(story.search.bind(story), 'who will be the next pope').answered).toBe(false);
    expect(answer(story.search.bind(story), 'will hospitals kope with the flood').answered).toBe(true);
  });
});

describe('WordNet verbs and adjectives, for words no claim contains', () => {
  it('relates a verb to its synonyms and derived words as index terms', () => {
    const helping = relatedActions('helping');
    expect(helping.has('assist')).toBe(true);
    expect(helping.has('aid')).toBe(true);
    expect(relatedActions('joined').has('connect')).toBe(true);
  });

  it('reads a word known as a verb as a verb, not as the adjective of its participle ("joined" is not "united")', () => {
    expect([...relatedActions('joined').keys()]).not.toContain('unit');
  });

  it('finds the claim that says it with a synonym when no claim has the word', () => {
    const story = storyOf(
      { id: 'assist', statement: 'The ministry will assist flood victims in the valley', claimant: 'Ministry' },
      { id: 'count', statement: 'The ministry will count flood victims in the valley', claimant: 'Ministry' },
    );
    const [first, second] = story.search('will the ministry aid flood victims', { limit: 2 });
    expect(first!.claim.id).toBe('assist');
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it('does not widen a word that some claim contains: the claim with the word itself is the only full match', () => {
    const story = storyOf(
      { id: 'besiege', statement: 'Rebels will besiege the northern city', claimant: 'Army' },
      { id: 'surround', statement: 'Rebels will surround the northern city', claimant: 'Army' },
    );
    const [first, second] = story.search('will rebels besiege the city', { limit: 2 });
    expect(first!.claim.id).toBe('besiege');
    expect(second!.score).toBeLessThan(0.8 * first!.score);
    // A word no claim has is widened, and reaches both alike: "beleaguer" is a synonym of both.
    const [one, other] = story.search('will rebels beleaguer the city', { limit: 2 });
    expect(one!.score).toBeCloseTo(other!.score, 5);
    expect(one!.score).toBeGreaterThan(second!.score);
  });
});

describe('the speaker named in a question', () => {
  const story = storyOf(
    { id: 'lopez', statement: 'Ohio taxes rose 10 percent last year', claimant: 'Maria Lopez' },
    // Says the query's words in its order: without the speaker's weight, this claim would come first.
    { id: 'smith', statement: 'Under Maria Lopez Ohio taxes rose 10 percent last year', claimant: 'John Smith' },
  );

  it("puts the named speaker's claim first among claims that match the same words", () => {
    expect(story.search('maria lopez ohio taxes', { limit: 2 }).map((hit) => hit.claim.id)).toEqual(['lopez', 'smith']);
  });

  it('and the other speaker first when the question names that one', () => {
    expect(story.search('john smith ohio taxes', { limit: 1 })[0]!.claim.id).toBe('smith');
  });

  it('does not count a country named for its capital as the speaker named ("kyiv" is not "Ukrainian intelligence sources")', () => {
    const others = ask('kyiv independent').hits.slice(1);
    expect(others.map((hit) => hit.claim.id)).toContain('battalion-kursk-deployment');
    expect(others.every((hit) => hit.score < ANSWER_THRESHOLD.query)).toBe(true);
  });
});
