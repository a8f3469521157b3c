import { describe, expect, it } from 'vitest';
import {
  CellError,
  cleanPhone,
  countryCode,
  currencyIn,
  excelSerialDay,
  isRelayEmail,
  looksMangled,
  parseCount,
  parseDateTime,
  parseDay,
  parseDecimal,
  parseMoney,
} from '../../../src/importers/values.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('numbers and money', () => {
  it.each([
    ['Rs.201.68', '201.68'],
    ['$900.00', '900'],
    ['1.66%', '1.66'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['7.1428571428571425E-2', '0.071428571428571425'],
    ['(12.50)', '-12.5'],
    ['-1.00', '-1'],
    ['IDR 150.000', '150'],
    ['₹1,000', '1000'],
  ])('%s reads as %s', (text, value) => {
    expect(parseDecimal(text)?.toString()).toBe(value);
  });

  it('reads "150.000" as 150000 in a currency without minor units', () => {
    expect(parseMoney('150.000', 'IDR')?.toString()).toBe('150000');
    expect(parseMoney('Rp 299.000', 'IDR')?.toString()).toBe('299000');
    expect(parseMoney('320.54000000000002', 'INR')?.toString()).toBe('320.54');
  });

  it('gives null for empty cells and an error for words', () => {
    expect(parseDecimal('')).toBeNull();
    expect(() => parseDecimal('twelve')).toThrow(CellError);
    expect(parseCount('3.0')).toBe(3);
    expect(() => parseCount('2.5')).toThrow(CellError);
  });

  it('tells numbers Excel mangled from small floats', () => {
    expect(looksMangled('3.65275E+11')).toBe(true);
    expect(looksMangled('1.23457E+17')).toBe(true);
    expect(looksMangled('7.1428571428571425E-2')).toBe(false);
    expect(looksMangled('365275101829')).toBe(false);
  });

  it('finds the currency a header or cell names', () => {
    expect(currencyIn('14 Day Total Sales (₹)')).toBe('INR');
    expect(currencyIn('Total Discount(PHP)')).toBe('PHP');
    expect(currencyIn('Rs.201.68')).toBe('INR');
    expect(currencyIn('£12.00')).toBe('GBP');
    expect(currencyIn('$9.99')).toBeNull();
  });
});

describe('dates', () => {
  it('keeps the offset the file gives', () => {
    expect(iso(parseDateTime('2025-05-11 09:55:16 -0400'))).toBe('2025-05-11T13:55:16.000Z');
    expect(iso(parseDateTime('2023-11-21T08:00:00+00:00'))).toBe('2023-11-21T08:00:00.000Z');
  });

  it('reads wall-clock times in the platform’s zone, across daylight saving', () => {
    expect(iso(parseDateTime('2024-01-15 14:30', { timeZone: 'Asia/Manila', order: 'ymd' }))).toBe('2024-01-15T06:30:00.000Z');
    expect(iso(parseDateTime('15/01/2024 14:30:00', { timeZone: 'Asia/Ho_Chi_Minh', order: 'dmy' }))).toBe('2024-01-15T07:30:00.000Z');
    expect(iso(parseDateTime('6/12/2011 12:34', { timeZone: 'Europe/London' }))).toBe('2011-06-12T11:34:00.000Z');
    expect(iso(parseDateTime('12/1/2010 08:26', { timeZone: 'Europe/London' }))).toBe('2010-12-01T08:26:00.000Z');
  });

  it('reads Excel serial days and the day forms of seller exports', () => {
    expect(iso(excelSerialDay('44765'))).toBe('2022-07-23T00:00:00.000Z');
    expect(iso(parseDay('43862.0'))).toBe('2020-02-01T00:00:00.000Z');
    expect(iso(parseDay('Feb 1, 2020'))).toBe('2020-02-01T00:00:00.000Z');
    expect(iso(parseDay('Jul-25-26'))).toBe('2026-07-25T00:00:00.000Z');
    expect(iso(parseDay('11/21/2023'))).toBe('2023-11-21T00:00:00.000Z');
  });

  it('refuses impossible dates', () => {
    expect(() => parseDay('2025-02-30')).toThrow(CellError);
    expect(() => parseDateTime('2025-13-45 09:56:23 -0400')).toThrow(CellError);
    expect(() => parseDay('soon')).toThrow(CellError);
  });
});

describe('people and places', () => {
  it('maps country names, including the dataset’s odd ones', () => {
    expect(countryCode('United Kingdom')).toBe('GB');
    expect(countryCode('EIRE')).toBe('IE');
    expect(countryCode('Vietnam')).toBe('VN');
    expect(countryCode('European Community')).toBeNull();
    expect(countryCode('us')).toBe('US');
  });

  it('knows relay addresses and drops masked phones', () => {
    expect(isRelayEmail('nxfzwxbkqbx3wv2@marketplace.amazon.com')).toBe(true);
    expect(isRelayEmail('jane@example.com')).toBe(false);
    expect(cleanPhone('******1234')).toBeNull();
    expect(cleanPhone("'+16135550127")).toBe('+16135550127');
  });
});
