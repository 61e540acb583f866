import type { Sentence } from './sentences.ts';

/** One attributed statement found in a sentence, before its speaker is resolved into a claimant. */
export interface Attributed {
  statement: string;
  /** Only for words inside quotation marks. */
  quote: boolean;
  /** The words naming the speaker ("Ukrainian President Volodymyr Zelensky", "he", "the ISW"); absent: whoever spoke last. */
  speaker?: string;
  /** Who the speaker is, said beside the name: "The owner, Aegean Star Shipping", "Yaroslav Zeleznyak, a deputy of…". */
  description?: string;
  citing?: string;
  context?: string;
  /** Words around the speaker that say the source is unnamed ("who spoke on condition of anonymity"). */
  anonymous?: boolean;
}

/**
 * Verbs that attribute a statement. "reports" and "claims" are also nouns ("these claims"): a verb counts only
 * where the part-of-speech tagger says it is one.
 */
const SPEECH_VERB_LIST = (
  'said says say told tells added adds wrote writes claimed claims claim estimated estimates estimate observed observes ' +
  'reported reports warned warns stated states announced announces argued argues insisted insists noted notes believe ' +
  'believes believed expects expect predicted predicts confirmed confirms denied denies alleged alleges maintained ' +
  'maintains explained explains stressed stresses acknowledged admitted suggested suggests concluded assessed assesses ' +
  'revealed reveals cautioned'
).split(' ');
const SPEECH_VERB = new RegExp(`(?<![\\p{L}])(?:${SPEECH_VERB_LIST.join('|')})(?![\\p{L}])`, 'giu');
/** Verbs said to someone: "told reporters that…", "warned allies on Wednesday that…". */
const ADDRESSING_VERBS = new Set(['told', 'tells', 'warned', 'warns', 'assured', 'reminded', 'informed']);
/** Verbs whose object would mean the opposite without them: "denied that the tanker breached sanctions". */
const NEGATING_VERBS = new Set(['denied', 'denies']);
const QUOTE_MARK = /["“”„]/;
const DETERMINERS = new Set(['the', 'these', 'those', 'this', 'that', 'some', 'such', 'its', 'their', 'his', 'her', 'our', 'a', 'an']);
/** Openings of a leading phrase that is where or when, not who: "Earlier,", "Speaking at…,", "In a post on Telegram,". */
const ADVERBIAL_POS = new Set(['ADV', 'ADP', 'SCONJ', 'VERB', 'CCONJ', 'PART']);
/** Where an attribution tail ends and the circumstances begin: "said on Monday", "said while addressing Parliament". */
const CONTEXT_START = /^(?:while|at|in|on|during|when|after|before|from|last|this|earlier|later|yesterday|today)\b/i;
/** An outlet's own judgement, not a report of one: "in effect, Pyongyang entered the war". */
const OUTLET_ASSERTION = /\b(?:in effect|effectively|in other words|this means that)\b/i;

/** A unit of text that is one attributed thought: a sentence, or several when a quotation runs across them. */
export interface Unit {
  text: string;
  words: Sentence['words'];
}

/** Sentences joined while a quotation is open, so a quote of several sentences stays one statement. */
export function unitsOf(sentences: readonly Sentence[]): Unit[] {
  const units: Unit[] = [];
  let open: Unit | undefined;
  for (const sentence of sentences) {
    open = open ? { text: `${open.text} ${sentence.text}`, words: [...open.words, ...sentence.words] } : { text: sentence.text, words: sentence.words };
    if (quoteMarks(open.text) % 2 === 0) {
      units.push(open);
      open = undefined;
    }
  }
  if (open) units.push(open);
  return units;
}

function quoteMarks(text: string): number {
  return (text.match(/["“”„]/g) ?? []).length;
}

/** Every attributed statement in one unit, in order; none for a question or a sentence nobody is said to have said. */
export function attributionsIn(unit: Unit): Attributed[] {
  const text = unit.text.trim();
  if (/\?["”]?$/.test(text) && !QUOTE_MARK.test(text[0] ?? '')) return [];
  if (QUOTE_MARK.test(text[0] ?? '')) return quoteLed(text, unit);
  return introducedQuote(text, unit) ?? forWhom(text) ?? accordingTo(text) ?? reported(text, unit) ?? [];
}

/** `“…,” X said.` / `“…” said X, who…` / `“…,” she said, “and …”` / `“…”` alone (the last speaker goes on). */
function quoteLed(text: string, unit: Unit): Attributed[] {
  const close = nextQuoteMark(text, 1);
  const quoted = cleanQuote(text.slice(1, close === -1 ? undefined : close));
  const rest = close === -1 ? '' : text.slice(close + 1);
  if (!/\p{L}/u.test(rest)) return quoted ? [{ statement: quoted, quote: true }] : [];
  const verb = speechVerb(rest, unit);
  if (!verb) return quoted ? [{ statement: quoted, quote: true }] : [];
  const before = rest.slice(0, verb.index).replace(/^[\s,]+|[\s,]+$/g, '');
  let after = rest.slice(verb.index + verb.word.length);
  let speaker = before;
  let description: string | undefined;
  if (!speaker) {
    // `said Margaret Jones, 81, who…`: the name runs to the first comma.
    const named = /^\s*([^,.;]+)(?:,\s*((?:a|an|the)\s[^,.;]+))?/.exec(after);
    speaker = named?.[1]?.trim() ?? '';
    description = named?.[2]?.trim();
    after = after.slice(named?.[0].length ?? 0);
  }
  let statement = quoted;
  const second = after.search(QUOTE_MARK);
  if (second !== -1) {
    // `“People feel …,” she said, “and we understand that.”`: one sentence, interrupted by its attribution.
    const end = nextQuoteMark(after, second + 1);
    const continued = cleanQuote(after.slice(second + 1, end === -1 ? undefined : end));
    statement = /^\p{Ll}/u.test(continued) ? `${text.slice(1, close).trim()} ${continued}` : statement;
    after = after.slice(0, second);
  }
  if (!speaker || !statement) return [];
  return [{ statement, quote: true, speaker, ...(description ? { description } : {}), ...contextOf(verb.word, after) }];
}

/** `X said: “…”` / `he wrote that “…”`: a quotation that is the whole of what the speaker said. */
function introducedQuote(text: string, unit: Unit): Attributed[] | undefined {
  const open = text.search(QUOTE_MARK);
  if (open <= 0) return undefined;
  const verb = speechVerb(text.slice(0, open), unit);
  if (!verb) return undefined;
  const between = text.slice(verb.index + verb.word.length, open);
  if (!/^\s*(?:that\s*|:\s*|,\s*)?$/.test(between)) return undefined;
  const close = nextQuoteMark(text, open + 1);
  if (close !== -1 && /\p{L}/u.test(text.slice(close + 1))) return undefined;
  const statement = cleanQuote(text.slice(open + 1, close === -1 ? undefined : close));
  const subject = subjectOf(text.slice(0, verb.index), unit);
  return subject && statement ? [{ statement, quote: true, ...subject }] : undefined;
}

/** `S, analysis, the ISW for whom “Q”`: the view of X, quoted. */
function forWhom(text: string): Attributed[] | undefined {
  // The cheap test first: the pattern below backtracks over every comma of a sentence that lacks the words.
  if (!text.includes(' for whom ')) return undefined;
  const match = /^(.*?),?\s*(?:\b(?:analysis|assessment),\s*)?([^,]+?)\s+for whom\s*["“”](.+?)["“”]?\.?$/.exec(text);
  if (!match) return undefined;
  const [, before = '', speaker = '', quoted = ''] = match;
  const found: Attributed[] = [];
  if (/\b(?:analysis|assessment),/.test(text) && before.trim()) found.push({ statement: cleanStatement(before), quote: false, speaker });
  found.push({ statement: cleanQuote(quoted), quote: true, speaker });
  return found;
}

/** `According to X, S` / `S, according to X who cite Y` / `According to a report by X, which cited Y, S`. */
function accordingTo(text: string): Attributed[] | undefined {
  if (!/according to/i.test(text)) return undefined;
  const leading = /^According to\s+(.+)$/i.exec(text);
  if (leading) {
    const segments = (leading[1] ?? '').split(/,\s+/);
    const source = [segments.shift() ?? ''];
    while (segments.length > 1 && /^(?:which|who|citing|quoted)\b/i.test(segments[0] ?? '')) source.push(segments.shift() ?? '');
    const statement = cleanStatement(segments.join(', '));
    return statement ? [{ statement, quote: false, ...sourceOf(source.join(', ')) }] : undefined;
  }
  const trailing = /^(.+?),?\s+according to\s+(.+?)\.?$/i.exec(text);
  if (!trailing) return undefined;
  const statement = cleanStatement(trailing[1] ?? '');
  return statement ? [{ statement, quote: false, ...sourceOf(trailing[2] ?? '') }] : undefined;
}

/** "a report by the firm Ambrey, which cited crew members" → speaker "the firm Ambrey", citing "crew members". */
function sourceOf(words: string): Pick<Attributed, 'speaker' | 'citing'> {
  // Copy sometimes glues "who" to the name before it ("Ligawho cite"): the relative clause still starts there.
  const cited = /^(.*?)(?:,\s*|\s+|(?<=\p{Ll}))(?:who|which)\s+cited?s?\s+(.+)$/u.exec(words) ?? /^(.*?),\s*citing\s+(.+)$/.exec(words);
  const speaker = (cited?.[1] ?? words)
    .replace(/^(?:a|the)\s+(?:report|statement|study|analysis|survey)\s+(?:by|from)\s+/i, '')
    .replace(/,\s*$/, '')
    .trim();
  const citing = cited?.[2]?.replace(/[,.]\s*$/, '').trim();
  return { speaker, ...(citing ? { citing } : {}) };
}

/** Reported speech: `S, X said` / `S, said X, who…` / `X said (that) S` / `X, citing Y, reported that S`. */
function reported(text: string, unit: Unit): Attributed[] | undefined {
  for (const verb of speechVerbs(text, unit)) {
    const before = text.slice(0, verb.index);
    const after = text.slice(verb.index + verb.word.length);
    const trailing = /^(.*\S),\s+([^,]{2,80}?)\s*$/.exec(before);
    if (trailing && !/\bthat\b/.test(after) && (/^\s*[.,]?\s*$/.test(after) || CONTEXT_START.test(after.trim()) || /^\s*,/.test(after))) {
      const statement = cleanStatement(trailing[1] ?? '');
      const subject = subjectOf(trailing[2] ?? '', unit);
      const relayed = /^\s*,\s*citing\s+([^,]+?)\.?$/.exec(after)?.[1];
      if (statement && subject)
        return [
          {
            statement,
            quote: false,
            ...subject,
            ...(relayed ? { citing: relayed } : {}),
            ...contextOf(verb.word, after.replace(/^\s*,\s*(?:after|before|as|citing)\b.*$/, '')),
          },
        ];
    }
    if (/,\s*$/.test(before)) {
      const inverted = /^\s+([^,.;]+)(?:,\s*((?:a|an|the)\s[^,.;]+))?/.exec(after);
      const statement = cleanStatement(before.replace(/,\s*$/, ''));
      if (inverted && statement && /^\s*\p{Lu}/u.test(inverted[1] ?? '')) {
        return [{ statement, quote: false, speaker: (inverted[1] ?? '').trim(), ...(inverted[2] ? { description: inverted[2].trim() } : {}) }];
      }
    }
    const subject = subjectOf(before, unit);
    if (!subject) continue;
    const complement = complementOf(verb.word, after);
    if (!complement) continue;
    return [
      {
        statement: complement.statement,
        quote: false,
        ...subject,
        ...(complement.citing ? { citing: complement.citing } : {}),
        ...(complement.context ? { context: complement.context } : {}),
      },
    ];
  }
  return undefined;
}

/** What follows the verb: `(that) S`, `, citing Y, that S`, `in a statement that S`, `the broadcaster ZDF that S`, `to have observed reports that S`. */
function complementOf(verb: string, after: string): { statement: string; citing?: string; context?: string } | undefined {
  let rest = after.trim();
  let citing: string | undefined;
  let context: string | undefined;
  const citingFirst = /^,\s*citing\s+([^,]+),\s*(.*)$/.exec(rest);
  if (citingFirst) {
    citing = citingFirst[1];
    rest = citingFirst[2] ?? '';
  }
  // "said on Thursday it had…": when it was said, not what.
  const when =
    /^((?:late |early )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?|yesterday|today|last (?:week|night)|this week),?\s+(?=\p{L})/u.exec(
      rest,
    );
  if (when && !/^that\b/.test(rest.slice(when[0].length))) {
    context = when[1];
    rest = rest.slice(when[0].length);
  }
  const addressed = ADDRESSING_VERBS.has(verb);
  const told = /^that\s/.test(rest) ? null : /^(.{1,60}?)\s+that\s+(.*)$/.exec(rest);
  if (/^that\s/.test(rest)) rest = rest.slice(5);
  else if (told && (addressed || CONTEXT_START.test(told[1] ?? ''))) {
    context = addressed ? `${verb} ${told[1]}` : told[1];
    rest = told[2] ?? '';
  } else if (addressed) return undefined;
  // "…, citing Y" at the end relays Y; "…, without giving details" is the article's aside.
  const citedLast = /^(.*?),\s+citing\s+([^,]+?)\.?$/.exec(rest);
  if (citedLast) {
    citing = citedLast[2];
    rest = citedLast[1] ?? '';
  }
  rest = rest.replace(/,\s+(?:without|adding|noting)\s+[^,]*$/, '');
  const perfect = /^to have (?:\p{L}+ly\s+)?\p{L}+ed\s+(.*)$/u.exec(rest);
  if (perfect) {
    rest = perfect[1] ?? '';
    const relayed = /^(reports)\s+that\s+(.*)$/.exec(rest);
    if (relayed) {
      citing = relayed[1];
      rest = relayed[2] ?? '';
    }
  }
  rest = rest.replace(/^that\s+/, '');
  if (!/\p{L}/u.test(rest) || /^(?:to|on|about|with|for)\b/.test(rest)) return undefined;
  const statement = cleanStatement(NEGATING_VERBS.has(verb) ? `${verb} that ${rest}` : rest);
  return statement ? { statement, ...(citing ? { citing } : {}), ...(context ? { context } : {}) } : undefined;
}

/**
 * The speaker before a verb: the last part of the clause that names someone, without a leading phrase of time or
 * place ("Earlier,", "Asked whether…,", which becomes the context), a relative clause ("who spoke on condition of
 * anonymity"), or a relay ("citing Western sources", which becomes `citing`).
 */
function subjectOf(before: string, unit: Unit): Omit<Attributed, 'statement' | 'quote'> | undefined {
  // "Others disagree: Capital Economics expects…": what comes before a colon is the article's own lead-in.
  const clause = before.slice(before.lastIndexOf(': ') + 1);
  const segments = clause
    .replace(/\s+$/, '')
    .replace(/,$/, '')
    .split(/,\s+/)
    .map((segment) => segment.trim())
    .filter(Boolean);
  let citing: string | undefined;
  let anonymous = false;
  let context: string | undefined;
  const kept: string[] = [];
  for (const segment of segments) {
    const relay = /^citing\s+(.+)$/i.exec(segment);
    if (relay) citing = relay[1];
    else if (/^(?:who|which)\b/i.test(segment)) anonymous ||= /\banonymity|not authori[sz]ed|unnamed\b/i.test(segment);
    else if (/^quoted by\b/i.test(segment)) continue;
    else kept.push(segment);
  }
  while (kept.length > 1 && isLeadingPhrase(kept[0] ?? '', unit)) {
    const leading = kept.shift() ?? '';
    if (/\s/.test(leading)) context = leading;
  }
  if (kept.length === 0) return undefined;
  let speaker = (kept.at(-1) ?? '').replace(/^(?:and|but|so|while|as)\s+/i, '');
  let description: string | undefined;
  // `Germany's finance minister, Lars Klingbeil,` / `The owner, Aegean Star Shipping,`: who they are, then the name.
  if (kept.length > 1 && isProperName(speaker) && !isProperName(kept.at(-2) ?? '')) description = kept.at(-2);
  if (!speaker || speaker.split(/\s+/).length > 14 || /[.;]/.test(speaker)) return undefined;
  // A clause with its own verb before the speech verb is not a speaker: "Talks are expected to resume on Thursday".
  // ("think" in "think tank" is tagged a verb, but only an auxiliary or an inflected verb makes a clause.)
  const verbs = speaker
    .split(/\s+/)
    .filter((word) => /^\p{Ll}/u.test(word) && (posOf(unit, word) === 'AUX' || (posOf(unit, word) === 'VERB' && /(?:ed|s)$/.test(word))));
  if (verbs.some((word) => !/^(?:based)$/i.test(word))) return undefined;
  speaker = speaker.replace(/\s+$/, '');
  return {
    speaker,
    ...(description ? { description } : {}),
    ...(citing ? { citing } : {}),
    ...(context ? { context } : {}),
    ...(anonymous ? { anonymous } : {}),
  };
}

/** Where or when, from the words after the verb: "at a news conference", "addressing Parliament in Kyiv on Wednesday". */
function contextOf(verb: string, after: string): Pick<Attributed, 'context'> {
  const words = after
    .replace(/["“”]/g, '')
    .replace(/[\s,.]+$/, '')
    .replace(/^[\s,]+/, '');
  if (verb === 'told' && words) return { context: `told ${words}` };
  if (!CONTEXT_START.test(words)) return {};
  return { context: words.replace(/^while\s+/i, '') };
}

function speechVerb(text: string, unit: Unit): { word: string; index: number } | undefined {
  return speechVerbs(text, unit)[0];
}

/** The speech verbs of a text, in order, with their positions: only where the tagger reads them as verbs. */
function speechVerbs(text: string, unit: Unit): { word: string; index: number }[] {
  const found: { word: string; index: number }[] = [];
  for (const match of text.matchAll(SPEECH_VERB)) {
    const word = match[0].toLowerCase();
    const previous = /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, match.index - 30), match.index))?.[1]?.toLowerCase();
    if (previous !== undefined && DETERMINERS.has(previous)) continue;
    // The tagger reads "claims to have observed" as a noun; what follows it says it is a verb.
    const verbal = /^\s+(?:to have|that)\b/.test(text.slice(match.index + match[0].length));
    if (!verbal && ['NOUN', 'PROPN', 'ADJ'].includes(posOf(unit, match[0]))) continue;
    found.push({ word, index: match.index });
  }
  return found;
}

function posOf(unit: Unit, word: string): string {
  return unit.words.find((candidate) => candidate.text === word)?.pos ?? 'X';
}

/**
 * "Earlier", "Speaking at the annual meeting", "Asked whether…", "In a post on Telegram": a phrase of time, place or
 * manner before the speaker. "Waiting lists have grown" starts with a verb form too, but it is a clause with a subject.
 */
function isLeadingPhrase(segment: string, unit: Unit): boolean {
  const [first = '', second = ''] = segment.match(/\p{L}+/gu) ?? [];
  const pos = posOf(unit, first);
  if (pos === 'VERB') return !['NOUN', 'PROPN'].includes(posOf(unit, second));
  return ADVERBIAL_POS.has(pos);
}

/** "Lars Klingbeil", "Aegean Star Shipping": every word capitalised (the tagger reads "Shipping" as a verb). */
function isProperName(text: string): boolean {
  const words = text.match(/[\p{L}'’-]+/gu) ?? [];
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word));
}

function nextQuoteMark(text: string, from: number): number {
  const index = text.slice(from).search(QUOTE_MARK);
  return index === -1 ? -1 : from + index;
}

/** The quoted words without the comma that hands over to "she said". */
function cleanQuote(text: string): string {
  return text.trim().replace(/,$/, '').trim();
}

/** A reported statement as the article has it, without the "And" or "Additionally," that joins it to the story. */
function cleanStatement(text: string): string {
  return text
    .trim()
    .replace(/^(?:And|But|So|Yet)\s+/, '')
    .replace(/^(?:Additionally|However|Meanwhile|Moreover|Furthermore|Still|Separately|Earlier|Later),\s+/, '')
    .replace(/[\s,;:]+$/, '')
    .replace(/\.$/, '')
    .trim();
}

/** The outlet's own judgement in an unattributed sentence, from the words that make it one. */
export function outletAssertion(text: string): string | undefined {
  const match = OUTLET_ASSERTION.exec(text);
  if (!match || QUOTE_MARK.test(text)) return undefined;
  return text.slice(match.index);
}

/** "Euronews was unable to independently verify these claims": the outlet's caveat on the claims just before it. */
export function isUnverifiedCaveat(text: string): boolean {
  return /\b(?:unable to|could not|cannot|can ?not|has not been able to|was not able to|did not)\s+(?:independently\s+)?(?:verify|confirm)\b/i.test(text);
}
