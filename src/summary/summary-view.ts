import { createHash } from 'node:crypto';
import { ellipsis, LIMITS, messageLimitProblems } from '../views/limits.ts';
import { flagBadge, statementText, VERDICT_BADGES } from '../views/claim-view.ts';
import { escapeMarkdown } from '../views/markdown.ts';
import type { ReplyEmbed } from '../views/reply.ts';
import { VERDICTS, type Claim, type Story, isWebUrl } from '../core/schema.ts';

/**
 * A story's summary as Discord messages: one page per message, each within Discord's limits. A page is
 * rendered without its time; `stampPage` adds "updated <time>" when it is sent, so the hash of a page says
 * whether its content changed and an edit that would change nothing is never sent.
 */
export interface SummaryPage {
  embeds: ReplyEmbed[];
}

const SUMMARY_COLOR = 0x5865f2;
/** Room kept in each message for the footer's " · updated 2026-12-02 05:01 UTC" and the page's range. */
const FOOTER_RESERVE = 120;
/** Room for the longest counts line ("9999 claims" and seven verdicts). */
const COUNTS_RESERVE = 200;
/** Each part of an entry is shortened before it is escaped, so an entry never outgrows one embed (about 900 characters at most). */
const ENTRY_PARTS = { claimant: 80, statement: 140, flags: 200 } as const;

/** The order of entries: oldest claim first (then by id), so an added claim goes at the end and earlier pages stay as they are. */
export function summaryOrder(a: Claim, b: Claim): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** "15 claims · 14 unverified · 1 disputed" */
export function verdictCounts(claims: readonly Claim[]): string {
  const counts = VERDICTS.map((verdict) => [verdict, claims.filter((claim) => claim.verdict === verdict).length] as const).filter(([, n]) => n > 0);
  return [plural(claims.length, 'claim'), ...counts.map(([verdict, n]) => `${n} ${verdict}`)].join(' · ');
}

/**
 * One entry: number, verdict badge, claimant and id on the first line; a short quote and the sourcing flags on
 * the second. A shortened statement ends in "…", visibly; `/claim <id>` shows it in full.
 */
export function summaryEntry(claim: Claim, number: number): string {
  const claimant = escapeMarkdown(ellipsis(oneLine(claim.claimant.name), ENTRY_PARTS.claimant));
  // Shortened inside its quotation marks, so a quote still reads as one.
  const statement = escapeMarkdown(statementText({ ...claim, statement: ellipsis(oneLine(claim.statement), ENTRY_PARTS.statement) }));
  const flagText = oneLine(claim.flags.map((flag) => flagBadge(flag, claim)).join(' · '));
  const flags = claim.flags.length > 0 ? ` — ${escapeMarkdown(ellipsis(flagText, ENTRY_PARTS.flags))}` : '';
  return `**${number}.** ${VERDICT_BADGES[claim.verdict].label} · **${claimant}** · \`${claim.id}\`\n${statement}${flags}`;
}

/** "Source: Euronews · “North Korean troops…” · 2026-11-25" (the embed's title links to the article when its URL is known). */
function sourceLine(story: Story): string {
  const { outlet, title, date } = story.source;
  const parts = [escapeMarkdown(outlet)];
  if (title) parts.push(`“${escapeMarkdown(title)}”`);
  if (date) parts.push(date);
  return `Source: ${parts.join(' · ')}`;
}

/** The summary of `story`, its live `claims` in a stable order, split into as many messages as Discord needs. */
export function summaryPages(story: Story, claims: readonly Claim[]): SummaryPage[] {
  const ordered = claims.filter((claim) => claim.story === story.id).sort(summaryOrder);
  const counts = verdictCounts(ordered);
  const header = `${sourceLine(story)}\n**${counts}**`;
  // The counts are packed as if at their longest, so a new count never pushes entries onto the next message.
  const slack = Math.max(0, COUNTS_RESERVE - counts.length);
  const entries = ordered.map((claim, i) => summaryEntry(claim, i + 1));
  // The title is the story's own text, escaped like every other echoed text: a "[link](…)" in it stays plain.
  const title = escapeMarkdown(story.title);
  const continuedTitle = ellipsis(`${title} (continued)`, LIMITS.embedTitle);
  const budget = LIMITS.embedsTotalPerMessage - FOOTER_RESERVE;

  // Greedy packing: entries into an embed's description, embeds into a message, each within its limit.
  const pages: { embeds: ReplyEmbed[]; first: number; last: number }[] = [];
  let page = {
    embeds: [
      { title: ellipsis(title, LIMITS.embedTitle), url: isWebUrl(story.source.url) ? story.source.url : undefined, color: SUMMARY_COLOR, description: header },
    ] as ReplyEmbed[],
    first: 1,
    last: 0,
  };
  const firstPage = page;
  const used = () => page.embeds.reduce((sum, embed) => sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0), page === firstPage ? slack : 0);
  entries.forEach((entry, i) => {
    const embed = page.embeds.at(-1)!;
    const description = embed.description ? `${embed.description}\n${entry}` : entry;
    const headerSlack = page === firstPage && page.embeds.length === 1 ? slack : 0;
    if (description.length + headerSlack <= LIMITS.embedDescription && used() - (embed.description?.length ?? 0) + description.length <= budget) {
      embed.description = description;
    } else if (page.embeds.length < LIMITS.embedsPerMessage && used() + entry.length <= budget) {
      page.embeds.push({ color: SUMMARY_COLOR, description: entry });
    } else {
      pages.push(page);
      page = { embeds: [{ title: continuedTitle, color: SUMMARY_COLOR, description: entry }], first: i + 1, last: i };
    }
    page.last = i + 1;
  });
  pages.push(page);

  const total = ordered.length;
  return pages.map(({ embeds, first, last }, index) => {
    const isLast = index === pages.length - 1;
    const range = pages.length === 1 ? '' : `claims ${first}–${last} · `;
    const footer = isLast ? `${range}${plural(total, 'claim')} in all` : `${range}continued in the next message`;
    const withFooter = embeds.map((embed, i) => (i === embeds.length - 1 ? { ...embed, footer } : embed));
    const problems = messageLimitProblems(withFooter);
    // Packing keeps within the limits by construction; a page that does not is a bug, never sent cut short.
    if (problems.length > 0) throw new Error(`summary page ${index + 1} of ${story.id} breaks Discord's limits: ${problems.join('; ')}`);
    return { embeds: withFooter };
  });
}

/** The page as sent: its footer ends with when it was last changed. */
export function stampPage(page: SummaryPage, updatedAt: Date): ReplyEmbed[] {
  const time = `${updatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return page.embeds.map((embed, i) => (i === page.embeds.length - 1 ? { ...embed, footer: `${embed.footer} · updated ${time}` } : embed));
}

/** A short fingerprint of what a page shows (its time left out). */
export function pageHash(page: SummaryPage): string {
  return createHash('sha256').update(JSON.stringify(page.embeds)).digest('hex').slice(0, 16);
}

/** An entry keeps to its two lines: line breaks in a statement become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
