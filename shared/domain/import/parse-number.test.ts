import { describe, expect, it } from 'vitest';
import { describeNumberFormat, detectNumberFormat, parseNumber, quickNumber } from './parse-number';
import type { NumberFormat } from './types';

const US: NumberFormat = { decimal: '.', thousands: ',' };
const EU: NumberFormat = { decimal: ',', thousands: '.' };
const FR: NumberFormat = { decimal: ',', thousands: ' ' };
const CH: NumberFormat = { decimal: '.', thousands: "'" };
const PLAIN: NumberFormat = { decimal: '.', thousands: '' };

const value = (text: string, f: NumberFormat): number | string => {
  const p = parseNumber(text, f);
  return p.kind === 'number' ? p.value : p.kind;
};
const reason = (text: string, f: NumberFormat): string => {
  const p = parseNumber(text, f);
  return p.kind === 'invalid' ? p.reason : `read as ${p.kind}`;
};

describe('detectNumberFormat', () => {
  it('reads both separators in one number: the last one is the decimal', () => {
    expect(detectNumberFormat(['1.234,56'])).toEqual(EU);
    expect(detectNumberFormat(['1,234.56'])).toEqual(US);
    expect(detectNumberFormat(['€ 1.234,56', '$ 9,999.00', '7.000,10'])).toEqual(EU);
  });

  it('takes a lone comma before other than three digits as the decimal', () => {
    expect(detectNumberFormat(['12,5'])).toEqual(EU);
    expect(detectNumberFormat(['3,14159'])).toEqual(EU);
    expect(detectNumberFormat(['0,125'])).toEqual(EU);
  });

  it('treats "1,234" as ambiguous: decided by the other samples, else decimal point', () => {
    expect(detectNumberFormat(['1,234'])).toEqual(US);
    expect(detectNumberFormat(['1,234', '987,654'])).toEqual(US);
    expect(detectNumberFormat(['1,234', '12,5'])).toEqual(EU);
    expect(detectNumberFormat(['1,234', '3.5'])).toEqual(US);
    expect(detectNumberFormat(['1.234', '12,5'])).toEqual(EU);
  });

  it('takes a separator used twice as thousands', () => {
    expect(detectNumberFormat(['1.234.567'])).toEqual(EU);
    expect(detectNumberFormat(['1,234,567'])).toEqual(US);
    expect(detectNumberFormat(['12,34,567'])).toEqual(US);
  });

  it('recognises spaces (also no-break and narrow no-break) and apostrophes as thousands separators', () => {
    expect(detectNumberFormat(['1 234,5'])).toEqual(FR);
    expect(detectNumberFormat(['1\u00a0234,5', '17,25'])).toEqual(FR);
    expect(detectNumberFormat(['1\u202f234\u202f567'])).toEqual({ decimal: '.', thousands: ' ' });
    expect(detectNumberFormat(["1'234.5"])).toEqual(CH);
  });

  it('skips text and dates, and defaults to decimal point without evidence', () => {
    expect(detectNumberFormat(['05.01.2024', '01.02.2023', '12,5'])).toEqual(EU);
    expect(detectNumberFormat(['Main St 12,5 b', '1.5'])).toEqual(US);
    expect(detectNumberFormat([])).toEqual(US);
    expect(detectNumberFormat(['42', '', 'n/a'])).toEqual(US);
  });
});

describe('parseNumber', () => {
  it('reads plain numbers, trimmed', () => {
    expect(value('1234', US)).toBe(1234);
    expect(value('  12.5 ', US)).toBe(12.5);
    expect(value('-0.25', US)).toBe(-0.25);
    expect(value('12,5', EU)).toBe(12.5);
    expect(value('.5', US)).toBe(0.5);
    expect(value('007', US)).toBe(7);
  });

  it('treats empty cells and the usual placeholders as missing', () => {
    for (const t of ['', '   ', '-', '—', 'n/a', 'N/A', 'NA', 'null', 'NULL', '#N/A', 'NaN']) {
      expect(parseNumber(t, US), t).toEqual({ kind: 'missing' });
    }
  });

  it('reads thousands separators in the positions of groups of three', () => {
    expect(value('1,234.56', US)).toBe(1234.56);
    expect(value('1,234,567', US)).toBe(1234567);
    expect(value('1.234,56', EU)).toBe(1234.56);
    expect(value('1.234', EU)).toBe(1234);
    expect(value('1 234,5', FR)).toBe(1234.5);
    expect(value('1\u00a0234\u00a0567,5', FR)).toBe(1234567.5);
    expect(value('1\u202f234', FR)).toBe(1234);
    expect(value("1'234.5", CH)).toBe(1234.5);
    expect(value('1’234.5', CH)).toBe(1234.5);
  });

  it('reads Indian grouping when the separator is a comma', () => {
    expect(value('12,34,567', US)).toBe(1234567);
    expect(value('1,23,45,678.50', US)).toBe(12345678.5);
    expect(reason('12.34.567', EU)).toBe('misplaced thousands separator');
  });

  it('rejects thousands separators in other positions', () => {
    expect(reason('12,5', US)).toBe('misplaced thousands separator');
    expect(reason('1,2345', US)).toBe('misplaced thousands separator');
    expect(reason('1,234,56', US)).toBe('misplaced thousands separator');
    expect(reason('1.234,5', US)).toBe('thousands separator after the decimal separator');
    expect(reason(',123', US)).toBe('misplaced thousands separator');
  });

  it('accepts currency signs and codes before or after, with or without a space', () => {
    expect(value('$1,234.00', US)).toBe(1234);
    expect(value('€ 12,50', EU)).toBe(12.5);
    expect(value('12,50 €', EU)).toBe(12.5);
    expect(value('R$ 1.234,56', EU)).toBe(1234.56);
    expect(value('USD 12', US)).toBe(12);
    expect(value('12 EUR', US)).toBe(12);
    expect(value('12usd', US)).toBe(12);
    expect(value('£5', US)).toBe(5);
    expect(value('¥100', US)).toBe(100);
    expect(value('₹1,00,000', US)).toBe(100000);
    expect(value('₽ 10', US)).toBe(10);
    expect(value('CHF 1\'500.25', CH)).toBe(1500.25);
  });

  it('reads a sign before or after the currency, a trailing minus and accounting parentheses', () => {
    expect(value('-$5', US)).toBe(-5);
    expect(value('$-5', US)).toBe(-5);
    expect(value('−5', US)).toBe(-5);
    expect(value('+5', US)).toBe(5);
    expect(value('1234-', US)).toBe(-1234);
    expect(value('5,00 €-', EU)).toBe(-5);
    expect(value('(1,234.00)', US)).toBe(-1234);
    expect(value('($12)', US)).toBe(-12);
    expect(Object.is(value('(0)', US), 0)).toBe(true);
    expect(Object.is(value('-0', US), 0)).toBe(true);
  });

  it('keeps a percentage as written (12% reads as 12)', () => {
    expect(value('12%', US)).toBe(12);
    expect(value('12,5 %', EU)).toBe(12.5);
    expect(value('-3%', US)).toBe(-3);
  });

  it('reads exponent notation', () => {
    expect(value('1.5E3', US)).toBe(1500);
    expect(value('2e-2', US)).toBe(0.02);
    expect(value('1,5E3', EU)).toBe(1500);
    expect(reason('1E', US)).toBe('not a number');
    expect(reason('1e999', US)).toBe('number too large');
  });

  it('rejects anything else with a reason', () => {
    expect(reason('12abc', US)).toBe('not a number');
    expect(reason('abc', US)).toBe('not a number');
    expect(reason('$', US)).toBe('not a number');
    expect(reason('EURO 5', US)).toBe('not a number');
    expect(reason('1.2.3', US)).toBe('two decimal separators');
    expect(reason('1,2,3', EU)).toBe('two decimal separators');
    expect(reason('--5', US)).toBe('more than one sign');
    expect(reason('(5', US)).toBe('unbalanced parentheses');
    expect(reason('-(5)', US)).toBe('both a sign and parentheses');
    expect(reason('$5 EUR', US)).toBe('more than one currency');
    expect(reason('$5%', US)).toBe('both a currency and a percent sign');
    expect(reason('5%%', US)).toBe('more than one percent sign');
    expect(reason('1,234', PLAIN)).toBe("unexpected ',' for decimal point, no thousands separator");
    expect(reason('12 34', US)).toBe("unexpected ' ' for decimal point, thousands ','");
  });
});

describe('describeNumberFormat', () => {
  it('names the decimal mark and the thousands separator', () => {
    expect(describeNumberFormat(EU)).toBe("decimal comma, thousands '.'");
    expect(describeNumberFormat(US)).toBe("decimal point, thousands ','");
    expect(describeNumberFormat(FR)).toBe('decimal comma, thousands space');
    expect(describeNumberFormat(CH)).toBe('decimal point, thousands apostrophe');
    expect(describeNumberFormat(PLAIN)).toBe('decimal point, no thousands separator');
  });
});

describe('quickNumber', () => {
  it('reads the common shapes exactly as Number() does (but never -0)', () => {
    for (let i = 0; i < 20000; i++) {
      const text = `${i % 3 === 0 ? '-' : ''}${(i * 7919) % 100003}.${String((i * 104729) % 1000000).padStart(i % 7, '0')}`;
      expect(quickNumber(text, US), text).toBe(Number(text) + 0); // + 0: -0 reads as 0
    }
    expect(quickNumber('0.1', US)).toBe(0.1);
    expect(quickNumber('123456789012.345', US)).toBe(123456789012.345);
    expect(quickNumber('1,234,567.5', US)).toBe(1234567.5);
    expect(quickNumber(' 1.234,5 ', EU)).toBe(1234.5);
    expect(quickNumber('1\u202f234,5', FR)).toBe(1234.5);
  });

  it('returns NaN for everything else, which parseNumber then reads in full', () => {
    for (const text of ['', 'n/a', '$5', '(5)', '5-', '1e3', '.5', '5.', '12,5', '12,34,567', '1234567890123456', '1.2.3', '1,234', '- 5']) {
      expect(quickNumber(text, text === '1,234' ? PLAIN : US), text).toBeNaN();
    }
    expect(value('1234567890123456789', US)).toBe(1234567890123456789);
    expect(value('5.', US)).toBe(5);
  });
});
