import type { ApplicationCommandOptionLike, FakeDiscord } from './fake-discord.ts';

/** An embed as the bot sends it over the loopback Discord. */
export interface SentEmbed {
  title: string;
  description: string;
  fields?: { name: string; value: string }[];
  footer: { text: string };
}
/** A component of a reply or a form, as far as the tests read it. */
export interface SentComponent {
  type: number;
  custom_id?: string;
  label?: string;
  value?: string;
  options?: { value: string; default: boolean }[];
  component?: SentComponent;
  components?: SentComponent[];
}
/** The interaction callback the bot sent: type 4 a reply, 7 an update of the message, 9 a form. */
export interface Callback {
  type: number;
  data: { content?: string; embeds?: SentEmbed[]; flags?: number; custom_id?: string; title?: string; components?: SentComponent[] };
}

export const EPHEMERAL = 64;

/** The callback the bot answered an interaction with. */
export async function callback(discord: FakeDiscord, interaction: Promise<{ id: string; token: string }>): Promise<Callback> {
  return (await discord.reply(await interaction)).body as Callback;
}

export const subcommand = (name: string, options: ApplicationCommandOptionLike[] = []): ApplicationCommandOptionLike[] => [{ name, type: 1, options }];
export const option = (name: string, value: string | boolean): ApplicationCommandOptionLike => ({ name, type: typeof value === 'boolean' ? 5 : 3, value });

/** A form's inputs by their custom id. */
export const formInputs = (form: Callback['data']): Record<string, SentComponent> =>
  Object.fromEntries(form.components!.map((label) => [label.component!.custom_id, label.component!]));
export const buttonsOf = (reply: Callback): SentComponent[] => reply.data.components?.[0]?.components ?? [];
export const field = (embed: SentEmbed, name: string): string | undefined => embed.fields?.find((candidate) => candidate.name === name)?.value;
