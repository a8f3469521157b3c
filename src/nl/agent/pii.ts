/**
 * What the model may see of customer PII. When masking is on, emails and phone numbers are
 * replaced by stable placeholders ("[email-1]", "[phone-1]") in everything sent to the model, and
 * put back in the arguments of the tools it calls, so "what did jane.doe@example.com buy?" still
 * reaches the customer tool with the real address while the model never sees it. Postal
 * addresses have no reliable shape in free text; structured replies mask them by label
 * (see model-view.ts).
 */
import { detectEmail } from 'langchain';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { PII_ROLES } from '../../core/roles.ts';
import type { Actor } from '../../core/tool.ts';

/** Runs of digits and phone punctuation that could be a phone number; not inside ids like 112-1234567-1234567 or WB-500. */
const PHONE_CANDIDATE = /(?<![\w-])\+?\(?\d[\d\s().-]{6,}\d(?![\w-])/g;

/** Countries whose national formats we read without a "+": where the demo's buyers live. */
const NATIONAL_FORMATS: readonly CountryCode[] = ['US', 'DE', 'MY', 'GB'];

/** Whether a phone-shaped run really reads as a phone number (dates and amounts do not). */
function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(candidate.trim())) return false;
  if (candidate.trim().startsWith('+')) return parsePhoneNumberFromString(candidate.trim())?.isPossible() ?? false;
  // Without a country code: a possible number in one of the countries we sell to. A false hit
  // only hides an id from the model; placeholders map back in tool arguments either way.
  return NATIONAL_FORMATS.some((country) => parsePhoneNumberFromString(candidate.trim(), { defaultCountry: country })?.isPossible() ?? false);
}

/** Whether the model may see `actor`'s data unmasked: the role must allow PII, and the switch must be on. */
export function modelMaySeePii(actor: Pick<Actor, 'roles'>, sendUnmaskedPii: boolean): boolean {
  return sendUnmaskedPii && actor.roles.some((role) => PII_ROLES.includes(role));
}

/** Placeholders for one question; the same value always gets the same placeholder. */
export class Pseudonymizer {
  readonly #byValue = new Map<string, string>();
  readonly #byPlaceholder = new Map<string, string>();
  readonly #counts = { email: 0, phone: 0, address: 0 };

  /** With `enabled` false every method returns its input unchanged. */
  constructor(readonly enabled: boolean) {}

  /** The placeholder of `value`, made on first use. */
  placeholder(kind: 'email' | 'phone' | 'address', value: string): string {
    // One placeholder per number however it is written (+1 415-555-0123, +14155550123).
    const key = `${kind}:${kind === 'phone' ? value.replace(/[^\d+]/g, '') : value.trim().toLowerCase()}`;
    const known = this.#byValue.get(key);
    if (known) return known;
    this.#counts[kind] += 1;
    const made = `[${kind}-${this.#counts[kind]}]`;
    this.#byValue.set(key, made);
    this.#byPlaceholder.set(made, value.trim());
    return made;
  }

  /** `text` with emails and phone numbers replaced by placeholders. */
  mask(text: string): string {
    if (!this.enabled || text === '') return text;
    let out = text;
    // Right to left, so earlier offsets stay valid while replacing.
    for (const m of detectEmail(out).sort((a, b) => b.start - a.start)) {
      out = `${out.slice(0, m.start)}${this.placeholder('email', m.text)}${out.slice(m.end)}`;
    }
    return out.replace(PHONE_CANDIDATE, (candidate) => {
      if (!isPhone(candidate)) return candidate;
      // Keep the whitespace the run may have swallowed around the number.
      const lead = /^\s*/.exec(candidate)?.[0] ?? '';
      const tail = /\s*$/.exec(candidate)?.[0] ?? '';
      return `${lead}${this.placeholder('phone', candidate.trim())}${tail}`;
    });
  }

  /** `text` with every placeholder this pseudonymizer made turned back into its value. */
  restore(text: string): string {
    if (!this.enabled || this.#byPlaceholder.size === 0) return text;
    return text.replace(/\[(email|phone|address)-\d+\]/g, (p) => this.#byPlaceholder.get(p) ?? p);
  }

  /** `restore` applied to every string inside a JSON-like value (tool arguments). */
  restoreDeep(value: unknown): unknown {
    if (typeof value === 'string') return this.restore(value);
    if (Array.isArray(value)) return value.map((v) => this.restoreDeep(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, this.restoreDeep(v)]));
    }
    return value;
  }
}
