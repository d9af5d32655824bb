import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../../../shared/domain/import/types';
import { createCsvParser } from './csv-parser';

function parseAll(text: string, delimiter = ','): TableRow[] {
  const parser = createCsvParser(delimiter);
  return [...parser.push(text), ...parser.end()];
}

function parseByChar(text: string, delimiter = ','): TableRow[] {
  const parser = createCsvParser(delimiter);
  const rows: TableRow[] = [];
  for (const ch of text) rows.push(...parser.push(ch));
  rows.push(...parser.end());
  return rows;
}

const values = (rows: TableRow[]): string[][] => rows.map((r) => r.values);

describe('createCsvParser', () => {
  it('splits simple records on each delimiter', () => {
    for (const d of [',', ';', '\t', '|']) {
      const text = ['id', 'name', 'x'].join(d) + '\n' + ['1', 'A', '2'].join(d) + '\n';
      expect(parseAll(text, d)).toEqual([
        { row: 1, values: ['id', 'name', 'x'] },
        { row: 2, values: ['1', 'A', '2'] },
      ]);
    }
  });

  it('ends records at LF, CRLF and lone CR, with or without a final line break', () => {
    expect(values(parseAll('a,b\r\nc,d\re,f\ng,h'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(parseAll('a\r\nb\r\n').map((r) => r.row)).toEqual([1, 2]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks as one row', () => {
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"line1\nline2\r\nline3\rline4"\n4,after\n';
    expect(parseAll(text)).toEqual([
      { row: 1, values: ['id', 'note'] },
      { row: 2, values: ['1', 'a, b'] },
      { row: 3, values: ['2', 'say "hi"'] },
      { row: 4, values: ['3', 'line1\nline2\r\nline3\rline4'] },
      { row: 5, values: ['4', 'after'] },
    ]);
  });

  it('reads lines of quoted fields that close on the line, and falls back where one does not', () => {
    const text = ['"a","b, c",d', '"","say ""x""",""', '1,"q""",end"', '"open,"x"y,z', '"multi', 'line",2', 'tail,"last"'].join('\r\n');
    const want = [
      ['a', 'b, c', 'd'],
      ['', 'say "x"', ''],
      ['1', 'q"', 'end"'],
      ['open,x"y', 'z'],
      ['multi\r\nline', '2'],
      ['tail', 'last'],
    ];
    expect(values(parseAll(text))).toEqual(want);
    expect(values(parseByChar(text))).toEqual(want);
    expect(parseAll(text).map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6]); // a record over two lines counts once
    // One column: no delimiter anywhere after the quoted values.
    expect(values(parseAll('"x"\n"y"\nz'))).toEqual([['x'], ['y'], ['z']]);
  });

  it('skips empty lines but counts them in row numbers', () => {
    expect(parseAll('h\n\n1\r\n\r\n2\r\r3\n\n')).toEqual([
      { row: 1, values: ['h'] },
      { row: 3, values: ['1'] },
      { row: 5, values: ['2'] },
      { row: 7, values: ['3'] },
    ]);
    // A line of only delimiters is not empty.
    expect(values(parseAll('a,b\n,\n'))).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
  });

  it('keeps leading zeros, spaces and stray quotes exactly', () => {
    expect(values(parseAll(' 007 , a  b ,5"6,x"y"\n'))).toEqual([[' 007 ', ' a  b ', '5"6', 'x"y"']]);
    expect(values(parseAll('"ab"cd,"",""""\n'))).toEqual([['abcd', '', '"']]);
  });

  it('handles empty fields and trailing delimiters', () => {
    expect(values(parseAll('a,,c,\n,"x",\n'))).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', ''],
    ]);
  });

  it('lets an unterminated quote run to the end of input', () => {
    expect(values(parseAll('a,"open\nstill'))).toEqual([['a', 'open\nstill']]);
  });

  it('gives the same rows whatever the chunking', () => {
    const text =
      'id;name;note\r\n0012;"Müller; Söhne";"he said ""no""\r\nthen left"\r\r\n' +
      '7;"";x"y\n\n"q""";"a\rb";\r"tail"";z"\r';
    const whole = parseAll(text, ';');
    expect(whole.map((r) => r.row)).toEqual([1, 2, 4, 6, 7]);
    expect(parseByChar(text, ';')).toEqual(whole);
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = createCsvParser(';');
      const rows = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
      expect(rows).toEqual(whole);
    }
  });

  it('gives up on a quoted field that never closes instead of holding the whole input', () => {
    const parser = createCsvParser(',');
    parser.push('h\n1,"open');
    const chunk = 'x'.repeat(1 << 20);
    expect(() => {
      for (let i = 0; i < 20; i++) parser.push(chunk);
    }).toThrow(/Row 2 is over 16 M characters long; a quoted field probably lacks its closing quote/);
  });

  it('rejects an unusable delimiter', () => {
    expect(() => createCsvParser('"')).toThrow(/delimiter/);
    expect(() => createCsvParser(',,')).toThrow(/delimiter/);
  });
});
