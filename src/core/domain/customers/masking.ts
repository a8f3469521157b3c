/**
 * PII by role. Email, phone and address are shown in full only to roles in PII_ROLES; everyone
 * else gets them masked here, in the domain, before a Reply exists, so no adapter, log line or
 * button ever carries what the reader may not see.
 */
import { PII_ROLES, type Role } from '../../roles.ts';
import { formatPhoneForDisplay, phoneE164, phoneParts } from './normalize.ts';

/** "j***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.charAt(0)}***${email.slice(at)}`;
}

/** "+1 ***-***-0123": the country code and the last four digits. */
export function maskPhone(raw: string, country?: string | null): string {
  const e164 = phoneE164(raw, country);
  const parts = e164 ? phoneParts(e164) : null;
  if (!parts) return `***${raw.replace(/\D/g, '').slice(-2)}`;
  return `+${parts.callingCode} ***-***-${parts.national.slice(-4)}`;
}

/** Address fields as identities store them. */
export interface AddressFields {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

/** "742 Valencia St, Apt. 3, San Francisco, CA 94110, US". */
export function formatAddress(a: AddressFields): string {
  const cityLine = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter((s) => s && s.length > 0).join(', ');
  return [a.addressLine1, a.addressLine2, cityLine, a.country].filter((s) => s && s.length > 0).join(', ');
}

/** "***, San Francisco, US": the street, unit and postcode hidden. */
export function maskAddress(a: AddressFields): string {
  if (!a.addressLine1 && !a.city) return '';
  return ['***', a.city, a.country].filter((s) => s && s.length > 0).join(', ');
}

/** How one reader sees PII. */
export interface PiiView {
  /** True when the reader's role may see PII in full. */
  full: boolean;
  email(email: string): string;
  phone(raw: string, country?: string | null): string;
  /** An E.164 number, as people read it. */
  phoneE164(e164: string): string;
  address(a: AddressFields): string;
}

/** Whether these roles see PII in full. */
export function seesFullPii(roles: readonly Role[]): boolean {
  return roles.some((r) => PII_ROLES.includes(r));
}

/** The view of PII for a reader with `roles`. */
export function piiView(roles: readonly Role[]): PiiView {
  if (seesFullPii(roles)) {
    return {
      full: true,
      email: (e) => e,
      phone: (p) => p,
      phoneE164: (e) => formatPhoneForDisplay(e),
      address: (a) => formatAddress(a),
    };
  }
  return {
    full: false,
    email: maskEmail,
    phone: maskPhone,
    phoneE164: (e) => maskPhone(e),
    address: maskAddress,
  };
}
