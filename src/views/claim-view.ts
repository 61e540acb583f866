import { isWebUrl, type Claim, type Flag, type Story, type Verdict } from '../core/schema.ts';
import type { Reply, ReplyEmbed } from './reply.ts';
import { ellipsis, LIMITS } from './limits.ts';
import { escapeMarkdown, linkTarget } from './markdown.ts';

export const VERDICT_BADGES: Record<Verdict, { label: string; color: number }> = {
  unverified: { label: '⚠️ Unverified', color: 0xf1c40f },
  confirmed: { label: '✅ Confirmed', color: 0x2ecc71 },
  false: { label: '❌ False', color: 0xe74c3c },
  misleading: { label: '🟠 Misleading', color: 0xe67e22 },
  disputed: { label: '⚖️ Disputed', color: 0x9b59b6 },
  inconclusive: { label: '❔ Inconclusive', color: 0x95a5a6 },
  retracted: { label: '↩️ Retracted', color: 0x7f8c8d },
};

/** Each sourcing flag in plain words, with what the claim itself says about it. */
export function flagBadge(flag: Flag, claim: Claim): string {
  switch (flag) {
    case 'anonymous-source':
      return '🕶️ anonymous source';
    case 'secondhand':
      return claim.attribution.citing ? `🔁 secondhand: citing ${claim.attribution.citing}` : '🔁 secondhand';
    case 'single-source':
      return '1️⃣ single source';
    case 'outlet-unverified':
      return `🚫 ${claim.attribution.reportedBy.outlet} could not verify it`;
    case 'interested-party':
      return '🎯 interested party';
  }
}

/** "Volodymyr Zelensky, Ukrainian President", as markdown-escaped text (it is an embed title). */
export function claimantLine(claim: Claim): string {
  const { name, description } = claim.claimant;
  return escapeMarkdown(description ? `${name}, ${description}` : name);
}

/** "The Kyiv Independent, citing Western sources · reported by Euronews" (the outlet linked when its URL is known) */
export function attributionLine(claim: Claim): string {
  const { citing, reportedBy } = claim.attribution;
  const outlet = isWebUrl(reportedBy.url) ? `[${escapeMarkdown(reportedBy.outlet)}](${linkTarget(reportedBy.url)})` : escapeMarkdown(reportedBy.outlet);
  const report = `reported by ${outlet}${reportedBy.date ? ` on ${reportedBy.date}` : ''}`;
  return citing ? `${escapeMarkdown(claim.claimant.name)}, citing ${escapeMarkdown(citing)} · ${report}` : report;
}

/** The statement in quotation marks when it is verbatim, otherwise as reported. */
export function statementText(claim: Claim): string {
  return claim.quote ? `“${claim.statement}”` : claim.statement;
}

/** One line per claim, for lists: "Volodymyr Zelensky: “In the coalition of…” (`zelensky-coalition-of-criminals`)". */
export function claimSummaryLine(claim: Claim, maxStatement = 90): string {
  return `${escapeMarkdown(claim.claimant.name)}: ${escapeMarkdown(ellipsis(statementText(claim), maxStatement))} (\`${claim.id}\`)`;
}

/** The embed for one claim: the statement as a blockquote, then who said it, who reported it, and how far to trust it. */
export function renderClaimEmbed(claim: Claim, story: Story | undefined): ReplyEmbed {
  const badge = VERDICT_BADGES[claim.verdict];
  const statement = ellipsis(escapeMarkdown(statementText(claim)), LIMITS.embedDescription - 200);
  const fields = [
    { name: 'Verdict', value: badge.label, inline: true },
    // A badge quotes the claim's own text (whom it cites, the outlet): escaped like the rest.
    { name: 'Sourcing', value: claim.flags.map((flag) => escapeMarkdown(flagBadge(flag, claim))).join('\n') || 'No sourcing concerns flagged', inline: true },
    { name: 'Attribution', value: attributionLine(claim) },
  ];
  if (claim.context) fields.push({ name: 'Context', value: escapeMarkdown(claim.context) });
  if (claim.note) fields.push({ name: 'Note', value: escapeMarkdown(claim.note) });
  fields.push({ name: 'Story', value: escapeMarkdown(story?.title ?? claim.story) });
  return {
    title: claimantLine(claim),
    description: blockquote(statement),
    color: badge.color,
    fields,
    footer: `claim ${claim.id} · updated ${claim.updatedAt.slice(0, 10)}`,
  };
}

/** The answer to /claim: the top claim in full and, under it, up to two other matches, one line each. */
export function renderClaimReply(claim: Claim, story: Story | undefined, others: readonly Claim[] = []): Reply {
  const embed = renderClaimEmbed(claim, story);
  if (others.length > 0) {
    embed.fields = [...(embed.fields ?? []), { name: 'Other matches', value: others.map((other) => `• ${claimSummaryLine(other)}`).join('\n') }];
  }
  return { embeds: [embed] };
}

/** The answer when nothing matches well: say so, offer the closest claims, and say how a claim gets added. */
export function renderNoMatch(query: string, closest: readonly Claim[], filters: readonly string[] = []): Reply {
  const among = filters.length > 0 ? ` among claims ${filters.map(escapeMarkdown).join(' and ')}` : '';
  const lines = [`No claim matches “${escapeMarkdown(ellipsis(query, 100))}”${among}.`];
  if (closest.length > 0) lines.push('', 'Closest claims:', ...closest.map((claim) => `• ${claimSummaryLine(claim)}`));
  lines.push('', 'Missing a claim? Press Ask the desk: the newsroom’s moderators will look into it, and you will be told here.');
  return { content: lines.join('\n'), ephemeral: true };
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
