import { describe, expect, it } from 'vitest';
import { rejectsCsv } from './rejects-csv';

describe('rejectsCsv', () => {
  it('writes the header and one CRLF-terminated line per issue', () => {
    expect(rejectsCsv([])).toBe('row,column,value,reason\r\n');
    expect(rejectsCsv([{ row: 2, column: 'Revenue', value: '12abc', reason: 'not a number' }])).toBe(
      'row,column,value,reason\r\n2,Revenue,12abc,not a number\r\n',
    );
  });

  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    const csv = rejectsCsv([
      { row: 3, column: 'Name, legal', value: 'say "hi"', reason: 'line\nbreak' },
      { row: 4, column: '', value: 'a\rb', reason: 'row has 5 fields, the header has 4' },
    ]);
    expect(csv).toBe(
      'row,column,value,reason\r\n' +
        '3,"Name, legal","say ""hi""","line\nbreak"\r\n' +
        '4,,"a\rb","row has 5 fields, the header has 4"\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but keeps negative numbers', () => {
    const line = (value: string): string => rejectsCsv([{ row: 5, column: 'c', value, reason: 'r' }]).split('\r\n')[1]!;
    expect(line('=HYPERLINK("x")')).toBe(`5,c,"'=HYPERLINK(""x"")",r`);
    expect(line('+1+2')).toBe("5,c,'+1+2,r");
    expect(line('@SUM(A1)')).toBe("5,c,'@SUM(A1),r");
    expect(line('-A1')).toBe("5,c,'-A1,r");
    expect(line('-12.5')).toBe('5,c,-12.5,r');
    expect(line('-1.234,5')).toBe('5,c,"-1.234,5",r');
    expect(line("-2+3+cmd|' /C calc'!A0")).toBe("5,c,'-2+3+cmd|' /C calc'!A0,r");
    expect(line('12=3')).toBe('5,c,12=3,r');
    expect(rejectsCsv([{ row: 6, column: '=x', value: '', reason: '@r' }]).split('\r\n')[1]).toBe("6,'=x,,'@r");
  });
});
