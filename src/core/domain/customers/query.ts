/**
 * What a `/customer <query>` is: a customer or identity ref, an email, a phone, an order id, or
 * a name / platform handle. Pure; a malformed key is reported with what was wrong, so the
 * reply can say how to write it, and nothing is looked up.
 */
import { z } from 'zod';

/** A classified customer query. */
export type CustomerQuery =
  | { kind: 'customer'; id: number }
  | { kind: 'identity'; id: number }
  | { kind: 'email'; email: string }
  | { kind: 'phone'; text: string }
  | { kind: 'order'; ref: string }
  /** Digits that fit both an order id and a phone number; orders are tried first. */
  | { kind: 'order-or-phone'; text: string }
  | { kind: 'name'; text: string };

/** Why a query could not be used. */
export type QueryProblem = 'bad-email' | 'bad-phone' | 'bad-characters' | 'too-many-words' | 'no-letters';

/** The outcome of {@link classifyQuery}. */
export type Classified = { ok: true; query: CustomerQuery } | { ok: false; problem: QueryProblem; detail: string };

/** A name or handle has at most this many words. */
export const MAX_NAME_WORDS = 5;

const email = z.email();
// Letters of any script, combining marks, digits, spaces and the punctuation names and handles use.
const NAME_CHARS = /^[\p{L}\p{M}\p{N} .'’_-]+$/u;
const PHONE_CHARS = /^\+?[\d\s().\-/]+$/;

/** Classifies the text after `/customer`. */
export function classifyQuery(raw: string): Classified {
  const text = raw.trim().replace(/\s+/g, ' ');
  const ref = /^([CI])-?(\d{1,9})$/i.exec(text);
  if (ref) return { ok: true, query: { kind: ref[1]?.toUpperCase() === 'C' ? 'customer' : 'identity', id: Number(ref[2]) } };

  if (text.includes('@')) {
    const candidate = text.toLowerCase();
    if (/\s/.test(candidate) || !email.safeParse(candidate).success) return { ok: false, problem: 'bad-email', detail: text };
    return { ok: true, query: { kind: 'email', email: candidate } };
  }

  // Order ids in each platform's format: Amazon 3-7-7, Shopify "#1234", Shopee 6 digits + 8.
  if (/^\d{3}-\d{7}-\d{7}$/.test(text) || /^#\d{3,8}$/.test(text) || /^\d{6}[0-9A-Z]{8}$/.test(text)) {
    return { ok: true, query: { kind: 'order', ref: text } };
  }

  if (PHONE_CHARS.test(text)) {
    const digits = text.replace(/\D/g, '').length;
    const punctuated = /[\s().]/.test(text) || text.startsWith('+');
    if (text.startsWith('+') || (punctuated && digits <= 15)) {
      // Written like a phone: it must be a whole one.
      if (digits < 7 || digits > 15) return { ok: false, problem: 'bad-phone', detail: text };
      return { ok: true, query: { kind: 'phone', text } };
    }
    if (digits > 15 || digits <= 6) return { ok: true, query: { kind: 'order', ref: text } };
    return { ok: true, query: { kind: 'order-or-phone', text } };
  }

  const bad = [...text].filter((ch) => !NAME_CHARS.test(ch));
  if (bad.length > 0) return { ok: false, problem: 'bad-characters', detail: [...new Set(bad)].join(' ') };
  if (text.split(' ').length > MAX_NAME_WORDS) return { ok: false, problem: 'too-many-words', detail: String(MAX_NAME_WORDS) };
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, problem: 'no-letters', detail: text };
  return { ok: true, query: { kind: 'name', text } };
}
