/**
 * The fake Discord's REST routes and the state they keep: registered commands, interaction replies (`@original`),
 * and messages and pins in channels, with Discord's error codes for what is gone or over a limit.
 */
import type { DiscordPayloads, Json } from './fake-discord-payloads.ts';
import type { RecordedRequest, Reply } from './fake-discord-http.ts';

export class FakeRest {
  private readonly registered: { global: Json[]; guild: Json[] };
  /** Message that `@original` refers to, per interaction token. */
  private readonly originals = new Map<string, Json>();
  /** Interaction type per dispatched interaction id, echoed by `with_response` callbacks. */
  private readonly interactionTypes = new Map<string, number>();
  /** Messages posted in channels (`POST /channels/:id/messages`), by channel, in the order posted. */
  private readonly channelMessages = new Map<string, Map<string, Json>>();
  /** Pinned message ids by channel, oldest pin first. */
  private readonly pins = new Map<string, string[]>();
  /** Channels deleted with `deleteChannel`: every request about them gets 10003 Unknown Channel. */
  private readonly deletedChannels = new Set<string>();

  constructor(
    private readonly payloads: DiscordPayloads,
    /** Where the gateway listens, for `GET /gateway/bot`. */
    private readonly gatewayUrl: () => string,
    commands: { global?: unknown[]; guild?: unknown[] } | undefined,
  ) {
    this.registered = {
      global: payloads.withIds(commands?.global ?? [], 'global'),
      guild: payloads.withIds(commands?.guild ?? [], 'guild'),
    };
  }

  commands(scope: 'global' | 'guild'): unknown[] {
    return this.registered[scope];
  }

  /** An interaction was dispatched: its type is what a `with_response` callback echoes. */
  dispatched(interactionId: string, type: number): void {
    this.interactionTypes.set(interactionId, type);
  }

  /** The messages now in a channel (posted through REST, not deleted), oldest first. */
  messagesIn(channelId: string): Json[] {
    return [...(this.channelMessages.get(channelId)?.values() ?? [])];
  }

  /** The ids of the messages pinned in a channel, oldest pin first. */
  pinnedIn(channelId: string): string[] {
    return [...(this.pins.get(channelId) ?? [])];
  }

  /** Someone deletes a message: later requests about it get 10008 Unknown Message. */
  deleteMessage(channelId: string, messageId: string): void {
    this.channelMessages.get(channelId)?.delete(messageId);
    this.pins.set(
      channelId,
      this.pinnedIn(channelId).filter((id) => id !== messageId),
    );
  }

  /** Someone deletes a channel: later requests about it get 10003 Unknown Channel. */
  deleteChannel(channelId: string): void {
    this.deletedChannels.add(channelId);
    this.channelMessages.delete(channelId);
    this.pins.delete(channelId);
  }

  route({ method, path, query, body }: RecordedRequest): Reply {
    const fields = (body ?? {}) as Json;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      const sessionStartLimit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return { status: 200, body: { url: this.gatewayUrl(), shards: 1, session_start_limit: sessionStartLimit } };
    }
    if (method === 'GET' && path === '/applications/@me') {
      // The deploy script asks which application its token belongs to.
      return { status: 200, body: { id: this.payloads.applicationId, name: 'claimbot', flags: 0, bot_public: true, bot_require_code_grant: false } };
    }
    if ((m = path.match(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/))) {
      const scope = m[1] ? 'guild' : 'global';
      if (method === 'PUT') this.registered[scope] = this.payloads.withIds(Array.isArray(body) ? body : [], scope);
      if (method === 'PUT' || method === 'GET') return { status: 200, body: this.registered[scope] };
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const [, interactionId = '', token = ''] = m;
      const type = Number(fields.type);
      // 4 = message, 5 = deferred (a "thinking..." message, flag 128), 7 = update: each makes the `@original`.
      const makesMessage = type === 4 || type === 5 || type === 7;
      if (makesMessage) this.originals.set(token, this.payloads.botMessage(type === 5 ? { flags: 128 } : ((fields.data ?? {}) as Json)));
      if (query.get('with_response') !== 'true') return { status: 204 };
      const message = makesMessage ? this.originals.get(token) : undefined;
      const interaction = {
        id: interactionId,
        type: this.interactionTypes.get(interactionId) ?? 2,
        response_message_id: message?.id ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: false,
      };
      return { status: 200, body: { interaction, resource: { type, ...(message ? { message } : {}) } } };
    }
    if ((m = path.match(/^\/webhooks\/\d+\/([^/]+)(?:\/messages\/([^/]+))?$/))) {
      const [, token = '', messageId] = m;
      if (method === 'POST' && !messageId) return { status: 200, body: this.payloads.botMessage(fields) }; // followUp
      const existing = messageId === '@original' ? this.originals.get(token) : undefined;
      if (method === 'DELETE') {
        if (messageId === '@original') this.originals.delete(token);
        return { status: 204 };
      }
      if (method === 'GET' && existing) return { status: 200, body: existing };
      if (method === 'PATCH') {
        const edited = this.payloads.botMessage({ ...existing, ...fields, id: existing?.id ?? messageId, edited_timestamp: new Date().toISOString() });
        if (messageId === '@original') this.originals.set(token, edited);
        return { status: 200, body: edited };
      }
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages(?:\/(pins))?(?:\/(\d+))?$/))) return this.channelRoute(method, m[1]!, m[2] === 'pins', m[3], fields);
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** Messages in a channel and their pins, with Discord's error codes for what is gone or over the limit. */
  private channelRoute(method: string, channelId: string, pinRoute: boolean, messageId: string | undefined, fields: Json): Reply {
    if (this.deletedChannels.has(channelId)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const messages = this.channelMessages.get(channelId) ?? new Map<string, Json>();
    this.channelMessages.set(channelId, messages);
    const pins = this.pinnedIn(channelId);
    const message = messageId === undefined ? undefined : messages.get(messageId);
    const unknownMessage = { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (pinRoute && messageId === undefined && method === 'GET') {
      const items = pins.toReversed().map((id) => ({ pinned_at: new Date().toISOString(), message: messages.get(id) }));
      return { status: 200, body: { items, has_more: false } };
    }
    if (pinRoute && messageId !== undefined && (method === 'PUT' || method === 'DELETE')) {
      if (!message) return unknownMessage;
      const without = pins.filter((id) => id !== messageId);
      if (method === 'PUT' && !pins.includes(messageId) && pins.length >= 250)
        return { status: 400, body: { message: 'Maximum number of pins reached (250)', code: 30003 } };
      this.pins.set(channelId, method === 'PUT' ? [...without, messageId] : without);
      messages.set(messageId, { ...message, pinned: method === 'PUT' });
      return { status: 204 };
    }
    if (pinRoute) return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
    if (messageId === undefined && method === 'POST') {
      const posted = this.payloads.message({ ...fields, channel_id: channelId, author: this.payloads.user(this.payloads.applicationId, 'FakeBot', true) });
      messages.set(String(posted.id), posted);
      return { status: 200, body: posted };
    }
    if (messageId === undefined) return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
    if (!message) return unknownMessage;
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'PATCH') {
      const edited = { ...message, ...fields, id: messageId, edited_timestamp: new Date().toISOString() };
      messages.set(messageId, edited);
      return { status: 200, body: edited };
    }
    if (method === 'DELETE') {
      this.deleteMessage(channelId, messageId);
      return { status: 204 };
    }
    return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
  }
}
