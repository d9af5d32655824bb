import { describe, expect, it } from 'vitest';
import { cellText, formatExcelDate, formatNumber, isDateFormat } from './xlsx-cell-value';

describe('isDateFormat', () => {
  it('knows the built-in date formats', () => {
    for (const id of [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]) expect(isDateFormat(id, undefined)).toBe(true);
    for (const id of [0, 1, 2, 4, 10, 11, 49]) expect(isDateFormat(id, undefined)).toBe(false);
  });

  it('looks for d, m, y, h, s outside quotes, brackets and escapes', () => {
    expect(isDateFormat(164, 'yyyy-mm-dd')).toBe(true);
    expect(isDateFormat(164, 'dd/mm/yyyy\\ hh:mm')).toBe(true);
    expect(isDateFormat(164, '[$-409]mmm d, yyyy')).toBe(true);
    expect(isDateFormat(164, '"Day" 0')).toBe(false);
    expect(isDateFormat(164, '[Red]#,##0.00')).toBe(false);
    expect(isDateFormat(164, '0\\d')).toBe(false);
    expect(isDateFormat(164, 'General')).toBe(false);
    expect(isDateFormat(164, '0.00E+00')).toBe(false);
  });
});

describe('formatNumber', () => {
  it('writes whole numbers without an exponent', () => {
    expect(formatNumber('1234567890123')).toBe('1234567890123');
    expect(formatNumber('1.234567890123E+12')).toBe('1234567890123');
    expect(formatNumber('1E+20')).toBe('100000000000000000000');
    expect(formatNumber('-42')).toBe('-42');
  });

  it('rounds fractions to 15 significant digits', () => {
    expect(formatNumber('0.1')).toBe('0.1');
    expect(formatNumber('3.3000000000000003')).toBe('3.3');
    expect(formatNumber('-12.5')).toBe('-12.5');
  });

  it('keeps text that is not a number', () => {
    expect(formatNumber('abc')).toBe('abc');
    expect(formatNumber('')).toBe('');
  });
});

describe('formatExcelDate', () => {
  it('converts 1900-system serials, including the fictitious 29 Feb 1900', () => {
    expect(formatExcelDate(1, false)).toBe('1900-01-01');
    expect(formatExcelDate(59, false)).toBe('1900-02-28');
    expect(formatExcelDate(60, false)).toBe('1900-02-29');
    expect(formatExcelDate(61, false)).toBe('1900-03-01');
    expect(formatExcelDate(45000, false)).toBe('2023-03-15');
    expect(formatExcelDate(45000.5, false)).toBe('2023-03-15T12:00:00');
    expect(formatExcelDate(45000.99999999, false)).toBe('2023-03-16');
    expect(formatExcelDate(0.25, false)).toBe('06:00:00');
  });

  it('converts 1904-system serials', () => {
    expect(formatExcelDate(0, true)).toBe('1904-01-01');
    expect(formatExcelDate(45000, true)).toBe('2027-03-16');
  });

  it('gives null for serials that are no date', () => {
    expect(formatExcelDate(-1, false)).toBeNull();
    expect(formatExcelDate(0, false)).toBeNull();
    expect(formatExcelDate(1e9, false)).toBeNull();
  });
});

describe('cellText', () => {
  const context = { sharedStrings: ['zero', 'one'], dateStyles: [false, true], date1904: false };

  it('reads each cell type', () => {
    expect(cellText(context, 's', 0, '1', '')).toBe('one');
    expect(cellText(context, 'inlineStr', 0, '', 'in')).toBe('in');
    expect(cellText(context, 'str', 0, 'f', '')).toBe('f');
    expect(cellText(context, 'e', 0, '#DIV/0!', '')).toBe('#DIV/0!');
    expect(cellText(context, 'b', 0, '1', '')).toBe('TRUE');
    expect(cellText(context, 'b', 0, '0', '')).toBe('FALSE');
    expect(cellText(context, 'd', 0, '2024-05-01T00:00:00', '')).toBe('2024-05-01');
    expect(cellText(context, 'd', 0, '2024-05-01T10:30:00Z', '')).toBe('2024-05-01T10:30:00');
    expect(cellText(context, '', 1, '45000', '')).toBe('2023-03-15');
    expect(cellText(context, 'n', 0, '45000', '')).toBe('45000');
    expect(cellText(context, '', 0, '', '')).toBe('');
  });
});
