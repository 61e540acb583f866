import type { Claim } from '../schema.ts';
import type { ClaimStore } from '../store.ts';
import { MAX_QUERY_LENGTH } from './claim-search.ts';
import { terms } from './text.ts';

/**
 * A message is about a claim when it shares several informative words with it, and those are most of the claim's
 * (a message repeating a short claim in its own chatter) or most of the message's (a message quoting the key part
 * of a long claim). A few shared common words ("war", "Russia") never make a match.
 */
const COVERED = 0.6;
const SHARED_AT_LEAST = 4;

/** The known claims a chat message repeats or is about, best first; or, when none, the closest ones. */
export function matchMessage(store: ClaimStore, text: string, limit: number): { matches: Claim[]; closest: Claim[] } {
  const said = new Set(terms(text));
  let query = '';
  for (const term of said) {
    if (query.length + term.length + 1 > MAX_QUERY_LENGTH) break;
    query = query ? `${query} ${term}` : term;
  }
  if (!query) return { matches: [], closest: [] };
  // The trailing space: the message is finished, its last word is not a prefix being typed.
  const hits = store.search(`${query} `, { limit: limit * 3 });
  const covered = (claim: Claim) => {
    const own = new Set(terms(`${claim.claimant.name} ${claim.statement}`));
    let shared = 0;
    for (const term of own) if (said.has(term)) shared++;
    return shared < SHARED_AT_LEAST ? 0 : Math.max(shared / own.size, shared / said.size);
  };
  const matches = hits.map((hit) => ({ claim: hit.claim, coverage: covered(hit.claim) })).filter((hit) => hit.coverage >= COVERED);
  matches.sort((a, b) => b.coverage - a.coverage);
  return matches.length > 0 ? { matches: matches.slice(0, limit).map((hit) => hit.claim), closest: [] } : { matches: [], closest: hits.slice(0, limit).map((hit) => hit.claim) };
}
