import { describe, expect, it } from 'vitest';
import { generatedClaimId, newClaimId, slugify, slugWords, statementSimilarity } from '../../src/core/claim-id.ts';
import { importedClaimId } from '../../src/exchange/identity.ts';

describe('the one claim-id convention', () => {
  it('keeps "1,500" one number whether the claim comes from the form or from an import', () => {
    expect(slugWords('Sent 1,500 troops and 2.600 shells, 3, 4')).toEqual(['sent', '1500', 'troops', 'and', '2600', 'shells', '3', '4']);
    expect(newClaimId('Kyiv Independent, newspaper', 'North Korea sent 1,500 troops', () => false)).toBe('kyiv-independent-north-korea-sent-1500-troops');
    expect(importedClaimId('Kyiv Independent', 'North Korea sent 1,500 troops')).toMatch(/^kyiv-independent-north-korea-sent-1500-troops-[0-9a-f]{6}$/);
  });

  it('gives an imported claim the same id each time, and another claim another id', () => {
    const id = importedClaimId('Zelensky', 'Iran supplies drones.');
    expect(importedClaimId('ZELENSKY', 'iran supplies drones')).toBe(id);
    expect(importedClaimId('Zelensky', 'Iran supplies missiles.')).not.toBe(id);
  });

  it('numbers a form id that is taken, and falls back to "claim" when no word is left', () => {
    const taken = new Set(['isw-troops-arrived', 'isw-troops-arrived-2']);
    expect(newClaimId('ISW', 'Troops arrived', (id) => taken.has(id))).toBe('isw-troops-arrived-3');
    expect(newClaimId('Владимир', '!!!', () => false)).toBe('claim');
  });

  it('keeps a slug that fills its length exactly, and cuts a first word longer than it', () => {
    expect(slugify('abc def ghi', 7)).toBe('abc-def');
    expect(slugify('abcdefghij klm', 4)).toBe('abcd');
  });

  it('takes three words of the claimant before the comma, and never ends a cut id with a hyphen', () => {
    expect(newClaimId('Ministry of Defence of Ukraine, official', 'Troops moved', () => false)).toBe('ministry-of-defence-troops-moved');
    // "abcd-" and a 50-letter word are 55 characters: the 56th, where the id is cut, is the hyphen before "more".
    expect(newClaimId('Abcd', `${'x'.repeat(50)} more`, () => false)).toBe(`abcd-${'x'.repeat(50)}`);
  });

  it('gives an import with no Latin letters or digits the id "claim" and its hash', () => {
    expect(generatedClaimId('Владимир', '!!!', 'key')).toMatch(/^claim-[0-9a-f]{6}$/);
  });

  it('calls statements without words alike to nothing', () => {
    expect(statementSimilarity('!!!', '…')).toBe(0);
    expect(statementSimilarity('Troops moved', '???')).toBe(0);
    expect(statementSimilarity('Troops moved', 'troops moved.')).toBe(1);
  });
});
