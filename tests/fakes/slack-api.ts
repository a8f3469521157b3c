/**
 * A fake Slack on loopback, speaking the same HTTP as the real one: the Web API
 * (form-encoded POST /api/<method>, JSON answers with "ok"), response_url endpoints, and a
 * Socket Mode WebSocket that apps.connections.open points to. It records everything the bot
 * sends so tests can assert on it, and never decides anything the bot should decide.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the bot made it. */
export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  /** The bearer token it carried. */
  token: string | undefined;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
  /** performance.now() when it arrived (the benchmark measures time to answer with it). */
  at: number;
}

/** A file the bot uploaded (files.getUploadURLExternal, the upload, files.completeUploadExternal). */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The bytes posted to the upload URL, as UTF-8. */
  content: string;
  /** Where completeUploadExternal shared it; undefined until then. */
  channel?: string;
  threadTs?: string;
}

/** What the fake should do differently from a healthy workspace. */
export interface FakeSlackOptions {
  /** Answer chat.startStream with this error (a workspace without streaming). */
  streamingError?: string;
  /** Channel names chat.postMessage accepts, and their ids (default: approvals → C0APPROVALS). Other names: channel_not_found. */
  channels?: Record<string, string>;
}

const BOT_USER_ID = 'UBOT0OPS';
const BOT_ID = 'B0OPSBOT';
const TEAM_ID = 'T111';

/** Web API form bodies carry objects and arrays as JSON strings; read them back. */
function decodeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = value;
  }
  return out;
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The file's bytes of an upload: the one file part of a multipart body (as the SDK sends it), or the raw body. */
async function uploadedText(bytes: Buffer, contentType: string | undefined): Promise<string> {
  if (!contentType?.startsWith('multipart/form-data')) return bytes.toString('utf8');
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) if (typeof value !== 'string') return value.text();
  throw new Error('multipart upload without a file part');
}

/** The fake Slack. `await FakeSlack.start()`, then point the bot's SLACK_API_URL at `apiUrl`. */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Envelope acks the Socket Mode client sent back. */
  readonly acks: Array<{ envelope_id: string; payload?: unknown }> = [];
  /** Files the bot uploaded. */
  readonly files: UploadedFile[] = [];
  readonly botUserId = BOT_USER_ID;
  readonly teamId = TEAM_ID;
  readonly options: FakeSlackOptions;
  readonly #events = new EventEmitter();
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #failures = new Map<string, string[]>();
  #ts = 1_700_000_000;
  #ids = 0;
  #port = 0;

  private constructor(options: FakeSlackOptions) {
    this.options = options;
    this.#events.setMaxListeners(1000);
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
          res.end(typeof body === 'string' ? body : JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    this.#wss = new WebSocketServer({ server: this.#server, path: '/socket' });
    this.#wss.on('connection', (socket) => {
      this.#sockets.add(socket);
      // Slack pings its Socket Mode clients; the client reconnects when pings stop coming.
      const pinger = setInterval(() => socket.ping(), 5_000);
      pinger.unref();
      socket.on('close', () => {
        clearInterval(pinger);
        this.#sockets.delete(socket);
      });
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id: string; payload?: unknown };
        this.acks.push(message);
        this.#events.emit('record');
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A111' } }));
      this.#events.emit('record');
    });
  }

  /** Starts a fake on a free loopback port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** Base URL for SLACK_API_URL / slackApiUrl. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api/`;
  }

  /** A response_url whose posts are recorded under `id`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.#port}/respond/${id}`;
  }

  /** Open Socket Mode connections. */
  get socketCount(): number {
    return this.#sockets.size;
  }

  /** Makes the next call to `method` fail with Slack error `error`. */
  failNext(method: string, error: string): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), error]);
  }

  /** Web API calls of one method. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    const text = JSON.stringify(envelope);
    for (const socket of this.#sockets) socket.send(text);
  }

  /**
   * Resolves with the first non-undefined value of `probe`, checked now and after every
   * recorded request. Rejects after `timeoutMs` naming what was awaited and what arrived, so a
   * missing answer fails clearly instead of hanging the run (it asserts nothing about speed).
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
        const seen = [...this.calls.map((c) => c.method), ...this.responses.map((r) => `respond:${r.id}`)].join(', ');
        reject(new Error(`fake Slack never saw ${what}; it saw: ${seen || 'nothing'}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.#events.off('record', check);
      };
      if (!check()) this.#events.on('record', check);
    });
  }

  /** Waits for the `n`-th (1-based) call to `method`. */
  nthCall(method: string, n = 1): Promise<SlackCall> {
    return this.waitFor(`${n} × ${method}`, () => this.callsTo(method)[n - 1]);
  }

  /** Waits for the `n`-th post to response_url `id`. */
  nthResponse(id: string, n = 1): Promise<ResponsePost> {
    return this.waitFor(`${n} × respond:${id}`, () => this.responses.filter((r) => r.id === id)[n - 1]);
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #nextTs(): string {
    this.#ts += 1;
    return `${this.#ts}.000100`;
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBytes(req);
    const upload = /^\/upload\/(F[A-Z0-9]+)$/.exec(url.pathname);
    if (upload?.[1] && req.method === 'POST') {
      const file = this.files.find((f) => f.id === upload[1]);
      if (!file) return { status: 404, body: 'no such upload' };
      file.content = await uploadedText(bytes, req.headers['content-type']);
      this.#events.emit('record');
      return { status: 200, body: `OK - ${bytes.length}` };
    }
    const raw = bytes.toString('utf8');
    const respond = /^\/respond\/(.+)$/.exec(url.pathname);
    if (respond?.[1] && req.method === 'POST') {
      this.responses.push({ id: respond[1], body: JSON.parse(raw) as Record<string, unknown>, at: performance.now() });
      this.#events.emit('record');
      return { status: 200, body: 'ok' };
    }
    const api = /^\/api\/(.+)$/.exec(url.pathname);
    if (!api?.[1] || req.method !== 'POST') return { status: 404, body: 'not found' };
    const method = api[1];
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : decodeForm(raw);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    this.calls.push({ method, params, token });
    const answer = this.#answer(method, params);
    this.#events.emit('record');
    return { status: 200, body: answer };
  }

  #answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const failure = this.#failures.get(method)?.shift();
    if (failure) return { ok: false, error: failure };
    const channel = params.channel ?? params.channel_id;
    switch (method) {
      case 'chat.postMessage': {
        // Ids are used as they are; a name must be a channel the workspace has.
        const named = typeof channel === 'string' && !/^[CDGU][A-Z0-9]+$/.test(channel);
        const id = named ? (this.options.channels ?? { approvals: 'C0APPROVALS' })[channel.replace(/^#/, '')] : channel;
        if (id === undefined) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: id, ts: this.#nextTs(), message: { text: params.text, user: BOT_USER_ID } };
      }
      case 'views.open':
        return { ok: true, view: { ...(params.view as object), id: `V${String(++this.#ids).padStart(8, '0')}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.#ids).padStart(8, '0')}`;
        this.files.push({ id, filename: String(params.filename), content: '' });
        return { ok: true, upload_url: `http://127.0.0.1:${this.#port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = (Array.isArray(params.files) ? params.files : []) as Array<{ id: string; title?: string }>;
        const shared = listed.map((entry) => this.files.find((f) => f.id === entry.id));
        if (shared.some((f) => f === undefined)) return { ok: false, error: 'file_not_found' };
        for (const file of shared as UploadedFile[]) {
          if (typeof params.channel_id === 'string') file.channel = params.channel_id;
          if (typeof params.thread_ts === 'string') file.threadTs = params.thread_ts;
        }
        return { ok: true, files: (shared as UploadedFile[]).map((f) => ({ id: f.id, title: f.filename })) };
      }
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake Workspace', user: 'ops', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.#port}/socket` };
      case 'chat.update':
        return { ok: true, channel, ts: params.ts, text: params.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.#nextTs() };
      case 'chat.startStream':
        if (this.options.streamingError) return { ok: false, error: this.options.streamingError };
        return { ok: true, channel, ts: this.#nextTs() };
      case 'chat.appendStream':
      case 'chat.stopStream':
        return { ok: true, channel, ts: params.ts };
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
