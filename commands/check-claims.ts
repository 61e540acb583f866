import { ApplicationCommandType } from 'discord.js';
import type { Command } from '../src/command/command.ts';
import { askTheDesk, askTheDeskButton, MAX_REQUEST_LENGTH } from '../src/curation/requests.ts';
import { claimSummaryLine, renderClaimEmbed } from '../src/views/claim-view.ts';
import { escapeMarkdown } from '../src/views/markdown.ts';
import type { Reply } from '../src/views/reply.ts';
import { visibleLength } from '../src/core/text.ts';
import { answer, isMatch } from '../src/search/answer.ts';
import { ellipsis } from '../src/views/limits.ts';

/** At most this many known claims are listed for one message. */
const MATCHES = 3;

/**
 * "Check claims" on any message (right-click → Apps): the known claims the message repeats or is about, with their
 * verdicts and flags, shown only to the person who asked; or "no known claim", the closest, and a way to ask the desk.
 */
export const checkClaimsCommand: Command = {
  data: { type: ApplicationCommandType.Message, name: 'Check claims', contexts: [0] },
  run({ message }, { store, rateLimit }): Reply {
    const text = String(message ?? '').trim();
    if (!text) return { content: 'That message has no text to check (only attachments or embeds).', ephemeral: true };
    const wait = rateLimit?.('check-claims') ?? 0;
    if (wait > 0)
      return {
        content: `You have checked as many messages as one person can in a minute: try again in ${Math.ceil(wait / 1000)} s. Nothing was checked.`,
        ephemeral: true,
      };
    const { answered, hits } = answer((words, options) => store.search(words, options), text, { mode: 'message', limit: MATCHES });
    const matches = answered ? hits.filter((hit) => isMatch(hit, 'message')).map((hit) => hit.claim) : [];
    const closest = answered ? [] : hits.map((hit) => hit.claim);
    if (matches.length === 0) {
      const lines = [`No known claim in this message: “${escapeMarkdown(ellipsis(text, 150))}”.`];
      if (closest.length > 0) lines.push('', 'Closest claims:', ...closest.map((claim) => `• ${claimSummaryLine(claim)}`));
      const length = text.length <= MAX_REQUEST_LENGTH ? text.length : visibleLength(text);
      if (length > MAX_REQUEST_LENGTH) {
        lines.push(
          '',
          `The desk takes requests of up to ${MAX_REQUEST_LENGTH} characters, and this message has ${length}: ask with \`/claim\` and the words you want checked.`,
        );
        return { content: lines.join('\n'), ephemeral: true };
      }
      lines.push('', 'The desk can look into it: press Ask the desk.');
      return { content: lines.join('\n'), ephemeral: true, buttons: [askTheDeskButton('Check claims', text)] };
    }
    const embeds = matches.map((claim) => renderClaimEmbed(claim, store.story(claim.story)));
    return { content: `This message matches ${matches.length === 1 ? 'a known claim' : `${matches.length} known claims`}:`, embeds, ephemeral: true };
  },
  component(input, context) {
    if (input.kind !== 'button' || input.action !== 'ask') throw new Error(`unknown component of Check claims: ${input.action}`);
    return askTheDesk(input.args[0] ?? '', context);
  },
};
