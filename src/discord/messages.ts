import { ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed, type AttachmentPayload } from 'discord.js';
import { fitReply } from '../views/limits.ts';
import type { Reply, ReplyButton } from '../views/reply.ts';

/** A reply as a Discord message body, within Discord's limits (applied here, when sending, and nowhere else). */
export function messagePayload(reply: Reply): {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  files?: AttachmentPayload[];
} {
  const { content, embeds, buttons, files } = fitReply(reply);
  return {
    files: files?.map((file) => ({ attachment: Buffer.from(file.content), name: file.name })),
    // Updating a message in place: what is not given is cleared, not kept from the prompt it replaces.
    content: content ?? (reply.update ? '' : undefined),
    embeds: embeds?.map(({ footer, ...embed }) => ({ ...embed, footer: footer === undefined ? undefined : { text: footer } })),
    components: buttons?.length ? [{ type: ComponentType.ActionRow, components: buttons.map(buttonJson) }] : reply.update ? [] : undefined,
  };
}

const BUTTON_STYLES = { primary: 1, secondary: 2, success: 3, danger: 4 } as const;

function buttonJson(button: ReplyButton): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: button.id, label: button.label, style: BUTTON_STYLES[button.style] };
}
