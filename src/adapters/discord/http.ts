/**
 * POST /discord/interactions: Discord's HTTP interactions, for hosting without a gateway
 * connection. Every request is verified with Ed25519 over timestamp + raw body against the
 * application's public key (a bad or missing signature gets 401, as Discord checks by sending
 * some on purpose); a PING gets a PONG; anything else is handed on with a way to send the
 * first response as this request's body. The listener fits a plain node:http server or a
 * Bolt HTTPReceiver custom route, so Discord and Slack can share one port.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InteractionResponseType } from 'discord.js';
import type { Logger } from '../../logging.ts';
import type { SendInitial } from './responder.ts';

/** Path Discord posts interactions to (the Interactions Endpoint URL's path). */
export const INTERACTIONS_PATH = '/discord/interactions';
/** Interaction bodies are a few KB; anything this large is not Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A signed request older or newer than this is refused as a replay. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** A Node request handler. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** The application's Ed25519 public key, from its 64 hex characters. */
export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Whether `signature` (hex) signs timestamp + body under `key`. */
export function verifySignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

/** What the endpoint needs. */
export interface EndpointDeps {
  publicKey: KeyObject;
  logger: Logger;
  now: () => Date;
  /**
   * Handles a verified interaction other than PING. `initial` sends the first response as the
   * HTTP answer; the promise covers everything that follows (edits, follow-ups).
   */
  dispatch(raw: unknown, initial: SendInitial): Promise<void>;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** The POST /discord/interactions handler. */
export function interactionsListener(deps: EndpointDeps): RequestListener {
  const log = deps.logger.child({ component: 'discord-http' });
  return (req, res) => {
    if (req.method !== 'POST') {
      send(res, 405);
      return;
    }
    void (async () => {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) {
        send(res, 413);
        return;
      }
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      const stamp = typeof timestamp === 'string' && /^\d{1,12}$/.test(timestamp) ? Number(timestamp) * 1000 : Number.NaN;
      const fresh = Number.isFinite(stamp) && Math.abs(deps.now().getTime() - stamp) <= MAX_CLOCK_SKEW_MS;
      if (!verifySignature(deps.publicKey, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, body) || !fresh) {
        log.warn({ reason: fresh ? 'bad signature' : 'stale or missing timestamp' }, 'Discord request refused');
        send(res, 401, { error: 'invalid request signature' });
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(body.toString('utf8'));
      } catch {
        send(res, 400, { error: 'body is not JSON' });
        return;
      }
      if ((raw as { type?: unknown } | null)?.type === 1) {
        send(res, 200, { type: InteractionResponseType.Pong });
        return;
      }
      let answered = false;
      const initial: SendInitial = async (response) => {
        answered = true;
        send(res, 200, response);
      };
      try {
        await deps.dispatch(raw, initial);
      } finally {
        // The handler found nothing to say (an interaction it could not read): say so plainly.
        if (!answered) send(res, 400, { error: 'interaction not understood' });
      }
    })().catch((error: unknown) => {
      log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'Discord request failed');
      send(res, 500);
    });
  };
}
