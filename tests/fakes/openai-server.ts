/**
 * A loopback server that speaks OpenAI's chat-completions HTTP API (`POST /v1/chat/completions`,
 * plain JSON or server-sent events), so the openai client and ChatOpenAI run unchanged against
 * it. What it answers is scripted per request: text, tool calls, malformed tool arguments, an
 * HTTP error, or no answer at all (a hang, for timeouts). Every request is recorded with its
 * prompt size in tokens (o200k_base, the tokenizer of OpenAI's current models), and the usage it
 * reports is counted the same way, so token figures in tests and benchmarks mean something.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Tiktoken } from 'js-tiktoken/lite';
import o200kBase from 'js-tiktoken/ranks/o200k_base';

/** One message of a chat-completions request, as the clients send it. */
export interface WireMessage {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  content: string | Array<{ type: string; text?: string }> | null;
  tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  name?: string;
}

/** A function the client offers the model. */
export interface WireTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

/** The request body of `POST /v1/chat/completions`. */
export interface ChatCompletionRequest {
  model: string;
  messages: WireMessage[];
  tools?: WireTool[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

/** A scripted tool call; `arguments` is sent as JSON unless it is already a string (to script malformed JSON). */
export interface ScriptedToolCall {
  name: string;
  arguments: unknown;
}

/** What the fake answers to one request. */
export type ScriptedTurn =
  | { content: string; delayMs?: number }
  | { toolCalls: ScriptedToolCall[]; content?: string; delayMs?: number }
  | { status: number; error: string; delayMs?: number }
  /** Never answers; the client has to give up (its timeout or abort signal). */
  | { hang: true };

/** Decides the answer to the `index`-th request (0-based) of this server. */
export type Script = (request: ChatCompletionRequest, index: number) => ScriptedTurn | Promise<ScriptedTurn>;

/** One request the fake received. */
export interface RecordedRequest {
  body: ChatCompletionRequest;
  /** Prompt size in tokens (messages and tool definitions), as reported in `usage.prompt_tokens`. */
  promptTokens: number;
  /** Tokens of the scripted answer, as reported in `usage.completion_tokens`. */
  completionTokens: number;
  /** Milliseconds the fake itself spent on the request (parsing, script, token counts, reply), delays excluded; benchmarks subtract it. */
  handleMs: number;
}

/** A running fake. */
export interface FakeOpenAi {
  /** Base URL for clients, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replaces the script (request numbering continues). */
  setScript(script: Script): void;
  close(): Promise<void>;
}

let encoder: Tiktoken | undefined;
// System prompts and tool definitions repeat on every request; counting them once keeps the
// fake's own work small next to the code being measured.
const counted = new Map<string, number>();

/** Tokens in `text` with o200k_base. */
export function countTokens(text: string): number {
  const known = counted.get(text);
  if (known !== undefined) return known;
  encoder ??= new Tiktoken(o200kBase);
  const tokens = encoder.encode(text).length;
  if (text.length > 200) {
    if (counted.size > 2_000) counted.clear();
    counted.set(text, tokens);
  }
  return tokens;
}

/** The text of a message, whatever shape its content has. */
export function messageText(message: WireMessage): string {
  if (typeof message.content === 'string') return message.content;
  if (Array.isArray(message.content)) return message.content.map((part) => part.text ?? '').join('');
  return '';
}

/** The last thing the user said in a request. */
export function lastUserText(request: ChatCompletionRequest): string {
  const user = request.messages.filter((m) => m.role === 'user').at(-1);
  return user ? messageText(user) : '';
}

/** The tool results that came after the last user message (this question's turn so far). */
export function toolResultsOfTurn(request: ChatCompletionRequest): WireMessage[] {
  const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
  return request.messages.slice(lastUser + 1).filter((m) => m.role === 'tool');
}

/** Prompt tokens the way OpenAI bills them, closely enough: every message's text plus a few tokens of framing, and the tool definitions. */
function promptTokensOf(body: ChatCompletionRequest): number {
  let tokens = 3;
  for (const m of body.messages) {
    tokens += 4 + countTokens(messageText(m));
    for (const call of m.tool_calls ?? []) tokens += countTokens(call.function.name) + countTokens(call.function.arguments);
  }
  if (body.tools && body.tools.length > 0) tokens += countTokens(JSON.stringify(body.tools));
  return tokens;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk as string;
  return body;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeOpenAi(initial: Script): Promise<FakeOpenAi> {
  let script = initial;
  let counter = 0;
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      // What the fake recorded, without the bodies: for a benchmark that runs it in another process.
      if (req.method === 'GET' && req.url === '/_fake/requests') {
        sendJson(res, 200, requests.map(({ promptTokens, completionTokens, handleMs }) => ({ promptTokens, completionTokens, handleMs })));
        return;
      }
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
        return;
      }
      const text = await readBody(req);
      const started = performance.now();
      let paused = 0;
      const body = JSON.parse(text) as ChatCompletionRequest;
      const index = counter++;
      const turn = await script(body, index);
      const promptTokens = promptTokensOf(body);
      if ('hang' in turn) {
        requests.push({ body, promptTokens, completionTokens: 0, handleMs: performance.now() - started });
        return; // the socket stays open until the client gives up or the server closes
      }
      if (turn.delayMs) {
        const before = performance.now();
        await new Promise((resolve) => setTimeout(resolve, turn.delayMs));
        paused = performance.now() - before;
      }
      if ('status' in turn) {
        requests.push({ body, promptTokens, completionTokens: 0, handleMs: performance.now() - started - paused });
        sendJson(res, turn.status, { error: { message: turn.error, type: 'server_error' } });
        return;
      }
      const toolCalls = 'toolCalls' in turn
        ? turn.toolCalls.map((call, i) => ({
            id: `call_${index}_${i}`,
            type: 'function' as const,
            function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
          }))
        : [];
      const content = turn.content ?? null;
      const completionTokens = countTokens(content ?? '') + toolCalls.reduce((n, c) => n + countTokens(c.function.name) + countTokens(c.function.arguments), 0);
      const record: RecordedRequest = { body, promptTokens, completionTokens, handleMs: 0 };
      requests.push(record);
      const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
      const finish = toolCalls.length > 0 ? 'tool_calls' : 'stop';
      // Ids must differ per response: agent frameworks key messages by them.
      const id = `chatcmpl-fake-${index}`;
      const message = { role: 'assistant', content, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
      if (body.stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        const chunk = (delta: unknown, finishReason: string | null, extra: Record<string, unknown> = {}) =>
          res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra })}\n\n`);
        chunk({ role: 'assistant', content: content ?? '', ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map((c, i) => ({ index: i, ...c })) } : {}) }, null);
        chunk({}, finish);
        if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, choices: [], usage })}\n\n`);
        res.end('data: [DONE]\n\n');
        record.handleMs = performance.now() - started - paused;
        return;
      }
      sendJson(res, 200, { id, object: 'chat.completion', created: 0, model: body.model, choices: [{ index: 0, message, finish_reason: finish }], usage });
      record.handleMs = performance.now() - started - paused;
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `fake failed: ${String(error)}`, type: 'server_error' } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(next) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
