import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  emailFacts,
  foldText,
  formatPhoneForDisplay,
  isRelayEmail,
  nameKey,
  namesCompatible,
  phoneE164,
  phoneReadings,
} from '../../../../../src/core/domain/customers/normalize.ts';
import { formatPhone, type Phone, type PhoneStyle } from '../../../../../src/persistence/seed/people.ts';

describe('phones', () => {
  it('reads one number written three ways as one E.164 number', () => {
    expect(phoneE164('+1 312-555-0147', 'US')).toBe('+13125550147');
    expect(phoneE164('+13125550147', 'US')).toBe('+13125550147');
    expect(phoneE164('312.555.0147', 'US')).toBe('+13125550147');
    expect(phoneE164('(415) 555-0123', 'US')).toBe('+14155550123');
  });

  it('uses the buyer’s country for national numbers and strips trunk prefixes', () => {
    expect(phoneE164('0221 4471203', 'DE')).toBe('+492214471203');
    expect(phoneE164('60123456789', 'MY')).toBe('+60123456789');
    expect(phoneE164('07700 900333', 'GB')).toBe('+447700900333');
  });

  it('refuses what cannot be a phone', () => {
    expect(phoneE164('+1 415', 'US')).toBeNull();
    expect(phoneE164('hello', 'US')).toBeNull();
    expect(phoneE164(null)).toBeNull();
  });

  it('reads a typed search in every buyer country, valid readings first', () => {
    expect(phoneReadings('+1 415-555-0123', ['US', 'DE'])).toEqual(['+14155550123']);
    expect(phoneReadings('4155550123', ['DE', 'US'])[0]).toMatch(/^\+(1|49)4155550123$/);
    expect(phoneReadings('4155550123', ['DE', 'US'])).toContain('+14155550123');
  });

  it('formats E.164 for people', () => {
    expect(formatPhoneForDisplay('+14155550123')).toBe('+1 415 555 0123');
  });

  it('maps every style a platform writes a phone in to the same E.164 (property)', () => {
    const styles: PhoneStyle[] = ['intl', 'national', 'digits', 'e164', 'cc-space', 'dots'];
    const usPhone = fc.record({
      area: fc.constantFrom('415', '312', '503', '646', '212', '617'),
      line: fc.integer({ min: 100, max: 199 }),
    });
    fc.assert(
      fc.property(usPhone, fc.constantFrom(...styles), ({ area, line }, style) => {
        const phone: Phone = { country: 'US', national: `${area}5550${line}`.slice(0, 10), areaLength: 3 };
        expect(phoneE164(formatPhone(phone, style), 'US')).toBe(`+1${phone.national}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('emails', () => {
  it('recognises marketplace relay addresses, marked or not', () => {
    expect(isRelayEmail('nxfzwxbkqbx3wv2@marketplace.amazon.com')).toBe(true);
    expect(isRelayEmail('abc@marketplace.amazon.de')).toBe(true);
    expect(isRelayEmail('jane.doe@example.com')).toBe(false);
    expect(emailFacts('Buyer@Marketplace.Amazon.com', null)).toEqual({ key: 'buyer@marketplace.amazon.com', kind: 'relay' });
    expect(emailFacts('jane@example.com', 'relay')?.kind).toBe('relay');
  });

  it('compares real emails case-insensitively and rejects malformed ones', () => {
    expect(emailFacts('Emily.Clark@Example.net', 'real')).toEqual({ key: 'emily.clark@example.net', kind: 'real' });
    expect(emailFacts('not-an-email', 'real')).toBeNull();
    expect(emailFacts('jane@', null)).toBeNull();
  });
});

describe('names and addresses', () => {
  it('folds spellings of one name together', () => {
    expect(nameKey('Jürgen Weiß')).toBe(nameKey('Juergen Weiss'));
    expect(nameKey('Tan Wei Ming')).toBe(nameKey('Wei Ming Tan'));
    expect(nameKey('jane doe')).toBe(nameKey('Jane  Doe'));
    expect(foldText('José Müller')).toBe('jose muller');
    expect(nameKey('  ')).toBeNull();
  });

  it('accepts an initial for a first name, and nothing looser', () => {
    expect(namesCompatible(nameKey('J. Okafor'), nameKey('Jude Okafor'))).toBe(true);
    expect(namesCompatible(nameKey('David Kim'), nameKey('Grace Kim'))).toBe(false);
    expect(namesCompatible(nameKey('Bob Smith'), nameKey('Robert Smith'))).toBe(false);
    expect(namesCompatible(nameKey('Jane Doe'), null)).toBe(false);
  });

  it('writes street types out and ignores unit markers and word order', () => {
    const key = (addressLine1: string, addressLine2: string | null = null, postalCode = '94110', country = 'US') =>
      addressKey({ addressLine1, addressLine2, postalCode, country });
    expect(key('742 Valencia St', 'Apt. 3')).toBe(key('742 Valencia Street', 'Apt 3'));
    expect(key('742 Valencia St', '#3')).toBe(key('742 Valencia Street', 'Apt 3'));
    expect(key('1420 Maple Ave')).toBe(key('1420 Maple Avenue'));
    expect(key('Lindenstraße 12', null, '50674', 'DE')).toBe(key('Lindenstr. 12', null, '50674', 'DE'));
    expect(key('No. 18, Jalan SS 2/24', null, '47300', 'MY')).toBe(key('18, Jalan SS 2/24', null, '47300', 'MY'));
    expect(key('742 Valencia St', 'Apt 3')).not.toBe(key('742 Valencia St', 'Apt 4'));
    expect(key('742 Valencia St', null, '94111')).not.toBe(key('742 Valencia St'));
    expect(addressKey({ addressLine1: null, addressLine2: null, postalCode: '94110', country: 'US' })).toBeNull();
  });
});
