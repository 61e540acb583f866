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
import { readBody, type RecordedRequest, type Reply, sendJson } from './fake-discord-http.ts';
import { DiscordPayloads, type InteractionOverrides, type Json } from './fake-discord-payloads.ts';
import { FakeRest } from './fake-discord-rest.ts';

export type { RecordedRequest } from './fake-discord-http.ts';
export { DESK_EDITORS_ROLE, GUILD_OWNER_ID, type InteractionOverrides } from './fake-discord-payloads.ts';

export interface ApplicationCommandOptionLike {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: ApplicationCommandOptionLike[];
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
  private readonly payloads: DiscordPayloads;
  private readonly rest: FakeRest;
  private readonly wss: WebSocketServer;
  private readonly waiters = new Set<RequestWaiter>();
  private readonly failures: InjectedFailure[] = [];
  private readonly holds: { method: string; path: RegExp; arrived: () => void; released: Promise<void>; release: () => void }[] = [];
  /** The socket that completed the handshake, with its own dispatch sequence counter. */
  private session: { socket: WebSocket; seq: number } | undefined;
  private readyListeners: Array<() => void> = [];
  /** Files served over loopback as Discord's attachment host would serve them, by path. */
  private readonly attachments = new Map<string, { bytes: Buffer; contentType: string }>();

  private constructor(
    private readonly server: Server,
    readonly applicationId: string,
    readonly guildId: string,
    readonly channelId: string,
    commands: FakeDiscordOptions['commands'],
    extraRoles: NonNullable<FakeDiscordOptions['roles']>,
  ) {
    this.payloads = new DiscordPayloads(applicationId, guildId, channelId, extraRoles);
    this.rest = new FakeRest(this.payloads, () => `ws://127.0.0.1:${this.port}`, commands);
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
    return this.rest.commands(scope);
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

  /** The messages now in a channel (posted through REST, not deleted), oldest first. */
  messagesIn(channelId: string): Json[] {
    return this.rest.messagesIn(channelId);
  }

  /** The ids of the messages pinned in a channel, oldest pin first. */
  pinnedIn(channelId: string): string[] {
    return this.rest.pinnedIn(channelId);
  }

  /** Someone deletes a message: later requests about it get 10008 Unknown Message. */
  deleteMessage(channelId: string, messageId: string): void {
    this.rest.deleteMessage(channelId, messageId);
  }

  /** Someone deletes a channel: later requests about it get 10003 Unknown Channel. */
  deleteChannel(channelId: string): void {
    this.rest.deleteChannel(channelId);
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
    return this.dispatchInteraction(this.payloads.interaction(2, this.chatInputData(name, options), overrides));
  }

  /** Like slashCommand, but interaction type 4; one option should carry `focused: true`. */
  autocomplete(name: string, options: ApplicationCommandOptionLike[], overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    return this.dispatchInteraction(this.payloads.interaction(4, this.chatInputData(name, options), overrides));
  }

  /** A file a user attached, served by this fake at its `url`: the attachment object Discord puts in `resolved`. */
  attach(name: string, content: string | Buffer, contentType = 'text/plain; charset=utf-8'): Json & { id: string; url: string } {
    const id = this.payloads.snowflake();
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
    return this.dispatchInteraction(this.payloads.interaction(2, data, overrides));
  }

  /** The `data` of a slash command interaction (type 1), for both the command and its autocomplete. */
  private chatInputData(name: string, options: ApplicationCommandOptionLike[]) {
    return { id: this.payloads.snowflake(), name, type: 1, options, guild_id: this.guildId };
  }

  /** A press of the button `customId` on a message the bot sent (interaction type 3). */
  button(customId: string, overrides: Partial<InteractionOverrides> = {}): Promise<DispatchedInteraction> {
    const message = this.payloads.botMessage({ content: '', flags: 64 });
    return this.dispatchInteraction(this.payloads.interaction(3, { custom_id: customId, component_type: 2 }, overrides, { message }));
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
    return this.dispatchInteraction(this.payloads.interaction(5, { custom_id: customId, components }, overrides));
  }

  messageContextMenu(
    name: string,
    message: { id?: string; content: string; author?: { id: string; username: string; bot?: boolean } },
    overrides: Partial<InteractionOverrides> = {},
  ): Promise<DispatchedInteraction> {
    const author = message.author ?? { id: '400000000000000004', username: 'someone' };
    const targetId = message.id ?? this.payloads.snowflake();
    const target = this.payloads.message({
      id: targetId,
      content: message.content,
      author: this.payloads.user(author.id, author.username, author.bot ?? false),
    });
    const data = { id: this.payloads.snowflake(), name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } }, guild_id: this.guildId };
    return this.dispatchInteraction(this.payloads.interaction(2, data, overrides));
  }

  /**
   * Dispatches any INTERACTION_CREATE (modal submits, buttons...). Fields the payload leaves out
   * are taken from a default guild interaction with a fresh id and token.
   */
  async dispatchInteraction(payload: Json): Promise<DispatchedInteraction> {
    const defaults = this.payloads.interaction(Number(payload.type ?? 2), {}, {});
    const interaction = { ...defaults, ...payload } as DispatchedInteraction;
    this.rest.dispatched(interaction.id, Number(interaction.type));
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
        user: this.payloads.user(this.applicationId, 'FakeBot', true),
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: `session-${this.payloads.snowflake()}`,
        resume_gateway_url: `ws://127.0.0.1:${this.port}`,
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      };
      send({ op: 0, t: 'READY', s: ++session.seq, d: ready });
      // discord.js holds back `clientReady` (for 15 s) until every READY guild has arrived.
      send({ op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: this.payloads.guild() });
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
      : (this.refusal(request, receivedAt) ?? this.rest.route(request));
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
}
