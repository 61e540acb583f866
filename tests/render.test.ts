import { describe, expect, it } from 'vitest';
import { loadDataset } from '../src/dataset.ts';
import { ellipsis, embedLength, fitReply, LIMITS } from '../src/limits.ts';
import { renderClaimReply, renderNoMatch } from '../src/render.ts';
import type { Claim } from '../src/schema.ts';
import { SHIPPED_CLAIMS } from './support/files.ts';

const { claims, stories } = await loadDataset(SHIPPED_CLAIMS);
const claim = (id: string) => claims.find((c) => c.id === id)!;
const story = stories[0];

describe('renderClaimReply', () => {
  it('quotes a verbatim statement in quotation marks, inside a blockquote', () => {
    const [embed] = renderClaimReply(claim('zelensky-tehran-regime-support'), story).embeds!;
    expect(embed!.description).toBe('> “Everyone sees his regime’s support for Putin.”');
    expect(embed!.title).toBe('Volodymyr Zelensky, Ukrainian President');
  });

  it('shows a reported statement without quotation marks, and the flags and attribution in words', () => {
    const [embed] = renderClaimReply(claim('airborne-brigade-3000-battalion'), story).embeds!;
    expect(embed!.description).toBe('> Russia’s 11th Airborne Brigade is forming a 3,000-person “battalion” made up of North Korean citizens');
    expect(embed!.fields).toEqual(
      expect.arrayContaining([
        { name: 'Verdict', value: '⚠️ Unverified', inline: true },
        { name: 'Sourcing', value: '🕶️ anonymous source\n🔁 secondhand: citing anonymous military intelligence sources', inline: true },
        { name: 'Attribution', value: 'Suspilne and Liga, citing anonymous military intelligence sources · reported by Euronews' },
        { name: 'Story', value: 'North Korean troops in Russia' },
      ]),
    );
    expect(embed!.footer).toBe('claim airborne-brigade-3000-battalion · updated 2026-11-25');
  });

  it('links the outlet and gives the date when the report has them', () => {
    const linked: Claim = { ...claim('battalion-kursk-deployment'), attribution: { reportedBy: { outlet: 'Euronews', url: 'https://example.org/a', date: '2024-10-16' } } };
    const [embed] = renderClaimReply(linked, story).embeds!;
    expect(embed!.fields).toContainEqual({ name: 'Attribution', value: 'reported by [Euronews](https://example.org/a) on 2024-10-16' });
    expect(embed!.fields).toContainEqual({ name: 'Sourcing', value: expect.stringContaining('🚫 Euronews could not verify it'), inline: true });
  });

  it('lists up to the other matches under the top claim, one line each', () => {
    const [embed] = renderClaimReply(claim('kyiv-independent-10000-troops'), story, [claim('reports-10000-troops-in-russia')]).embeds!;
    expect(embed!.fields!.at(-1)).toEqual({
      name: 'Other matches',
      value: '• Some reports: 10,000 North Korean troops are in Russia to support Moscow’s war effort (`reports-10000-troops-in-russia`)',
    });
  });

  it('says so when nothing matches, offers the closest claims, and how to add one', () => {
    const reply = renderNoMatch('kim jong un birthday', [claim('zelensky-coalition-of-criminals')]);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^No claim matches “kim jong un birthday”\.\n\nClosest claims:\n• Volodymyr Zelensky: “In the coalition/);
    expect(reply.content).toContain('A moderator can add it');
  });

  it('escapes markdown in claim text', () => {
    const [embed] = renderClaimReply({ ...claim('zelensky-tehran-too'), statement: 'a *bold* claim_with `code`' }, story).embeds!;
    expect(embed!.description).toBe('> a \\*bold\\* claim\\_with \\`code\\`');
  });
});

describe('Discord limits', () => {
  it('shortens at a word boundary with an ellipsis', () => {
    expect(ellipsis('North Korean troops are in Russia', 20)).toBe('North Korean troops…');
    expect(ellipsis('short', 20)).toBe('short');
    expect(ellipsis('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('fits an oversized claim into every embed limit instead of letting Discord reject it', () => {
    const huge: Claim = { ...claim('zelensky-tehran-too'), statement: 'word '.repeat(800).trim(), context: 'context '.repeat(300), note: 'note '.repeat(300) };
    const others = Array.from({ length: 30 }, () => huge);
    const reply = fitReply(renderClaimReply(huge, story, others));
    const [embed] = reply.embeds!;
    expect(embed!.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed!.description!.endsWith('…')).toBe(true);
    expect(embed!.fields!.every((field) => field.value.length <= LIMITS.fieldValue && field.name.length <= LIMITS.fieldName)).toBe(true);
    expect(embedLength(embed!)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitReply({ content: 'y '.repeat(3000) }).content!.length).toBeLessThanOrEqual(LIMITS.content);
  });
});
