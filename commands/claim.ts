import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type CommandContext, type RawOptions } from '../src/command/command.ts';
import { RefusedError } from '../src/core/errors.ts';
import { askTheDesk, askTheDeskButton } from '../src/curation/requests.ts';
import { renderClaimReply, renderNoMatch, VERDICT_BADGES } from '../src/views/claim-view.ts';
import { answer, isMatch } from '../src/search/answer.ts';
import { MAX_QUERY_LENGTH } from '../src/search/query.ts';
import { VERDICTS, type Claim } from '../src/core/schema.ts';
import type { Choice, Reply } from '../src/views/reply.ts';
import { claimChoices, storyChoices, VERDICT_CHOICES, type ClaimFilters } from '../src/command/choices.ts';

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
      choices: VERDICT_CHOICES,
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
    if (story && !store.story(story)) throw new RefusedError({ kind: 'no-story', story });
    const filters = { verdict, story };
    // A picked autocomplete choice is a claim id; the filters still apply to it.
    const chosen = store.claim(query.trim());
    if (chosen && passes(chosen, filters)) return { ...renderClaimReply(chosen, store.story(chosen.story)), ephemeral: onlyMe };
    const { answered, hits } = answer((text, options) => store.search(text, options), query, { ...filters, limit: 1 + OTHER_MATCHES });
    if (!answered) {
      const named = [verdict && `rated ${VERDICT_BADGES[verdict].label}`, story && `in “${store.story(story)!.title}”`].filter((f) => typeof f === 'string');
      return {
        ...renderNoMatch(
          query,
          hits.map((hit) => hit.claim),
          named,
        ),
        buttons: [askTheDeskButton('claim', query)],
      };
    }
    // Under the answer, only the other claims that match too: a merely close claim would read as related.
    const [top, ...others] = hits;
    return {
      ...renderClaimReply(
        top!.claim,
        store.story(top!.claim.story),
        others.filter((hit) => isMatch(hit)).map((hit) => hit.claim),
      ),
      ephemeral: onlyMe,
    };
  },
  autocomplete: claimAutocomplete,
  component(input, context) {
    if (input.kind !== 'button' || input.action !== 'ask') throw new Error(`unknown component of /claim: ${input.action}`);
    return askTheDesk(input.args[0] ?? '', context);
  },
});

/**
 * Choices for the option being typed. `options`: the other options filled in so far, so that suggestions obey the
 * verdict and story filters.
 */
export function claimAutocomplete(option: string, value: string, context: CommandContext, options: RawOptions = {}): Choice[] {
  return option === 'story' ? storyChoices(value, context.store.stories) : claimChoices(value, context.store, filtersOf(options));
}

function passes(claim: Claim, { verdict, story }: ClaimFilters): boolean {
  return (!verdict || claim.verdict === verdict) && (!story || claim.story === story);
}

/** The filters among the options filled in so far; a value that is not valid (yet) filters nothing. */
function filtersOf(options: RawOptions): ClaimFilters {
  const parsed = ClaimOptions.pick({ verdict: true, story: true }).safeParse({ verdict: options.verdict, story: options.story });
  return parsed.success ? parsed.data : {};
}
