import { graphemePrefix } from '../core/text.ts';
import type { Choice, ModalForm, Reply, ReplyEmbed } from './reply.ts';

/** Discord's limits, in one place. https://discord.com/developers/docs/resources/message#embed-object-embed-limits */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  embedTotal: 6000,
  /** Discord counts the 6000 across every embed of one message, not per embed. */
  embedsTotalPerMessage: 6000,
  embedsPerMessage: 10,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonsPerRow: 5,
  buttonLabel: 80,
  /** Of a button or a form (a modal). */
  customId: 100,
  modalTitle: 45,
  modalInputs: 5,
  labelText: 45,
  labelDescription: 100,
  placeholder: 100,
  textInputValue: 4000,
  selectOptions: 25,
  /** What a bot may attach to one message, in bytes (Discord's default upload limit). */
  attachmentBytes: 10 * 1024 * 1024,
  /** Command definitions (https://discord.com/developers/docs/interactions/application-commands#registering-a-command). */
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  /** Every name, description and choice name and value of one command, together. */
  commandTotal: 4000,
  /** Our own: the largest article the drafter reads, from a file or a Discord attachment (a long feature is ~100 kB). */
  articleBytes: 1024 * 1024,
  /** Our own: open requests listed at once, one line each within one embed description. */
  requestsListed: 25,
} as const;

/**
 * Shortens text to at most `max` UTF-16 units, ending in "…": at a word boundary where one is near, and never
 * inside a grapheme, so an emoji is never split into half a surrogate pair.
 */
export function ellipsis(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const cut = graphemePrefix(text, max - 1);
  const endsAtWord = /\s/.test(text.charAt(cut.length));
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = endsAtWord || lastSpace < max * 0.6 ? cut : cut.slice(0, lastSpace);
  // A trailing backslash would be half of a markdown escape: drop it with the punctuation.
  return `${atWord.replace(/[\s.,;:!?\\-]+$/, '')}…`;
}

/** A reply that Discord will accept: every text within its limit, shortened with an ellipsis rather than rejected. */
export function fitReply(reply: Reply): Reply {
  const fitted: Reply = { ...reply };
  if (reply.content !== undefined) fitted.content = ellipsis(reply.content, LIMITS.content);
  if (reply.embeds) {
    // The 6000 characters are shared by all embeds of a message: each gets what the ones before it left.
    let budget = LIMITS.embedTotal;
    fitted.embeds = [];
    for (const embed of reply.embeds.slice(0, LIMITS.embedsPerMessage)) {
      const fittedEmbed = fitEmbed(embed, budget);
      if (embedLength(fittedEmbed) === 0) break;
      fitted.embeds.push(fittedEmbed);
      budget -= embedLength(fittedEmbed);
    }
  }
  if (reply.files) {
    const tooLarge = reply.files.filter((file) => Buffer.byteLength(file.content) > LIMITS.attachmentBytes);
    fitted.files = reply.files.filter((file) => !tooLarge.includes(file));
    // Never a silent cut: say which file could not be attached.
    if (tooLarge.length > 0)
      fitted.content = ellipsis(
        `${fitted.content ?? ''}\n${tooLarge.map((file) => `${file.name} is larger than Discord allows (${Math.ceil(Buffer.byteLength(file.content) / 1048576)} MB); use \`claimbot export\` on the server.`).join('\n')}`.trim(),
        LIMITS.content,
      );
  }
  if (reply.buttons)
    fitted.buttons = reply.buttons.slice(0, LIMITS.buttonsPerRow).map((button) => ({ ...button, label: ellipsis(button.label, LIMITS.buttonLabel) }));
  return fitted;
}

/** A form Discord will accept. A prefilled value is never shortened (that would lose text): a longer one is left out. */
export function fitModal(form: ModalForm): ModalForm {
  return {
    id: form.id,
    title: ellipsis(form.title, LIMITS.modalTitle),
    inputs: form.inputs.slice(0, LIMITS.modalInputs).map((input) => {
      const label = ellipsis(input.label, LIMITS.labelText);
      const description = input.description === undefined ? undefined : ellipsis(input.description, LIMITS.labelDescription);
      if (input.kind === 'select')
        return {
          ...input,
          label,
          description,
          options: input.options.slice(0, LIMITS.selectOptions).map(({ name, value }) => ({ name: ellipsis(name, LIMITS.choiceName), value })),
        };
      const maxLength = Math.min(input.maxLength, LIMITS.textInputValue);
      const placeholder = input.placeholder === undefined ? undefined : ellipsis(input.placeholder, LIMITS.placeholder);
      return {
        ...input,
        label,
        description,
        placeholder,
        maxLength,
        value: input.value !== undefined && input.value.length <= maxLength ? input.value : undefined,
      };
    }),
  };
}

function fitEmbed(embed: ReplyEmbed, budget: number): ReplyEmbed {
  const fitted: ReplyEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = ellipsis(embed.title, LIMITS.embedTitle);
  if (embed.description !== undefined) fitted.description = ellipsis(embed.description, LIMITS.embedDescription);
  if (embed.footer !== undefined) fitted.footer = ellipsis(embed.footer, LIMITS.footerText);
  fitted.fields = (embed.fields ?? []).slice(0, LIMITS.embedFields).map((field) => ({
    ...field,
    name: ellipsis(field.name, LIMITS.fieldName),
    value: ellipsis(field.value, LIMITS.fieldValue),
  }));
  // Over budget: drop fields from the end, then shorten the description, the footer, the title.
  while (embedLength(fitted) > budget && fitted.fields.length > 0) fitted.fields.pop();
  for (const key of ['description', 'footer', 'title'] as const) {
    const excess = embedLength(fitted) - budget;
    const text = fitted[key];
    if (excess > 0 && text !== undefined) fitted[key] = ellipsis(text, text.length - excess) || undefined;
  }
  return fitted;
}

export function embedLength(embed: ReplyEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0) + fields;
}

/** At most 25 autocomplete choices, each name and value within 100 characters. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .slice(0, LIMITS.choices)
    .map(({ name, value }) => ({ name: ellipsis(name, LIMITS.choiceName), value: graphemePrefix(value, LIMITS.choiceValue) }));
}

/** The characters Discord counts against the 6000 of one message: every text of every embed. */
export function messageEmbedsLength(embeds: readonly ReplyEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/** What breaks Discord's limits in one message of embeds, in words; empty when it fits. */
export function messageLimitProblems(embeds: readonly ReplyEmbed[]): string[] {
  const problems: string[] = [];
  if (embeds.length > LIMITS.embedsPerMessage) problems.push(`${embeds.length} embeds (at most ${LIMITS.embedsPerMessage})`);
  const total = messageEmbedsLength(embeds);
  if (total > LIMITS.embedsTotalPerMessage) problems.push(`${total} characters across embeds (at most ${LIMITS.embedsTotalPerMessage})`);
  embeds.forEach((embed, i) => {
    const over = (what: string, length: number | undefined, max: number) => {
      if ((length ?? 0) > max) problems.push(`embed ${i + 1}: ${what} of ${length} characters (at most ${max})`);
    };
    over('title', embed.title?.length, LIMITS.embedTitle);
    over('description', embed.description?.length, LIMITS.embedDescription);
    over('footer', embed.footer?.length, LIMITS.footerText);
    if ((embed.fields?.length ?? 0) > LIMITS.embedFields) problems.push(`embed ${i + 1}: ${embed.fields!.length} fields`);
  });
  return problems;
}
