import { describe, expect, it } from 'vitest';
import { modelMaySeePii, Pseudonymizer } from '../../../../src/nl/agent/pii.ts';

describe('Pseudonymizer', () => {
  it('replaces emails and phone numbers with stable placeholders and puts them back', () => {
    const pii = new Pseudonymizer(true);
    const masked = pii.mask('Jane (jane.doe@example.com, +1 415-555-0123) wrote again from jane.doe@example.com; call (312) 555-0147.');
    expect(masked).toBe('Jane ([email-1], [phone-1]) wrote again from [email-1]; call [phone-2].');
    expect(pii.restore(masked)).toBe('Jane (jane.doe@example.com, +1 415-555-0123) wrote again from jane.doe@example.com; call (312) 555-0147.');
    expect(pii.restoreDeep({ query: '[email-1]', list: ['[phone-2]', 3], nested: { x: 'see [phone-1]' } })).toEqual({
      query: 'jane.doe@example.com',
      list: ['(312) 555-0147', 3],
      nested: { x: 'see +1 415-555-0123' },
    });
  });

  it('leaves order ids, SKUs, dates, amounts and unknown placeholders alone', () => {
    const pii = new Pseudonymizer(true);
    const text = 'Order 112-8899268-2058199 and #4113, SKU WB-500 and NF-1-PNK, on 2026-11-20, 1,234 units, 80000 USD, buyer 7341319579495362342, [email-9]';
    expect(pii.mask(text)).toBe(text);
    expect(pii.restore('[email-9]')).toBe('[email-9]');
  });

  it('changes nothing when masking is off', () => {
    const pii = new Pseudonymizer(false);
    expect(pii.mask('jane.doe@example.com +1 415-555-0123')).toBe('jane.doe@example.com +1 415-555-0123');
    expect(pii.restore('[email-1]')).toBe('[email-1]');
  });
});

describe('modelMaySeePii', () => {
  it('needs both the switch and a role that may see PII', () => {
    expect(modelMaySeePii({ roles: ['cs'] }, false)).toBe(false);
    expect(modelMaySeePii({ roles: ['cs'] }, true)).toBe(true);
    expect(modelMaySeePii({ roles: ['admin'] }, true)).toBe(true);
    expect(modelMaySeePii({ roles: ['staff', 'marketing'] }, true)).toBe(false);
    expect(modelMaySeePii({ roles: [] }, true)).toBe(false);
  });
});
