import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodOrdinal, periodsPerYear, quarterOf } from './periods';

describe('parsePeriod', () => {
  it('reads many spellings of a month', () => {
    const spellings = [
      '2026-03', '2026/03', '2026.03', '2026-3', '2026/3', '03/2026', '3/2026', '03-2026', '03.2026',
      '202603', '2026-M03', '2026M03', '2026-m3', 'Mar 2026', 'MAR 2026', 'mar-2026', 'Mar. 2026', 'Mar2026',
      'March 2026', 'march, 2026', '  March   2026 ', '2026 Mar', '2026-March', '2026-03-15', '2026/03/31',
      '2026.3.1', '2026-03-15T10:30:00Z', '2026-03-15 10:30', '2026-03-15T10:30:00.123+01:00',
    ];
    for (const text of spellings) {
      expect(parsePeriod(text), text).toEqual({ key: '2026-03', kind: 'month', year: 2026, index: 3 });
    }
    expect(parsePeriod('Sept 2025')?.key).toBe('2025-09');
    expect(parsePeriod('sep 2025')?.key).toBe('2025-09');
    expect(parsePeriod('December 1999')?.key).toBe('1999-12');
    expect(parsePeriod('may 2200')?.key).toBe('2200-05');
    expect(parsePeriod('1900-01')?.key).toBe('1900-01');
    expect(parsePeriod('2024-02-29')?.key).toBe('2024-02');
  });

  it('reads many spellings of a quarter', () => {
    const spellings = [
      '2026-Q1', '2026-q1', '2026Q1', '2026 Q1', '2026/Q1', 'Q1 2026', 'q1-2026', 'Q1/2026', 'Q12026',
      '1Q2026', '1q 2026', ' Q1  2026 ',
    ];
    for (const text of spellings) {
      expect(parsePeriod(text), text).toEqual({ key: '2026-Q1', kind: 'quarter', year: 2026, index: 1 });
    }
    expect(parsePeriod('2025-Q4')).toEqual({ key: '2025-Q4', kind: 'quarter', year: 2025, index: 4 });
  });

  it('rejects ambiguous and invalid labels', () => {
    const invalid = [
      '', '2026', '2026-13', '2026-00', '13/2026', '0/2026', '202613', '2026-M13', '2026-Q0', '2026-Q5', 'Q5 2026',
      '1Q26', 'Q1 26', 'Mar-26', '03/26', '26-03', '15/03/2026', '03/15/2026', '2026-02-30', '2025-02-29',
      '2026-03-32', '2026-03/15', '1899-12', '2201-01', 'Q1 1899', 'Marc 2026', 'Foo 2026', 'constructor 2026',
      '2026-03-15T25', '2026 03', '2026-Q01', 'Q1 2026 extra', 'H1 2026', 'FY2026', '2026-W12',
    ];
    for (const text of invalid) expect(parsePeriod(text), text).toBeNull();
  });
});

describe('period helpers', () => {
  it('counts periods per year and places them on a calendar', () => {
    expect(periodsPerYear('month')).toBe(12);
    expect(periodsPerYear('quarter')).toBe(4);
    expect(periodOrdinal(parsePeriod('2026-01')!) - periodOrdinal(parsePeriod('2025-12')!)).toBe(1);
    expect(periodOrdinal(parsePeriod('2026-Q1')!) - periodOrdinal(parsePeriod('2025-Q4')!)).toBe(1);
    expect(periodOrdinal(parsePeriod('2026-03')!) - periodOrdinal(parsePeriod('2025-03')!)).toBe(12);
  });

  it('sorts chronologically, a quarter before the month it starts with', () => {
    const keys = ['2026-Q2', '2026-02', 'Jan 2026', '2025-12', '2026-Q1', '2026-04', '2026-03'];
    expect([...keys].sort(comparePeriods)).toEqual(['2025-12', '2026-Q1', 'Jan 2026', '2026-02', '2026-03', '2026-Q2', '2026-04']);
    expect(comparePeriods('2026-03', 'March 2026')).toBe(0);
    expect(comparePeriods('2026-10', '2026-09')).toBeGreaterThan(0);
    expect(() => comparePeriods('2026-03', 'soon')).toThrow(RangeError);
  });

  it('finds the quarter of a month', () => {
    expect(quarterOf('2026-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03')).toBe('2026-Q1');
    expect(quarterOf('2026-04')).toBe('2026-Q2');
    expect(quarterOf('Sep 2026')).toBe('2026-Q3');
    expect(quarterOf('2026-12')).toBe('2026-Q4');
    expect(quarterOf('2026-Q3')).toBe('2026-Q3');
    expect(() => quarterOf('2026-13')).toThrow(RangeError);
  });

  it('gives canonical keys that parse back to themselves', () => {
    for (let year = 1900; year <= 2200; year += 37) {
      for (let m = 1; m <= 12; m++) {
        const p = parsePeriod(`${m}/${year}`)!;
        expect(parsePeriod(p.key)).toEqual(p);
      }
      for (let q = 1; q <= 4; q++) {
        const p = parsePeriod(`Q${q} ${year}`)!;
        expect(parsePeriod(p.key)).toEqual(p);
      }
    }
  });
});
