/**
 * A small fake Discord (REST + gateway) for end-to-end tests.
 *
 * The real discord.js Client logs in against it (client option `rest: { api: fake.apiBaseUrl }`),
 * receives interactions we inject as gateway dispatches, and every REST call it makes is recorded
 * so tests can assert on replies, edits and command registration. Nothing here talks to Discord.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { DiscordContract, describeViolation, invalidFormBody } from './discord-contract.ts';
import { InteractionRules } from './interaction-rules.ts';

export interface RecordedRequest {
  method: string;
  /** Decoded and relative to /api/v10, e.g. '/webhooks/1/tok/messages/@original'. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON; for multipart/form-data the parsed `payload_json` part; undefined when empty. */
  body: unknown;
  /** Files attached to a multipart request, as text. */
  files?: { name: string; text: string }[];
}

export interface ApplicationCommandOptionLike {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: ApplicationCommandOptionLike[];
}

/** Who invokes an interaction: lets a test act as a moderator or as an ordinary member. */
export interface InteractionOverrides {
  userId: string;
  username: string;
  roles: string[];
  /** Permission bit field as a decimal string, like Discord sends it. */
  permissions: string;
  locale: string;
}

/** The full INTERACTION_CREATE payload that was dispatched. */
export type DispatchedInteraction = Record<string, unknown> & { id: string; token: string };

export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  channelId?: string;
  commands?: { global?: unknown[]; guild?: unknown[] };
  /**
   * Extra guild roles, besides @everyone and DESK_EDITORS_ROLE. discord.js only shows a member's roles that exist
   * in the guild (`member.roles.cache`) and computes their server-wide permissions from these, as from Discord's.
   */
  roles?: Array<{ id: string; name: string; permissions?: string }>;
}

type Json = Record<string, unknown>;
interface RequestWaiter {
  predicate: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  timer: NodeJS.Timeout;
}
interface InjectedFailure {
  method: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DISCORD_EPOCH = 1420070400000n;
/** The operations with a body that the bot sends, checked against Discord's spec. */
const PREPARED_OPERATIONS = [
  'create_interaction_response',
  'execute_webhook',
  'update_original_webhook_message',
  'update_webhook_message',
  'create_message',
  'update_message',
  'bulk_set_application_commands',
  'bulk_set_guild_application_commands',
];
// VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY: an ordinary member, not a moderator.
const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 16n));
// ...plus EMBED_LINKS and ATTACH_FILES, what a bot usually needs to answer.
const BOT_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n));
/**
 * Every fake server has this role, which grants Manage Messages server-wide, as a newsroom's editors' role does:
 * a member is a moderator by holding it, not by the `permissions` of the channel the interaction came from.
 */
/** The server's owner, who has every permission whatever their roles. */
export const GUILD_OWNER_ID = '1';
export const DESK_EDITORS_ROLE = { id: '210000000000000021', name: 'desk editors', permissions: String((1n << 10n) | (1n << 11n) | (1n << 13n) | (1n << 16n)) };

export class FakeDiscord {
  /** 'http://127.0.0.1:PORT/api'; discord.js appends '/v10' itself. */
  readonly apiBaseUrl: string;
  readonly requests: RecordedRequest[] = [];
  /**
   * Requests real Discord would refuse (its OpenAPI spec, or a rule it enforces beyond it), each answered as Discord
   * answers it. `close()` fails the test that caused any left here; a test that sends one on purpose takes it.
   */
  readonly violations: string[] = [];
  private readonly rules = new InteractionRules();
  private readonly wss: WebSocketServer;
  private readonly registered: { global: Json[]; guild: Json[] };
  private readonly waiters = new Set<RequestWaiter>();
  private readonly failures: InjectedFailure[] = [];
  private readonly holds: { method: string; path: RegExp; arrived: () => void; released: Promise<void>; release: () => void }[] = [];
  /** Message that `@original` refers to, per interaction token. */
  private readonly originals = new Map<string, Json>();
  /** Interaction type per dispatched interaction id, echoed by `with_response` callbacks. */
  private readonly interactionTypes = new Map<string, number>();
  /** The socket that completed the handshake, with its own dispatch sequence counter. */
  private session: { socket: WebSocket; seq: number } | undefined;
  private readyListeners: Array<() => void> = [];
  /** Messages posted in channels (`POST /channels/:id/messages`), by channel, in the order posted. */
  private readonly channelMessages = new Map<string, Map<string, Json>>();
  /** Pinned message ids by channel, oldest pin first. */
  private readonly pins = new Map<string, string[]>();
  /** Channels deleted with `deleteChannel`: every request about them gets 10003 Unknown Channel. */
  private readonly deletedChannels = new Set<string>();
  private idCounter = 0n;
  /** Files served over loopback as Discord's attachment host would serve them, by path. */
  private readonly attachments = new Map<string, { bytes: Buffer; contentType: string }>();

  private constructor(
    private readonly server: Server,
    readonly applicationId: string,
    readonly guildId: string,
    readonly channelId: string,
    commands: FakeDiscordOptions['commands'],
    private readonly extraRoles: NonNullable<FakeDiscordOptions['roles']>,
  ) {
    this.registered = {
      global: this.withIds(commands?.global ?? [], 'global'),
      guild: this.withIds(commands?.guild ?? [], 'guild'),
    };
    this.apiBaseUrl = `http://127.0.0.1:${this.port}/api`;
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.onGatewayConnection(socket));
    server.on('request', (req, res) => {
      // Only a body we cannot parse gets here; a 4xx, because discord.js would retry a 5xx.
      this.onHttpRequest(req, res).catch((error: unknown) => sendJson(res, 400, { message: String(error), code: 50109 }));
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    DiscordContract.shared().prepare(PREPARED_OPERATIONS);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeDiscord(
      server,
      options.applicationId ?? '100000000000000001',
      options.guildId ?? '200000000000000002',
      options.channelId ?? '300000000000000003',
      options.commands,
      options.roles ?? [],
    );
  }

  private get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  commands(scope: 'global' | 'guild'): unknown[] {
    return this.registered[scope];
  }

  /** The first request matching `predicate` recorded after this call. */
  nextRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return new Promise((resolve, reject) => {
      const waiter: RequestWaiter = {
        predicate,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const recent =
            this.requests
              .slice(-10)
              .map((r) => `  ${r.method} ${r.path}`)
              .join('\n') || '  (none)';
          const refused = this.violations.length > 0 ? `\nRefused as Discord would:\n${this.violations.map((v) => `  ${v}`).join('\n')}` : '';
          reject(new Error(`FakeDiscord: no matching request within ${timeoutMs} ms. Recent requests:\n${recent}${refused}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** The next request matching method + path is answered with `status` (once; later ones succeed). */
  failNext(method: string, path: RegExp, status: number, body?: unknown, headers?: Record<string, string>): void {
    this.failures.push({ method: method.toUpperCase(), path, status, body, headers });
  }

  /** The messages now in a channel (posted through REST, not deleted), oldest first. */
  /**
   * Holds the answer to the next request matching `method` and `path` until `release` is called (or the fake
   * closes): a request in flight, so a test can act meanwhile (kill the bot in the middle of its work).
   */
  holdNext(method: string, path: RegExp): { arrived: Promise<void>; release: () => void } {
    let arrived!: () => void;
    let release!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, path, arrived, released, release });
    return { arrived: arrival, release };
  }

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

  /** Resolves once a client has identified and received READY + GUILD_CREATE. */
  connected(): Promise<void> {
    if (this.session) return Promise.resolve();
    return new Promise((resolve) => this.readyListeners.push(resolve));
  }

  /** First callback or webhook request for the interaction, even if it arrived before this call. */
  reply(interaction: { id: string; token: string }, timeoutMs = 5000): Promise<RecordedRequest> {
    const callback = `/interactions/${interaction.id}/${interaction.token}/callback`;
    const webhook = `/webhooks/${this.applicationId}/${interaction.token}`;
    const isReply = (r: RecordedRequest) => r.path === callback || r.path === webhook || r.path.startsWith(`${webhook}/`);
    const earlier = this.requests.find(isReply);
    return earlier ? Promise.resolve(earlier) : this.nextRequest(isReply, timeoutMs);
  }

  slashCommand(name: string, options: ApplicationCommandOptionLike[] = [], overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    return this.dispatchInteraction(this.interaction(2, this.chatInputData(name, options), overrides));
  }

  /** Like slashCommand, but interaction type 4; one option should carry `focused: true`. */
  autocomplete(name: string, options: ApplicationCommandOptionLike[], overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    return this.dispatchInteraction(this.interaction(4, this.chatInputData(name, options), overrides));
  }

  /** A file a user attached, served by this fake at its `url`: the attachment object Discord puts in `resolved`. */
  attach(name: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): Json & { id: string; url: string } {
    const id = this.snowflake();
    const bytes = Buffer.from(content);
    const path = `/attachments/${this.channelId}/${id}/${encodeURIComponent(name)}`;
    this.attachments.set(path, { bytes, contentType });
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename: name, size: bytes.byteLength, url, proxy_url: url, content_type: contentType };
  }

  /** A slash command with attachment options (type 11, value: the attachment's id), resolved as Discord sends them. */
  slashCommandWithAttachments(
    name: string,
    options: ApplicationCommandOptionLike[],
    attachments: Json[],
    overrides: Partial<InteractionOverrides> = {},
  ): Promise<DispatchedInteraction> {
    const data = {
      ...this.chatInputData(name, options),
      resolved: { attachments: Object.fromEntries(attachments.map((attachment) => [attachment.id, attachment])) },
    };
    return this.dispatchInteraction(this.interaction(2, data, overrides));
  }

  /** The `data` of a slash command interaction (type 1), for both the command and its autocomplete. */
  private chatInputData(name: string, options: ApplicationCommandOptionLike[]) {
    return { id: this.snowflake(), name, type: 1, options, guild_id: this.guildId };
  }

  /** A press of the button `customId` on a message the bot sent (interaction type 3). */
  button(customId: string, overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    const message = this.botMessage({ content: '', flags: 64 });
    return this.dispatchInteraction(this.interaction(3, { custom_id: customId, component_type: 2 }, overrides, { message }));
  }

  /**
   * A submitted form (interaction type 5), each value inside a Label component as Discord sends it now:
   * a string is a text input's value, an array a string select's values.
   */
  modalSubmit(customId: string, values: Record<string, string | string[]>, overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    const components = Object.entries(values).map(([id, value], i) => ({
      type: 18,
      id: i + 1,
      component: Array.isArray(value) ? { type: 3, id: i + 100, custom_id: id, values: value } : { type: 4, id: i + 100, custom_id: id, value },
    }));
    return this.dispatchInteraction(this.interaction(5, { custom_id: customId, components }, overrides));
  }

  messageContextMenu(
    name: string,
    message: { id?: string; content: string; author?: { id: string; username: string; bot?: boolean } },
    overrides: Partial<InteractionOverrides> = {},
  ): Promise<DispatchedInteraction> {
    const author = message.author ?? { id: '400000000000000004', username: 'someone' };
    const targetId = message.id ?? this.snowflake();
    const target = this.message({
      id: targetId,
      content: message.content,
      author: this.user(author.id, author.username, author.bot ?? false),
    });
    const data = { id: this.snowflake(), name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } }, guild_id: this.guildId };
    return this.dispatchInteraction(this.interaction(2, data, overrides));
  }

  /**
   * Dispatches any INTERACTION_CREATE (modal submits, buttons...). Fields the payload leaves out
   * are taken from a default guild interaction with a fresh id and token.
   */
  async dispatchInteraction(payload: Json): Promise<DispatchedInteraction> {
    const defaults = this.interaction(Number(payload.type ?? 2), {}, {});
    const interaction = { ...defaults, ...payload } as DispatchedInteraction;
    this.interactionTypes.set(interaction.id, Number(interaction.type));
    this.rules.dispatched(interaction);
    await this.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  async close(): Promise<void> {
    // Pending waiters are dropped, not rejected: nobody awaits them after a test and an
    // unhandled rejection would fail the run.
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
    this.waiters.clear();
    for (const hold of this.holds.splice(0)) hold.release();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections(); // keep-alive REST connections would otherwise hold close() open
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.violations.length > 0) throw new Error(`The bot sent requests Discord would refuse:\n${this.violations.map((v) => `  ${v}`).join('\n')}`);
  }

  // ---- gateway ----

  private onGatewayConnection(socket: WebSocket): void {
    const send = (payload: Json) => socket.send(JSON.stringify(payload));
    // A long interval: discord.js heartbeats at a random point within it, we just ack.
    send({ op: 10, d: { heartbeat_interval: 45000 }, s: null, t: null });
    socket.on('message', (raw) => {
      const { op } = JSON.parse(String(raw)) as { op: number };
      if (op === 1) send({ op: 11 });
      if (op !== 2) return; // only IDENTIFY matters; resumes are not supported
      const session = { socket, seq: 0 };
      const ready = {
        v: 10,
        user: this.user(this.applicationId, 'FakeBot', true),
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: `session-${this.snowflake()}`,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      };
      send({ op: 0, t: 'READY', s: ++session.seq, d: ready });
      // discord.js holds back `clientReady` (for 15 s) until every READY guild has arrived.
      send({ op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: this.guild() });
      this.session = session;
      for (const listener of this.readyListeners.splice(0)) listener();
    });
    socket.on('close', () => {
      if (this.session?.socket === socket) this.session = undefined;
    });
  }

  private async dispatch(t: string, d: Json): Promise<void> {
    await this.connected();
    const session = this.session!;
    session.socket.send(JSON.stringify({ op: 0, t, s: ++session.seq, d }));
  }

  // ---- REST ----

  private async onHttpRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const attachment = req.method === 'GET' ? this.attachments.get(url.pathname) : undefined;
    if (attachment) {
      this.requests.push({ method: 'GET', path: url.pathname, query: url.searchParams, body: undefined });
      res.writeHead(200, { 'content-type': attachment.contentType, 'content-length': attachment.bytes.byteLength });
      res.end(attachment.bytes);
      return;
    }
    const receivedAt = Date.now();
    const { body, files } = await readBody(req);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.searchParams,
      body,
      files,
    };
    this.requests.push(request);
    const holdIndex = this.holds.findIndex((hold) => hold.method === request.method && hold.path.test(request.path));
    if (holdIndex >= 0) {
      const [hold] = this.holds.splice(holdIndex, 1);
      hold!.arrived();
      await hold!.released;
    }
    const failureIndex = this.failures.findIndex((f) => f.method === request.method && f.path.test(request.path));
    const [failure] = failureIndex >= 0 ? this.failures.splice(failureIndex, 1) : [];
    const reply: Reply = failure
      ? { status: failure.status, body: failure.body ?? { message: `${failure.status}: injected by FakeDiscord`, code: 0 }, headers: failure.headers }
      : (this.refusal(request, receivedAt) ?? this.route(request));
    sendJson(res, reply.status, reply.body, reply.headers);
    // Waiters hear about the request only once it is answered, so a test that awaits a reply and then
    // closes the fake does not cut the bot's request off mid-flight.
    for (const waiter of this.waiters) {
      if (!waiter.predicate(request)) continue;
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve(request);
    }
  }

  /** What Discord answers a request that breaks its contract, recorded in `violations`; undefined when it conforms. */
  private refusal(request: RecordedRequest, receivedAt: number): Reply | undefined {
    const violation = DiscordContract.shared().check(request.method, request.path, request.body);
    if (violation) {
      this.violations.push(describeViolation(violation));
      return { status: 400, body: invalidFormBody(violation.path, violation.message) };
    }
    const refused = this.rules.check(request, receivedAt);
    if (refused) this.violations.push(refused.violation);
    return refused;
  }

  /** The violations recorded so far, which then no longer fail the test: for a test that breaks the contract on purpose. */
  takeViolations(): string[] {
    return this.violations.splice(0);
  }

  private route({ method, path, query, body }: RecordedRequest): Reply {
    const fields = (body ?? {}) as Json;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      const sessionStartLimit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: sessionStartLimit } };
    }
    if (method === 'GET' && path === '/applications/@me') {
      // The deploy script asks which application its token belongs to.
      return { status: 200, body: { id: this.applicationId, name: 'claimbot', flags: 0, bot_public: true, bot_require_code_grant: false } };
    }
    if ((m = path.match(/^\/applications\/\d+(\/guilds\/\d+)?\/commands$/))) {
      const scope = m[1] ? 'guild' : 'global';
      if (method === 'PUT') this.registered[scope] = this.withIds(Array.isArray(body) ? body : [], scope);
      if (method === 'PUT' || method === 'GET') return { status: 200, body: this.registered[scope] };
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const [, interactionId = '', token = ''] = m;
      const type = Number(fields.type);
      // 4 = message, 5 = deferred (a "thinking..." message, flag 128), 7 = update: each makes the `@original`.
      const makesMessage = type === 4 || type === 5 || type === 7;
      if (makesMessage) this.originals.set(token, this.botMessage(type === 5 ? { flags: 128 } : ((fields.data ?? {}) as Json)));
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
      if (method === 'POST' && !messageId) return { status: 200, body: this.botMessage(fields) }; // followUp
      const existing = messageId === '@original' ? this.originals.get(token) : undefined;
      if (method === 'DELETE') {
        if (messageId === '@original') this.originals.delete(token);
        return { status: 204 };
      }
      if (method === 'GET' && existing) return { status: 200, body: existing };
      if (method === 'PATCH') {
        const edited = this.botMessage({ ...existing, ...fields, id: existing?.id ?? messageId, edited_timestamp: new Date().toISOString() });
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
      const posted = this.message({ ...fields, channel_id: channelId, author: this.user(this.applicationId, 'FakeBot', true) });
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

  // ---- payload builders ----

  /** Snowflakes encode a timestamp, which discord.js reads for `createdAt`. */
  private snowflake(): string {
    return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (this.idCounter++ & 0xfffn));
  }

  private withIds(commands: unknown[], scope: 'global' | 'guild'): Json[] {
    return commands.map((command) => ({
      id: this.snowflake(),
      application_id: this.applicationId,
      version: this.snowflake(),
      type: 1,
      options: [],
      ...(scope === 'guild' ? { guild_id: this.guildId } : {}),
      ...(command as Json),
    }));
  }

  private user(id: string, username: string, bot: boolean): Json {
    return { id, username, discriminator: '0', global_name: null, avatar: null, bot };
  }

  /** A complete message: discord.js builds a Message from whatever the REST call returns. */
  private message(fields: Json): Json {
    return {
      id: this.snowflake(),
      channel_id: this.channelId,
      guild_id: this.guildId,
      author: this.user('1', 'someone', false),
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...fields,
    };
  }

  /** Interaction replies are sent by the application's webhook, as the bot user. */
  private botMessage(fields: Json): Json {
    return this.message({ author: this.user(this.applicationId, 'FakeBot', true), webhook_id: this.applicationId, ...fields });
  }

  private textChannel(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
  }

  private guild(): Json {
    const role = (id: string, name: string, permissions: string, position: number) => ({
      id,
      name,
      permissions,
      position,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      managed: false,
      mentionable: false,
      flags: 0,
    });
    const roles = [
      role(this.guildId, '@everyone', MEMBER_PERMISSIONS, 0), // @everyone's id is the guild id
      role(DESK_EDITORS_ROLE.id, DESK_EDITORS_ROLE.name, DESK_EDITORS_ROLE.permissions, 1),
      ...this.extraRoles.map((r, i) => role(r.id, r.name, r.permissions ?? MEMBER_PERMISSIONS, i + 2)),
    ];
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: GUILD_OWNER_ID,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      lazy: false,
      features: [],
      roles,
      emojis: [],
      stickers: [],
      channels: [this.textChannel()],
      members: [],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** A guild interaction with every field discord.js reads; without them it drops the event silently. */
  private interaction(type: number, data: Json, overrides: Partial<InteractionOverrides>, extra: Json = {}): Json {
    const who: InteractionOverrides = {
      userId: '500000000000000005',
      username: 'tester',
      roles: [],
      permissions: MEMBER_PERMISSIONS,
      locale: 'en-US',
      ...overrides,
    };
    return {
      id: this.snowflake(),
      token: `interaction-token-${this.snowflake()}`,
      application_id: this.applicationId,
      type,
      data,
      version: 1,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: this.textChannel(),
      app_permissions: BOT_PERMISSIONS,
      locale: who.locale,
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10 * 1024 * 1024,
      member: {
        user: this.user(who.userId, who.username, false),
        roles: who.roles,
        permissions: who.permissions,
        joined_at: new Date().toISOString(),
        nick: null,
        avatar: null,
        premium_since: null,
        deaf: false,
        mute: false,
        pending: false,
        flags: 0,
        communication_disabled_until: null,
      },
      ...extra,
    };
  }
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files?: { name: string; text: string }[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    // Let the built-in fetch Request parse the form; discord.js puts the JSON in `payload_json` next to the files.
    const request = new Request('http://local', { method: 'POST', headers: { 'content-type': contentType }, body: raw });
    const form = await request.formData();
    const payload = form.get('payload_json');
    const files: { name: string; text: string }[] = [];
    for (const [key, value] of form) if (key.startsWith('files[') && typeof value !== 'string') files.push({ name: value.name, text: await value.text() });
    return { body: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
  }
  const text = raw.toString('utf8');
  return { body: contentType.includes('json') ? JSON.parse(text) : text };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, body === undefined ? headers : { ...headers, 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
