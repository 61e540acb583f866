import { describe, expect, it } from 'vitest';
import { newClaimId, slugWords } from '../../src/core/claim-id.ts';
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
});
