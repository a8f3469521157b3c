/**
 * A fake Discord on loopback, speaking the same HTTP and WebSocket protocol as the real one:
 * REST under /api/v10 (interaction callbacks, webhook edits and follow-ups, channel messages
 * and edits, DM channels, command registration, GET /gateway/bot) and a gateway at /gateway (HELLO, IDENTIFY → READY,
 * heartbeats, dispatches). It records everything the bot sends so tests can assert on it, and
 * never decides anything the bot should decide.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST request as the bot made it. */
export interface DiscordCall {
  method: string;
  /** The path after /api/v10, exactly as sent (e.g. "/webhooks/1/tok/messages/%40original"). */
  path: string;
  body: Record<string, unknown> | unknown[] | null;
  /** The Authorization header, if any ("Bot …"). */
  authorization: string | undefined;
  /** Files of a multipart request (payload_json is `body`), with their text. */
  files?: Array<{ field: string; filename: string; contentType: string; content: string }>;
}

/** The fake's bot user and application. */
export const FAKE_BOT_USER_ID = '990000000000000001';
export const FAKE_APPLICATION_ID = '990000000000000002';

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A multipart request as Discord reads it: the JSON of payload_json, and the files[n] parts. */
async function readMultipart(bytes: Buffer, contentType: string): Promise<{ body: DiscordCall['body']; files: NonNullable<DiscordCall['files']> }> {
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  const files: NonNullable<DiscordCall['files']> = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ field, filename: value.name, contentType: value.type, content: await value.text() });
  }
  return { body: typeof payload === 'string' ? (JSON.parse(payload) as DiscordCall['body']) : null, files };
}

/** The fake Discord. `await FakeDiscord.start()`, then point DISCORD_API_URL at `apiUrl`. */
export class FakeDiscord {
  readonly calls: DiscordCall[] = [];
  /** IDENTIFY payloads the gateway received. */
  readonly identifies: Array<Record<string, unknown>> = [];
  readonly #events = new EventEmitter();
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  #port = 0;
  #seq = 0;
  #messageId = 1_000_000_000_000_000_000n;

  private constructor() {
    this.#events.setMaxListeners(1000);
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(
        ({ status, body }) => {
          if (body === undefined) {
            res.writeHead(status);
            res.end();
            return;
          }
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    this.#wss = new WebSocketServer({ server: this.#server, path: '/gateway' });
    this.#wss.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('message', (data) => this.#onGateway(socket, JSON.parse(String(data)) as { op: number; d: unknown }));
      socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    });
  }

  /** Starts a fake on a free loopback port. */
  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** REST base for DISCORD_API_URL / discord.js's rest.api. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  /** Open gateway connections. */
  get gatewayConnections(): number {
    return this.#sockets.size;
  }

  /** Sends a dispatch (op 0) to every connected gateway client. */
  dispatch(event: string, data: unknown): void {
    this.#seq += 1;
    const text = JSON.stringify({ op: 0, t: event, s: this.#seq, d: data });
    for (const socket of this.#sockets) socket.send(text);
  }

  /** Calls matching a method and a path pattern. */
  callsTo(method: string, path: RegExp): DiscordCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /**
   * Resolves with the first non-undefined value of `probe`, checked now and after every recorded
   * request. Rejects after `timeoutMs` naming what was awaited and what arrived, so a missing
   * answer fails clearly instead of hanging the run (it asserts nothing about speed).
   */
  waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord never saw ${what}; it saw: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ') || 'nothing'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#events.off('record', check);
      };
      if (!check()) this.#events.on('record', check);
    });
  }

  /** Waits for the `n`-th (1-based) call matching `method` and `path`. */
  nthCall(method: string, path: RegExp, n = 1): Promise<DiscordCall> {
    return this.waitFor(`${n} × ${method} ${path}`, () => this.callsTo(method, path)[n - 1]);
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onGateway(socket: WebSocket, packet: { op: number; d: unknown }): void {
    if (packet.op === 1) {
      socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      return;
    }
    if (packet.op === 2) {
      this.identifies.push(packet.d as Record<string, unknown>);
      this.#seq += 1;
      socket.send(
        JSON.stringify({
          op: 0,
          t: 'READY',
          s: this.#seq,
          d: {
            v: 10,
            user: { id: FAKE_BOT_USER_ID, username: 'ops', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: `ws://127.0.0.1:${this.#port}/gateway`,
            shard: [0, 1],
            application: { id: FAKE_APPLICATION_ID, flags: 0 },
            private_channels: [],
          },
        }),
      );
      this.#events.emit('record');
    }
  }

  #nextMessageId(): string {
    this.#messageId += 1n;
    return String(this.#messageId);
  }

  #message(channelId: string, body: Record<string, unknown>): Record<string, unknown> {
    return {
      id: this.#nextMessageId(),
      type: 0,
      channel_id: channelId,
      author: { id: FAKE_BOT_USER_ID, username: 'ops', discriminator: '0', bot: true, avatar: null, global_name: null },
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
      flags: body.flags ?? 0,
    };
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBytes(req);
    const match = /^\/api\/v10(\/.*)$/.exec(url.pathname);
    if (!match?.[1]) return { status: 404, body: { message: '404: Not Found', code: 0 } };
    const path = match[1];
    const method = req.method ?? 'GET';
    let body: DiscordCall['body'] = null;
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const multipart = await readMultipart(bytes, contentType);
      this.calls.push({ method, path, body: multipart.body, authorization: req.headers.authorization, files: multipart.files });
    } else {
      if (bytes.length > 0) body = JSON.parse(bytes.toString('utf8')) as DiscordCall['body'];
      this.calls.push({ method, path, body, authorization: req.headers.authorization });
    }
    body = this.calls[this.calls.length - 1]?.body ?? null;
    const answer = this.#answer(method, path, body);
    this.#events.emit('record');
    return answer;
  }

  #answer(method: string, path: string, body: DiscordCall['body']): { status: number; body?: unknown } {
    const record = (body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: { url: `ws://127.0.0.1:${this.#port}/gateway`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } },
      };
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    const webhookMessage = /^\/webhooks\/(\d+)\/[^/]+\/messages\/([^/]+)$/.exec(path);
    if (webhookMessage) {
      if (method === 'DELETE') return { status: 204 };
      if (method === 'PATCH') return { status: 200, body: this.#message('0', record) };
    }
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return { status: 200, body: this.#message('0', record) };
    if (method === 'POST' && path === '/users/@me/channels') {
      // A DM channel per recipient, with an id derived from theirs.
      const recipient = String(record.recipient_id);
      return { status: 200, body: { id: `5${recipient.slice(1)}`, type: 1, recipients: [{ id: recipient, username: 'someone', discriminator: '0', avatar: null }] } };
    }
    const edit = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (edit?.[1] && method === 'PATCH') return { status: 200, body: { ...this.#message(edit[1], record), id: edit[2] } };
    const channel = /^\/channels\/(\d+)\/(messages|typing)$/.exec(path);
    if (channel?.[1] && method === 'POST') {
      if (channel[2] === 'typing') return { status: 204 };
      return { status: 200, body: this.#message(channel[1], record) };
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path) && Array.isArray(body)) {
      return { status: 200, body: body.map((c, i) => ({ ...(c as object), id: String(800_000_000_000_000_000n + BigInt(i)), application_id: FAKE_APPLICATION_ID, version: '1' })) };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }
}
