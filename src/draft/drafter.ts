import { statementSimilarity } from '../core/claim-id.ts';
import { ClaimSchema, comparableText, FLAGS, type Claim, type Flag, type Party } from '../core/schema.ts';
import { paragraphsOf, type ArticleFormat } from './article.ts';
import { attributionsIn, isUnverifiedCaveat, outletAssertion, unitsOf, type Attributed, type Unit } from './attribution.ts';
import { isInterested, isNamed, isPerson, isPersonalPronoun, isPronoun, isUnnamed, namedLater, partyOf, sameParty } from './parties.ts';
import { loadLanguageModel, sentencesOf } from './sentences.ts';

/** Where the article was published: every draft is "reported by" it. */
export interface ArticleSource {
  outlet: string;
  url?: string;
}

/** A proposed claim in the dataset's shape, and the id of a claim we already hold that it repeats. */
export type Draft = Pick<Claim, 'statement' | 'quote' | 'claimant' | 'attribution' | 'flags'> & Partial<Pick<Claim, 'context'>> & { repeats?: string };

/** Above this share of words in common, a draft repeats a claim already held (the form's near-duplicate bar). */
const REPEAT = 0.7;

/**
 * The claims a careful editor would draft from an article: every attributed statement, worded as the article has it,
 * with its claimant, whom they cite, and the sourcing flags the text supports. Pure: no store, no network.
 */
export async function draftClaims(text: string, format: ArticleFormat, source: ArticleSource, held: Iterable<Claim> = []): Promise<Draft[]> {
  await loadLanguageModel();
  const drafts: Draft[] = [];
  // Everyone named so far, latest last: "he" is the last person, "the company" the last of anyone.
  const known: Party[] = [];
  // A caveat ("Euronews was unable to verify these claims") covers the claims since the last heading or question.
  let sectionStart = 0;
  for (const paragraph of paragraphsOf(text, format)) {
    if (paragraph.heading) {
      sectionStart = drafts.length;
      continue;
    }
    for (const unit of unitsOf(sentencesOf(paragraph.text))) {
      if (/\?["”]?$/.test(unit.text.trim()) && !/^["“]/.test(unit.text.trim())) {
        sectionStart = drafts.length;
        continue;
      }
      if (isUnverifiedCaveat(unit.text)) {
        for (const draft of drafts.slice(sectionStart)) addFlag(draft, 'outlet-unverified');
        continue;
      }
      const found = attributionsIn(unit);
      if (found.length === 0) {
        const assertion = outletAssertion(unit.text);
        if (assertion)
          drafts.push({ statement: assertion, quote: true, claimant: { name: source.outlet }, attribution: { reportedBy: reportOf(source) }, flags: [] });
        else {
          const mentioned = mentionedIn(unit);
          if (mentioned) known.push(mentioned);
        }
        continue;
      }
      for (const attributed of found) {
        const claimant = claimantOf(attributed, known);
        if (!claimant) continue;
        known.push(claimant);
        drafts.push(draftOf(attributed, claimant, source));
      }
    }
  }
  nameDescribedSpeakers(drafts);
  const claims = [...held].map((claim) => ({ id: claim.id, statement: claim.statement, comparable: comparableText(claim.statement) }));
  return drafts.filter(isValid).map((draft) => withRepeat(draft, claims));
}

function claimantOf(attributed: Attributed, known: readonly Party[]): Party | undefined {
  const { speaker } = attributed;
  if (speaker !== undefined && isPersonalPronoun(speaker)) return known.findLast(isPerson) ?? known.at(-1);
  if (speaker === undefined || isPronoun(speaker)) return known.at(-1);
  return sameParty(speaker, known) ?? partyOf(speaker, attributed.description);
}

function draftOf(attributed: Attributed, claimant: Party, source: ArticleSource): Draft {
  const unnamed = isUnnamed(claimant, attributed.citing);
  const flags: Flag[] = [];
  if (unnamed.claimant || unnamed.cited || attributed.anonymous) flags.push('anonymous-source');
  if (attributed.citing) flags.push('secondhand');
  if (isInterested(claimant)) flags.push('interested-party');
  return {
    statement: attributed.statement,
    quote: attributed.quote,
    claimant,
    attribution: { ...(attributed.citing ? { citing: attributed.citing } : {}), reportedBy: reportOf(source) },
    ...(attributed.context ? { context: attributed.context } : {}),
    flags,
  };
}

function reportOf(source: ArticleSource): Claim['attribution']['reportedBy'] {
  return { outlet: source.outlet, ...(source.url ? { url: source.url } : {}) };
}

function addFlag(draft: Draft, flag: Flag): void {
  if (!draft.flags.includes(flag)) draft.flags = FLAGS.filter((known) => known === flag || draft.flags.includes(known));
}

/** The named person a sentence is about ("Defence Minister Rustem Umerov declined to comment"): whom "he" means next. */
function mentionedIn(unit: Unit): Party | undefined {
  const firstVerb = unit.words.findIndex(({ pos }) => pos === 'VERB' || pos === 'AUX');
  const subject = unit.words.slice(0, firstVerb === -1 ? 0 : firstVerb);
  if (subject.length === 0 || subject.length > 8 || !subject.some(({ pos }) => pos === 'PROPN') || subject.some(({ pos }) => pos === 'PUNCT')) return undefined;
  return partyOf(subject.map(({ text }) => text).join(' '));
}

/** "The trust's chief executive says…", then "chief executive Dr Amara Osei said": the claimant is Amara Osei. */
function nameDescribedSpeakers(drafts: Draft[]): void {
  drafts.forEach((draft, i) => {
    if (isNamed(draft.claimant)) return;
    const named = namedLater(
      draft.claimant,
      drafts.slice(i + 1).map(({ claimant }) => claimant),
    );
    if (!named) return;
    draft.claimant = named;
    if (isInterested(named)) addFlag(draft, 'interested-party');
  });
}

/** Each draft must be a claim the schema accepts once it has an id, a story and its times. */
function isValid(draft: Draft): boolean {
  const now = new Date(0).toISOString();
  const { repeats: _repeats, ...fields } = draft;
  return ClaimSchema.safeParse({ ...fields, id: 'draft', story: 'draft', createdAt: now, updatedAt: now, addedBy: 'drafter' }).success;
}

function withRepeat(draft: Draft, held: readonly { id: string; statement: string; comparable: string }[]): Draft {
  const statement = comparableText(draft.statement);
  let best: { id: string; similarity: number } | undefined;
  for (const claim of held) {
    const similarity = claim.comparable === statement ? 1 : statementSimilarity(claim.statement, draft.statement);
    if (similarity >= REPEAT && (!best || similarity > best.similarity)) best = { id: claim.id, similarity };
  }
  return best ? { ...draft, repeats: best.id } : draft;
}
