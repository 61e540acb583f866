import { describe, expect, it } from 'vitest';
import { InvalidClaimError } from '../../src/core/validate-claim.ts';
import { newClaimId, statementSimilarity } from '../../src/core/claim-id.ts';
import { claimForm, claimFromDraft, draftFromClaim, draftFromValues, nearDuplicates, type ClaimFrame } from '../../src/curation/claim-form.ts';
import { curationAccess } from '../../src/discord/moderators.ts';
import { describeChanges } from '../../src/views/history-view.ts';
import { loadDataset } from '../../src/core/dataset.ts';
import { SHIPPED_CLAIMS } from '../support/files.ts';

const { claims } = await loadDataset(SHIPPED_CLAIMS);
const frame: ClaimFrame = {
  id: 'new-claim',
  story: 'north-korean-troops-in-russia',
  quote: false,
  verdict: 'unverified',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  addedBy: 'desk-editor',
};
const draft = {
  statement: ' Troops crossed the river ',
  claimant: 'Andrii Kovalenko, head of a Ukrainian, counter-disinformation centre',
  citing: 'military intelligence',
  reportedBy: 'Euronews https://www.euronews.com/a',
  flags: ['secondhand'],
};

describe('a moderator’s form becomes a claim', () => {
  it('reads the claimant’s name before the first comma and the outlet’s URL at the end', () => {
    const claim = claimFromDraft(draft, frame);
    expect(claim.statement).toBe('Troops crossed the river');
    expect(claim.claimant).toEqual({ name: 'Andrii Kovalenko', description: 'head of a Ukrainian, counter-disinformation centre' });
    expect(claim.attribution).toEqual({ citing: 'military intelligence', reportedBy: { outlet: 'Euronews', url: 'https://www.euronews.com/a' } });
    expect(claimFromDraft({ ...draft, claimant: 'Some reports', reportedBy: 'Euronews' }, frame)).toMatchObject({
      claimant: { name: 'Some reports' },
      attribution: { reportedBy: { outlet: 'Euronews' } },
    });
  });

  it('names the form’s fields, not the schema’s paths, for every problem at once', () => {
    const error = (() => {
      try {
        claimFromDraft({ statement: '', claimant: '', citing: '', reportedBy: 'Euronews ftp://x', flags: ['secondhand', 'rumour'] }, frame);
      } catch (thrown) {
        return thrown;
      }
    })() as InvalidClaimError;
    expect(error).toBeInstanceOf(InvalidClaimError);
    expect(error.problems.map((problem) => problem.field).sort()).toEqual(['Claimant', 'Reported by (the URL)', 'Sourcing flags', 'Statement']);
    expect(() => claimFromDraft({ ...draft, citing: '' }, frame)).toThrow('Citing: a secondhand claim must say whom it cites');
  });

  it('turns a shipped claim into a draft and back unchanged', () => {
    for (const claim of claims) expect(claimFromDraft(draftFromClaim(claim), claim)).toEqual(claim);
  });

  it('reads console options as the form: flags comma-separated, absent fields empty', () => {
    expect(draftFromValues({ statement: 'S', flags: 'secondhand, anonymous-source' })).toEqual({
      statement: 'S',
      claimant: '',
      citing: '',
      reportedBy: '',
      flags: ['secondhand', 'anonymous-source'],
    });
  });

  it('prefills the form, selecting only known flags', () => {
    const form = claimForm('claims:edit:x', 'Edit a claim', { ...draft, flags: ['secondhand', 'rumour'] });
    const select = form.inputs.find((input) => input.kind === 'select');
    expect(select?.kind === 'select' && select.selected).toEqual(['secondhand']);
    expect(form.inputs.find((input) => input.id === 'statement')).toMatchObject({ value: draft.statement, required: true });
  });
});

describe('claim ids', () => {
  it('are readable slugs of claimant and statement, numbered when taken', () => {
    expect(newClaimId(draft.claimant, draft.statement, () => false)).toBe('andrii-kovalenko-troops-crossed-the-river');
    const taken = new Set(['andrii-kovalenko-troops-crossed-the-river', 'andrii-kovalenko-troops-crossed-the-river-2']);
    expect(newClaimId(draft.claimant, draft.statement, (id) => taken.has(id))).toBe('andrii-kovalenko-troops-crossed-the-river-3');
    expect(newClaimId('Владимир Зеленский', '!!!', () => false)).toBe('claim');
  });
});

describe('near-duplicates', () => {
  const original = claims.find((claim) => claim.id === 'kyiv-independent-10000-troops')!;

  it('finds the same statement by anyone, and a very similar one by the same claimant only', () => {
    expect(nearDuplicates(claims, { ...original, id: 'x', claimant: { name: 'Someone else' } }).same?.id).toBe(original.id);
    const reworded = { ...original, id: 'x', statement: `${original.statement} this week` };
    expect(nearDuplicates(claims, reworded).similar.map((claim) => claim.id)).toEqual([original.id]);
    expect(nearDuplicates(claims, { ...reworded, claimant: { name: 'Someone else' } }).similar).toEqual([]);
  });

  it('measures similarity as shared words, 0 to 1', () => {
    expect(statementSimilarity('North Korea sent troops', 'north korea sent troops!')).toBe(1);
    expect(statementSimilarity('North Korea sent troops', 'Bananas are yellow')).toBe(0);
  });
});

describe('who may curate', () => {
  const manage = 1n << 13n;
  const newsroom = '200000000000000002';

  it('with roles set: a member with one of them, wherever the command came from', () => {
    const config = { MODERATOR_ROLE_IDS: ['910000000000000001'], DISCORD_GUILD_ID: newsroom };
    expect(curationAccess(config, { guildId: newsroom, roleIds: ['910000000000000001'], permissions: 0n })).toBe(true);
    expect(curationAccess(config, { guildId: newsroom, roleIds: [], permissions: manage })).toMatch(/^Only the newsroom’s moderators/);
  });

  it('without roles: Manage Messages in the newsroom’s own server only', () => {
    const config = { MODERATOR_ROLE_IDS: [], DISCORD_GUILD_ID: newsroom };
    expect(curationAccess(config, { guildId: newsroom, roleIds: [], permissions: manage })).toBe(true);
    expect(curationAccess(config, { guildId: '900000000000000009', roleIds: [], permissions: manage | 8n })).toMatch(/^Only/);
    expect(curationAccess(config, { guildId: null, roleIds: [], permissions: null })).toMatch(/^Only/);
  });

  it('with neither, curation is off and says what to set', () => {
    expect(curationAccess({ MODERATOR_ROLE_IDS: [] }, { guildId: newsroom, roleIds: [], permissions: manage })).toMatch(/^Curation is off.*MODERATOR_ROLE_IDS/);
  });
});

describe('what a change changed', () => {
  it('lists each changed field, ignoring the update time', () => {
    const before = claims[0]!;
    const after = { ...before, verdict: 'false' as const, flags: [...before.flags, 'single-source' as const], updatedAt: '2027-01-01T00:00:00.000Z' };
    expect(describeChanges(before, after)).toEqual([`verdict: “unverified” → “false”`, `flags: “${before.flags.join(', ')}” → “${after.flags.join(', ')}”`]);
    expect(describeChanges(null, after)).toEqual([]);
  });
});
