import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset } from '../../src/core/dataset.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';
import { SEED, userText } from '../support/text-arbitraries.ts';

fc.configureGlobal({ seed: SEED, numRuns: 300 });
const shipped = JSON.parse(readFileSync(SHIPPED_CLAIMS, 'utf8')) as { stories: unknown[]; claims: Record<string, unknown>[] };
const FIELDS = [
  'id',
  'story',
  'statement',
  'quote',
  'claimant',
  'attribution',
  'context',
  'tags',
  'verdict',
  'flags',
  'note',
  'createdAt',
  'updatedAt',
  'addedBy',
  'extra',
];

/** Valid, or a DatasetError: nothing else may come out of validation. */
function validate(raw: unknown) {
  try {
    return parseDataset(raw, 'input.json');
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
}

describe('dataset validation (property)', () => {
  it('answers any JSON with a dataset or a DatasetError naming where each problem is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ stories: fc.jsonValue(), claims: fc.array(fc.jsonValue(), { maxLength: 4 }) })), (raw) => {
        const result = validate(raw);
        if (result instanceof DatasetError) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem).toMatch(/^(top level|field |(stories|claims)\[\d+\])/);
        }
      }),
    );
  });

  it('blames exactly the claim whose field was broken, once per problem, all in one run', () => {
    fc.assert(
      fc.property(fc.nat(shipped.claims.length - 1), fc.constantFrom(...FIELDS), fc.oneof(fc.jsonValue(), userText(50)), (index, field, value) => {
        const claims = shipped.claims.map((claim, i) => (i === index ? { ...claim, [field]: value } : claim));
        const result = validate({ stories: shipped.stories, claims });
        // A value validation accepts says nothing about blame: fast-check draws another instead, so 300 runs are 300 rejections.
        fc.pre(result instanceof DatasetError);
        for (const problem of result.problems) {
          // A broken id or statement may be reported on the claim it now duplicates: that names the broken one too.
          expect(problem.startsWith(`claims[${index}]`) || problem.endsWith(`duplicate of claims[${index}]`), problem).toBe(true);
        }
      }),
    );
  });
});
