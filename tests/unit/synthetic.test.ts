import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDataset, placeholderNames, templateProblems, withDistractors } from '../../bench/synthetic/index.ts';
import { loadDataset, parseDataset } from '../../src/core/dataset.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const readBench = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../bench/synthetic/${file}`, import.meta.url), 'utf8'));
const TEMPLATES = readBench('templates.json');
const WORLD = readBench('world.json');

/** A copy of the templates file with the value at `path` replaced. */
function templatesWith(path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(TEMPLATES);
  let at: unknown = copy;
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  (at as Record<string | number, unknown>)[path[path.length - 1] ?? ''] = value;
  return copy;
}

const MODIFIERS = new Set(['cap', 'a', 'the', 'lower', 'firstWord', 'tag']);
/** The placeholder names the data files use, found without the module's own parser. */
function usedPlaceholders(value: unknown, key = ''): string[] {
  if (key === 'about') return [];
  if (typeof value === 'string') {
    return [...value.matchAll(/\{([^{}]*)\}/g)].map(
      (match) => (match[1] ?? '').split(' ').find((word, i, words) => !MODIFIERS.has(word) || i === words.length - 1) ?? '',
    );
  }
  if (Array.isArray(value)) return value.flatMap((item) => usedPlaceholders(item));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([name, item]) => usedPlaceholders(item, name));
  return [];
}

describe('the synthetic templates file', () => {
  it('is valid: every placeholder, list, condition and spread it uses is known', () => {
    expect(templateProblems(TEMPLATES)).toEqual([]);
  });

  it('uses only known placeholders, and every known placeholder somewhere (none is dead code)', () => {
    const used = new Set([...usedPlaceholders(TEMPLATES), ...usedPlaceholders(WORLD)]);
    expect([...used].filter((name) => !placeholderNames().includes(name))).toEqual([]);
    expect(placeholderNames().filter((name) => !used.has(name))).toEqual([]);
  });

  it('names an unknown placeholder with the path of its template', () => {
    expect(templateProblems(templatesWith(['topics', 0, 'said', 0], 'Russia launched {big 40 800} {shaheds} at Ukraine overnight'))).toEqual([
      'topics.0.said.0: {shaheds}: unknown placeholder "shaheds"',
    ]);
  });

  it('reports too few and too many arguments', () => {
    expect(templateProblems(templatesWith(['topics', 1, 'quotes', 0], 'Inflation is {dec 1}% and {count 1 2 3} banks agree.'))).toEqual([
      'topics.1.quotes.0: {dec 1}: "dec" takes 2 arguments, not 1',
      'topics.1.quotes.0: {count 1 2 3}: "count" takes 0 to 2 arguments, not 3',
    ]);
  });

  it('reports an unknown list, naming style, organisation theme and a number that is not one', () => {
    expect(templateProblems(templatesWith(['personContexts', 2], 'in {pick NO_SUCH_LIST} with {person xx} of {org sports} {big many}'))).toEqual([
      expect.stringMatching(/^personContexts\.2: \{pick NO_SUCH_LIST\}: "NO_SUCH_LIST" is not a list in vocabulary\.json$/),
      expect.stringMatching(/^personContexts\.2: \{person xx\}: "xx" is not a naming style \(ua, ru, /),
      expect.stringMatching(/^personContexts\.2: \{org sports\}: "sports" is not an organisation theme \(security, /),
      'personContexts.2: {big many}: "many" is not a whole number',
    ]);
  });

  it('reports a bad condition and a bad branch of a choice, each with its path', () => {
    expect(templateProblems(templatesWith(['topics', 0, 'here'], { if: 'chance 2', then: '{uaCity}', else: '{villages}' }))).toEqual([
      expect.stringMatching(/^topics\.0\.here\.if: "chance 2" is not a condition/),
      'topics.0.here.else: {villages}: unknown placeholder "villages"',
    ]);
    expect(templateProblems(templatesWith(['phrases', 'race', 'if'], 'land XX'))).toEqual([
      expect.stringMatching(/^phrases\.race\.if: "land XX" is not a condition/),
    ]);
  });

  it('reports a spread of a shared list that does not exist, a role with an unknown style, and a stray brace', () => {
    expect(templateProblems(templatesWith(['topics', 0, 'a', 'roles'], ['...NO_SUCH_ROLES', ['xx', 'spokesperson'], ['ua', 'mayor of {uaCity']]))).toEqual([
      'topics.0.a.roles.0: "...NO_SUCH_ROLES" names no list in shared.roles',
      expect.stringMatching(/^topics\.0\.a\.roles\.1\.0: /),
      'topics.0.a.roles.2.1: "mayor of {uaCity" has a brace outside a placeholder',
    ]);
  });

  it('reports a bad option and a bad weight of a weighted choice, and a template that is neither text nor choice', () => {
    expect(
      templateProblems(
        templatesWith(['phrases', 'currency'], {
          weighted: [
            ['$', 6],
            ['{euro}', 3],
            ['£', 0],
          ],
        }),
      ),
    ).toEqual([expect.stringMatching(/^phrases\.currency\.weighted\.2\.1: /)]);
    expect(
      templateProblems(
        templatesWith(['phrases', 'currency'], {
          weighted: [
            ['$', 6],
            ['{euro}', 3],
          ],
        }),
      ),
    ).toEqual(['phrases.currency.weighted.1.0: {euro}: unknown placeholder "euro"']);
    expect(templateProblems(templatesWith(['quoteTails', 0], 42))).toEqual([expect.stringMatching(/^quoteTails\.0: must be a text, /)]);
  });

  it('refuses a phrase named like a placeholder, which would hide it', () => {
    expect(templateProblems(templatesWith(['phrases', 'count'], '{zipf MONTHS}'))).toEqual(['phrases.count: is already the name of a placeholder or modifier']);
  });
});

describe('the synthetic datasets', () => {
  it('pass the dataset validation, alone and with the curated claims', async () => {
    const alone = parseDataset(generateDataset(3000), 'generateDataset(3000)');
    expect(alone.claims).toHaveLength(3000);
    const curated = await loadDataset(SHIPPED_CLAIMS);
    const mixed = parseDataset(withDistractors(curated, 3000), 'withDistractors(curated, 3000)');
    expect(mixed.claims).toHaveLength(curated.claims.length + 3000);
    expect(mixed.claims.slice(0, curated.claims.length)).toEqual(curated.claims);
  });

  it('are the same for the same seed, byte for byte as before the templates became data, and differ for another seed', () => {
    const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
    // Pinned: the benchmark's figures are comparable across runs only while the data stays the same. An edit of the
    // templates that changes the data must be deliberate (update this, rerun the benchmark).
    expect(sha256(generateDataset(1000))).toBe('988e4535273df5e803c680b51b1eda85989d76307d51e6646a6fd3649d5a2018');
    expect(sha256(generateDataset(1000, DEFAULT_SEED))).toBe(sha256(generateDataset(1000)));
    expect(sha256(generateDataset(1000, DEFAULT_SEED + 1))).not.toBe(sha256(generateDataset(1000)));
  });
});
