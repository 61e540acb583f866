import type { Party } from '../core/schema.ts';

/** Titles and honorifics: part of who someone is, not of their name. */
const TITLES = new Set(
  'President Prime Minister Foreign Defence Defense Finance Secretary General Chancellor Governor Mayor Senator Chief Commander Spokesman Spokeswoman Spokesperson Dr Mr Mrs Ms Miss Sir Dame Lord Lady Prof Professor Judge Justice King Queen Prince Pope Rev'.split(
    ' ',
  ),
);
const HONORIFICS = /\s*\b(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b\.?(?:\s+|$)/g;
/** Small words that can sit inside a name: "Rubén del Campo", "Suspilne and Liga", "Royal College of Nursing". */
const NAME_JOINERS = new Set(['de', 'del', 'della', 'der', 'van', 'von', 'bin', 'al', 'da', 'di', 'du', 'le', 'la', 'of', 'and', 'for', 'the', '&']);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'with', 'on', 'near', 'by', 'of', 'for']);
/** Whom nobody names: "some reports", "officials", "intelligence sources", "three people familiar with the plans". */
const UNNAMED = new Set(
  'reports report sources source officials official people person diplomats diplomat insiders insider analysts experts residents witnesses farmers workers critics observers executives members figures documents memos accounts aides aide officers officer'.split(
    ' ',
  ),
);
/** Those with a stake in what they claim: governments and their forces and spokespeople, the parties to a dispute. */
const INTERESTED =
  /\b(?:president|minister|ministry|government|department|spokes(?:man|woman|person)|officials?|military|army|armed forces|air force|navy|intelligence|partisans?|police|coast guard|defen[cs]e|mayor|governor|chief executive|owner|company|association|union)\b/i;
const PRONOUNS = /^(?:he|she|they|it|we)$/i;
const PERSONAL_PRONOUNS = /^(?:he|she)$/i;
/** Words that make a capitalised name an organisation rather than a person. */
const ORGANISATION_WORDS = new Set(
  'Bank Economics Agency Ministry Department Nations Union College Institute Council Group Company Shipping List Ledger Times News Post Independent Courier Government Movement Association Party Office Service Services Corporation Inc Ltd Fund Reserve Commission Authority Court Army Forces Media Press Journal Tribune Herald Guardian Telegraph Reuters Organisation Organization Foundation University Trust Board Centre Center'.split(
    ' ',
  ),
);
/** A generic name for someone already named: "the company said". */
const BACK_REFERENCE = /^the (?:company|firm|group|ministry|agency|organi[sz]ation|owner|bank|trust|movement|president|minister)$/i;

/**
 * The claimant named by `words`, split into name and who they are: "Ukrainian President Volodymyr Zelensky" →
 * "Volodymyr Zelensky", "Ukrainian President"; "The ISW think tank (Institute for the Study of War) based in the
 * United States" → "Institute for the Study of War (ISW)", "think tank based in the United States".
 */
export function partyOf(words: string, besides?: string): Party {
  let text = words
    .replace(/(\p{L})\(/gu, '$1 (')
    .replace(/\s+/g, ' ')
    .trim();
  let tail = '';
  const relative = /\s+((?:based|headquartered) in .+|(?:who|which) .+)$/.exec(text);
  if (relative) {
    tail = relative[1] ?? '';
    text = text.slice(0, relative.index);
  }
  const spokesperson = /^(?:an?|the)\s+(spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?(.+)$/i.exec(text);
  if (spokesperson) return party(spokesperson[2] ?? '', [`a ${spokesperson[1]}`, besides]);
  const expansion = /^(?:the\s+)?(\p{Lu}{2,})\s+(.*?)\s*\(([^)]+)\)$/iu.exec(text);
  if (expansion && /^\p{Lu}{2,}$/u.test(expansion[1] ?? '')) {
    return party(`${expansion[3]} (${expansion[1]})`, [[expansion[2], tail].filter(Boolean).join(' '), besides]);
  }
  const tokens = text.split(' ');
  let start = tokens.length;
  while (start > 0) {
    const token = tokens[start - 1] ?? '';
    const capitalised = /^[(\p{Lu}]/u.test(token) && !TITLES.has(token.replace(/\W/g, ''));
    const joiner = NAME_JOINERS.has(token.toLowerCase()) && start < tokens.length && start > 1 && /^\p{Lu}/u.test(tokens[start - 2] ?? '');
    if (!capitalised && !joiner) break;
    start--;
  }
  // "the" before a name belongs to it only when the name is an institution ("The Kyiv Independent").
  const named = tokens.slice(start);
  const rest = tokens.slice(0, start);
  const afterPreposition = rest.length > 0 && PREPOSITIONS.has((rest.at(-1) ?? '').toLowerCase());
  if (named.length === 0 || afterPreposition || rest.length === 0) return party(text.replace(HONORIFICS, ''), [tail, besides]);
  return party(named.join(' ').replace(HONORIFICS, ''), [
    rest
      .join(' ')
      .replace(HONORIFICS, '')
      .replace(/^(?:the|a|an)\s+/i, ''),
    tail,
    besides,
  ]);
}

function party(name: string, descriptions: (string | undefined)[]): Party {
  const cleanName = capitalise(name.trim().replace(/^the\s+(?=\p{Ll})/iu, 'The '));
  const description = descriptions
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part) && !/^(?:the|a|an)$/i.test(part ?? ''))
    .join(', ');
  return description ? { name: cleanName, description } : { name: cleanName };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isPronoun(words: string): boolean {
  return PRONOUNS.test(words.trim()) || BACK_REFERENCE.test(words.trim());
}

/** "he", "she": a person, so the last person named rather than the last organisation. */
export function isPersonalPronoun(words: string): boolean {
  return PERSONAL_PRONOUNS.test(words.trim());
}

/** "Christine Lagarde", "Rubén del Campo": two to four words of a name, none that makes it an organisation. */
export function isPerson(party: Party): boolean {
  const words = party.name.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words[0] !== 'The' &&
    /^\p{Lu}/u.test(party.name) &&
    !words.some((word) => ORGANISATION_WORDS.has(word)) &&
    !/\p{Ll}\s\p{Ll}/u.test(party.name.replace(/\b(?:de|del|van|von|bin|al|da)\b/g, 'X'))
  );
}

/** Someone named before under a shorter name: "Mr Mencer" → David Mencer, "the ISW" → Institute for the Study of War (ISW). */
export function sameParty(words: string, known: readonly Party[]): Party | undefined {
  const short = words
    .replace(HONORIFICS, '')
    .replace(/^the\s+/i, '')
    .trim();
  if (short.split(' ').length > 3) return undefined;
  if (!/^\p{Lu}/u.test(short)) {
    // "the air force" after "Ukraine's air force": the same words, without whose.
    const tail = ` ${short.toLowerCase()}`;
    return short.includes(' ') ? known.findLast((candidate) => candidate.name.toLowerCase().endsWith(tail)) : undefined;
  }
  const wanted = wordsOf(short);
  for (let i = known.length - 1; i >= 0; i--) {
    const candidate = known[i];
    if (!candidate) continue;
    const names = wordsOf(candidate.name);
    if (wanted.every((word) => names.includes(word)) && names.length > wanted.length) return candidate;
  }
  return undefined;
}

/** The words of a name, split once per name: a long article looks the same names up hundreds of times. */
const nameWords = new Map<string, string[]>();
function wordsOf(name: string): string[] {
  let words = nameWords.get(name);
  if (!words) {
    words = name.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
    if (nameWords.size > 10_000) nameWords.clear();
    nameWords.set(name, words);
  }
  return words;
}

/** A speaker described but not yet named ("the trust's chief executive"), named later ("chief executive Dr Amara Osei"). */
export function isNamed(party: Party): boolean {
  return /\p{Lu}/u.test(party.name.slice(1));
}

export function namedLater(party: Party, later: readonly Party[]): Party | undefined {
  const described = party.name.toLowerCase();
  return later.find((candidate) => candidate.description && described.endsWith(candidate.description.toLowerCase()) && candidate.description.length > 3);
}

export function isUnnamed(party: Party, citing?: string): { claimant: boolean; cited: boolean } {
  return { claimant: unnamed(party.name), cited: citing !== undefined && unnamed(citing) };
}

function unnamed(name: string): boolean {
  if (/\b(?:anonymous|unnamed|unidentified)\b/i.test(name)) return true;
  // The head noun comes before what qualifies it: "people familiar with the plans", "figures seen by this newspaper".
  const head = name.split(/\s+(?:familiar|seen|close|who|which|with|in|at|from|on|of|quoted|based)\b/i)[0] ?? name;
  const last = (head.trim().split(/\s+/).at(-1) ?? '').toLowerCase();
  return UNNAMED.has(last) && !/\s\p{Lu}\p{L}+\s+\p{Lu}/u.test(head);
}

export function isInterested(party: Party): boolean {
  return INTERESTED.test(`${party.name} ${party.description ?? ''}`);
}
