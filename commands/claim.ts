import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../src/command/command.ts';
import { UserError } from '../src/core/errors.ts';
import { askTheDesk, askTheDeskButton } from '../src/curation/requests.ts';
import { renderClaimReply, renderNoMatch, statementText, VERDICT_BADGES } from '../src/views/claim-view.ts';
import { answer, isMatch } from '../src/search/answer.ts';
import { MAX_QUERY_LENGTH } from '../src/search/query.ts';
import { firstGraphemes } from '../src/core/text.ts';
import { stripInvisible } from '../src/core/text.ts';
import { VERDICTS, type Claim, type Verdict } from '../src/core/schema.ts';
import type { Choice, Reply } from '../src/views/reply.ts';
import { LIMITS } from '../src/views/limits.ts';
import { storyChoices } from '../src/views/choices.ts';

/** The top claim in full, and this many more matches under it, one line each. */
const OTHER_MATCHES = 2;

const data = {
  name: 'claim',
  description: 'Look up a claim: the quoted statement, who said it, who reported it, and how well it is sourced',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'query',
      description: 'Words from the claim, its claimant or the outlet, e.g. "north korea troops"',
      required: true,
      autocomplete: true,
      min_length: 1,
      max_length: MAX_QUERY_LENGTH,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'verdict',
      description: 'Only claims with this verdict',
      choices: VERDICTS.map((verdict) => ({ name: VERDICT_BADGES[verdict].label, value: verdict })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'story',
      description: 'Only claims from this story',
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Show the answer only to me',
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const ClaimOptions = z.object({
  query: z.string(),
  verdict: z.enum(VERDICTS).optional(),
  story: z.string().optional(),
  private: z.boolean().default(false),
});

export const claimCommand = defineCommand({
  data,
  options: ClaimOptions,
  execute({ query, verdict, story, private: onlyMe }, { store }): Reply {
    if (story && !store.story(story)) throw new UserError(`There is no story “${story}”. Pick one from the list as you type.`);
    const filters = { verdict, story };
    // A picked autocomplete choice is a claim id; the filters still apply to it.
    const chosen = store.claim(query.trim());
    if (chosen && passes(chosen, filters)) return { ...renderClaimReply(chosen, store.story(chosen.story)), ephemeral: onlyMe };
    const { answered, hits } = answer((text, options) => store.search(text, options), query, { ...filters, limit: 1 + OTHER_MATCHES });
    if (!answered) {
      const named = [verdict && `rated ${VERDICT_BADGES[verdict].label}`, story && `in “${store.story(story)!.title}”`].filter((f) => typeof f === 'string');
      return { ...renderNoMatch(query, hits.map((hit) => hit.claim), named), buttons: [askTheDeskButton('claim', query)] };
    }
    // Under the answer, only the other claims that match too: a merely close claim would read as related.
    const [top, ...others] = hits;
    return { ...renderClaimReply(top!.claim, store.story(top!.claim.story), others.filter((hit) => isMatch(hit)).map((hit) => hit.claim)), ephemeral: onlyMe };
  },
  autocomplete: claimAutocomplete,
  component(input, context) {
    if (input.kind !== 'button' || input.action !== 'ask') throw new Error(`unknown component of /claim: ${input.action}`);
    return askTheDesk(input.argument, context);
  },
});

/**
 * Choices for the option being typed. `options`: the other options filled in so far, so that suggestions obey the
 * verdict and story filters.
 */
export function claimAutocomplete(option: string, value: string, context: CommandContext, options: RawOptions = {}): Choice[] {
  return option === 'story' ? storyChoices(value, context.store.stories) : claimChoices(value, context, filtersOf(options));
}

interface Filters {
  verdict?: Verdict | undefined;
  story?: string | undefined;
}

function passes(claim: Claim, { verdict, story }: Filters): boolean {
  return (!verdict || claim.verdict === verdict) && (!story || claim.story === story);
}

/** The filters among the options filled in so far; a value that is not valid (yet) filters nothing. */
function filtersOf(options: RawOptions): Filters {
  const parsed = ClaimOptions.pick({ verdict: true, story: true }).safeParse({ verdict: options.verdict, story: options.story });
  return parsed.success ? parsed.data : {};
}

/** Claimant and the start of the statement; the value is the claim id, so picking one shows exactly that claim. */
function claimChoices(typed: string, { store }: CommandContext, filters: Filters): Choice[] {
  const claims = stripInvisible(typed).trim()
    ? store.search(firstGraphemes(typed, MAX_QUERY_LENGTH), { ...filters, mode: 'typing', limit: LIMITS.choices }).map((hit) => hit.claim)
    : store.newest(LIMITS.choices, filters);
  return claims.map((claim) => ({ name: `${claim.claimant.name}: ${statementText(claim)}`, value: claim.id }));
}


