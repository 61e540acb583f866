import { VERDICTS, type Claim, type Flag, type Story } from '../../src/core/schema.ts';

/** A story for generated claims (made up here: nothing from the LIAR corpus). */
export const GENERATED_STORY: Story = {
  id: 'generated-story',
  title: 'A generated story with many claims',
  source: { outlet: 'Generated Outlet', title: 'Everything said about the figures' },
  additionalSources: [],
};

/**
 * `count` valid claims of GENERATED_STORY, one a minute, in every verdict, with the lengths that stress a summary:
 * every 7th statement near the 4000-character maximum, every 11th claimant near 200 characters, every 9th
 * citation near 300, and markdown and mentions that escaping makes longer.
 */
export function generatedClaims(count: number, story = GENERATED_STORY.id): Claim[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    const flags: Flag[] = i % 3 === 0 ? ['secondhand', 'anonymous-source', 'outlet-unverified'] : [];
    return {
      id: `generated-claim-${n}`,
      story,
      statement: `Statement ${n}: ${'the figure was revised again '.repeat(i % 7 === 0 ? 130 : (i % 5) + 1).trim()}${i % 13 === 0 ? ' **really** _now_ @everyone' : ''}`,
      quote: i % 2 === 0,
      claimant: { name: `Claimant ${n}${i % 11 === 0 ? ' with a very long name'.repeat(8) : ''}`, description: 'a generated source' },
      attribution: { citing: i % 3 === 0 ? 'unnamed officials '.repeat(i % 9 === 0 ? 15 : 1).trim() : undefined, reportedBy: { outlet: 'Generated Outlet' } },
      tags: [],
      verdict: VERDICTS[i % VERDICTS.length]!,
      flags,
      createdAt: at,
      updatedAt: at,
      addedBy: 'test',
    };
  });
}
