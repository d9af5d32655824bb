import { describe, expect, it } from 'vitest';
import { createPostalLookup, normalizePostalCode } from './postal-codes';

describe('normalizePostalCode', () => {
  it('reads 5-digit ZIPs, ZIP+4 and ZIPs whose leading zeros were dropped', () => {
    expect(normalizePostalCode('10001', 'US')).toBe('10001');
    expect(normalizePostalCode(' 02134-1234 ', 'US')).toBe('02134');
    expect(normalizePostalCode('02134 1234', 'US')).toBe('02134');
    expect(normalizePostalCode('021341234', 'US')).toBe('02134');
    expect(normalizePostalCode('21341234', 'US')).toBe('02134');
    expect(normalizePostalCode('2134', 'US')).toBe('02134');
    expect(normalizePostalCode('2134-1234', 'US')).toBe('02134');
    expect(normalizePostalCode('501', 'US')).toBe('00501');
  });

  it('rejects what cannot be a ZIP', () => {
    for (const code of ['', '12', '123456', 'ABCDE', '1000I', '10001-12', '10.001', 'SW1A 1AA']) expect(normalizePostalCode(code, 'US')).toBeNull();
  });

  it('accepts the US by code or name, or no country, and nothing else', () => {
    for (const country of ['US', 'usa', ' United States ', 'UNITED STATES OF AMERICA', '']) expect(normalizePostalCode('10001', country)).toBe('10001');
    for (const country of ['DE', 'Germany', 'CA', 'U.S.']) expect(normalizePostalCode('10001', country)).toBeNull();
  });
});

describe('createPostalLookup', () => {
  const lookup = createPostalLookup();
  const near = (p: { lat: number; lon: number } | null, lat: number, lon: number, tolerance: number) => {
    expect(p).not.toBeNull();
    expect(Math.abs(p!.lat - lat)).toBeLessThan(tolerance);
    expect(Math.abs(p!.lon - lon)).toBeLessThan(tolerance);
  };

  it('finds Manhattan and Boston, however the code is written', () => {
    near(lookup('10001', 'US'), 40.75, -74.0, 0.05);
    near(lookup('02134-1234', 'USA'), 42.36, -71.13, 0.05);
    near(lookup('2134', ''), 42.36, -71.13, 0.05);
  });

  it('pads 3- and 4-digit codes with zeros (Puerto Rico, western Massachusetts)', () => {
    near(lookup('601', 'US'), 18.18, -66.75, 0.05); // 00601 Adjuntas
    near(lookup('1001', 'US'), 42.06, -72.63, 0.05); // 01001 Agawam
    expect(lookup('00601', 'US')).toEqual(lookup('601', 'US'));
  });

  it('finds nothing for unknown codes, malformed codes and other countries', () => {
    expect(lookup('00000', 'US')).toBeNull();
    expect(lookup('99999', 'US')).toBeNull();
    expect(lookup('abc', 'US')).toBeNull();
    expect(lookup('10115', 'DE')).toBeNull();
  });
});
