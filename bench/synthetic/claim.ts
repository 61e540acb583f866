/** One claim: its speaker, a statement no other claim has, its sourcing, verdict, dates and tags. */
import type { Claim, Flag, Verdict } from '../../src/core/schema.ts';
import { words } from './files.ts';
import type { Gen, Speaker } from './generator.ts';
import type { Tpl } from './grammar.ts';
import { at } from './random.ts';
import { DAY, END, type StoryPlan } from './story.ts';
import { comparable, iso, keywords, slugify, uniqueSlug, wordCount } from './text.ts';
import { TEMPLATES, type Topic } from './world.ts';

const VERDICT_WEIGHTS: readonly (readonly [Verdict, number])[] = [
  ['unverified', 78],
  ['confirmed', 6],
  ['disputed', 5],
  ['misleading', 3],
  ['false', 3],
  ['inconclusive', 3],
  ['retracted', 2],
];

export function makeClaim(g: Gen, index: number, plan: StoryPlan, topic: Topic, ids: Set<string>, statements: Set<string>): Claim {
  const r = g.r;
  g.tags.clear();
  g.topic = topic;
  g.land = topic === plan.topic ? plan.land : r.pickZ(topic.lands, 1, 2);
  const speaker = g.speaker(topic);
  const canQuote = speaker.kind !== 'anonymous' && speaker.kind !== 'media';
  const quote = canQuote && r.chance(0.35);

  let statement = '';
  let key = '';
  const speakerTags = [...g.tags];
  for (let attempt = 0; ; attempt++) {
    g.tags.clear();
    for (const t of speakerTags) g.tags.add(t);
    statement = compose(g, topic, speaker, quote);
    while (wordCount(statement) < 8) statement = pad(g, statement, quote);
    key = comparable(statement);
    if (attempt >= 3 && statements.has(key)) {
      // A common template: add a detail a reporter or speaker might, then a date, then as a last resort the claim's number.
      statement = quote ? `${statement} ${r.pick(TEMPLATES.quoteTails)(g)}` : `${statement}, ${r.pick(TEMPLATES.fallbackDetails)(g)}`;
      key = comparable(statement);
      if (attempt >= 8 && statements.has(key)) {
        const day = new Date(plan.start + r.int(60) * DAY);
        statement = distinguish(statement, quote, `as of ${day.getUTCDate()} ${at(words('MONTHS'), day.getUTCMonth())} ${day.getUTCFullYear()}`);
        key = comparable(statement);
        if (statements.has(key)) {
          statement = distinguish(statement, quote, `report ${index + 1}`);
          key = comparable(statement);
        }
      }
    }
    if (!statements.has(key) && wordCount(statement) <= 45) break;
  }
  statements.add(key);

  // Sourcing
  const flags: Flag[] = [];
  let citing: string | undefined;
  if (speaker.kind === 'anonymous') flags.push('anonymous-source');
  if (r.chance(speaker.kind === 'media' ? 0.7 : 0.22)) {
    const [describe, anonymous] = r.pick(topic.war && r.chance(0.6) ? TEMPLATES.warCiting : TEMPLATES.citing);
    citing = describe(g);
    if (anonymous && !flags.includes('anonymous-source')) flags.push('anonymous-source');
  }
  if (speaker.interested && speaker.kind !== 'thinktank' && speaker.kind !== 'ngo' && speaker.kind !== 'media' && r.chance(0.85))
    flags.push('interested-party');
  if (citing) flags.push('secondhand');
  if (r.chance(0.1)) flags.push('single-source');
  const reportedBy: Claim['attribution']['reportedBy'] = { outlet: r.chance(0.7) ? plan.outlet : g.outlet() };
  let note: string | undefined;
  if (r.chance(0.1)) {
    flags.push('outlet-unverified');
    note = `${reportedBy.outlet} was unable to independently verify these claims.`;
  }

  const verdict = r.weighted(VERDICT_WEIGHTS);
  const notes = TEMPLATES.verdictNotes[verdict];
  if (!note && notes.length > 0 && r.chance(0.6)) note = r.pick(notes)(g);

  // Dates
  const created = Math.min(END, plan.start + Math.floor(r.next() * 21 * DAY));
  const createdMinute = created - (created % 60_000);
  const updated = r.chance(0.65) ? createdMinute : Math.min(END, createdMinute + r.range(1, 90 * 24 * 60) * 60_000);
  if (r.chance(0.45)) reportedBy.date = iso(createdMinute - r.int(3) * DAY).slice(0, 10);

  const contexts =
    speaker.kind === 'anonymous' ? TEMPLATES.anonymousContexts : speaker.kind === 'person' ? TEMPLATES.personContexts : TEMPLATES.organisationContexts;
  const context = r.chance(speaker.kind === 'anonymous' ? 0.3 : 0.6) ? r.pick(contexts)(g) : undefined;

  // Tags: the topic's, the places and things the statement names, a few generic ones
  const tags = new Set<string>();
  tags.add(r.pick(topic.tags));
  if (r.chance(0.5)) tags.add(r.pick(topic.tags));
  for (const t of g.tags) if (tags.size < 4 && t.length > 0 && r.chance(0.7)) tags.add(t);
  if (r.chance(0.15)) tags.add(g.z(words('GENERIC_TAGS')));

  const idBase = `${slugify(speaker.key, 2)}-${slugify(keywords(statement), 3)}`.slice(0, 56).replace(/-+$/, '');
  const id = uniqueSlug(`${idBase}-${index.toString(36)}`, ids);

  const claim: Claim = {
    id,
    story: plan.story.id,
    statement,
    quote,
    claimant: { ...speaker.party },
    attribution: citing ? { citing, reportedBy } : { reportedBy },
    ...(context ? { context } : {}),
    tags: [...tags].slice(0, 5),
    verdict,
    flags,
    ...(note ? { note } : {}),
    createdAt: iso(createdMinute),
    updatedAt: iso(updated),
    addedBy: 'bench',
  };
  return claim;
}

function compose(g: Gen, topic: Topic, speaker: Speaker, quote: boolean): string {
  const r = g.r;
  const voice = topic[speaker.side];
  let pool: readonly Tpl[];
  if (speaker.side === 'b' && (quote || r.chance(0.85)) && (quote ? voice.quotes : voice.said)?.length) pool = (quote ? voice.quotes : voice.said) ?? [];
  else if (quote) pool = speaker.side === 'a' && voice.quotes?.length && r.chance(0.6) ? voice.quotes : topic.quotes;
  else {
    const own = speaker.side === 'a' && voice.said?.length && r.chance(0.4) ? voice.said : topic.said;
    const said = r.pick(own)(g);
    if (!r.chance(0.45)) return said;
    const details = topic.local && r.chance(0.5) ? TEMPLATES.localDetails : /\d/.test(said) && r.chance(0.5) ? TEMPLATES.numberDetails : TEMPLATES.details;
    return `${said}, ${r.pick(details)(g)}`;
  }
  const i = r.int(pool.length);
  const first = at(pool, i)(g);
  if (quote && pool.length > 1 && r.chance(0.22)) {
    const second = at(pool, (i + 1 + r.int(pool.length - 1)) % pool.length)(g);
    if (wordCount(first) + wordCount(second) <= 45) return `${first} ${second}`;
  }
  return first;
}

/** Lengthens a statement that is too short: a quote with another sentence, a paraphrase with a source. */
function pad(g: Gen, statement: string, quote: boolean): string {
  // Draws all four sources before picking one, like Gen.soon(), so it stays code.
  if (quote) return `${statement} ${g.r.pick(TEMPLATES.quoteTails)(g)}`;
  return distinguish(statement, quote, g.z([`according to ${g.org()}`, `in ${g.here()}`, 'according to preliminary data', `according to ${g.outlet()}`]));
}

/** Adds a detail to a statement without breaking its final punctuation. */
function distinguish(statement: string, quote: boolean, detail: string): string {
  if (quote || /[.!?]$/.test(statement)) {
    const body = statement.replace(/[.!?]$/, '');
    return `${body}, ${detail}.`;
  }
  return `${statement}, ${detail}`;
}
