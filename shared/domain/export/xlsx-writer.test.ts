import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../../electron/backend/import/read-table/xlsx-reader';
import type { TableRow } from '../import/types';
import { columnName, sanitizeSheetNames, writeXlsx, type XlsxOptions, type XlsxSheet } from './xlsx-writer';

const dir = mkdtempSync(join(os.tmpdir(), 'tessera-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;

/** Reads a workbook back with the app's own reader: sheet name → rows. */
async function readBack(bytes: Uint8Array): Promise<Map<string, TableRow[]>> {
  const path = join(dir, `book${++fileCount}.xlsx`);
  writeFileSync(path, bytes);
  const workbook = await openXlsx(path);
  try {
    const out = new Map<string, TableRow[]>();
    for (const name of workbook.sheets) {
      const rows: TableRow[] = [];
      for await (const batch of (await workbook.openSheet(name)).rows()) rows.push(...batch);
      out.set(name, rows);
    }
    return out;
  } finally {
    workbook.close();
  }
}

/** Unzips a workbook and parses every XML part (namespace-aware); returns the parts' text. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    const xml = strFromU8(data);
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    parser.on('error', (err) => errors.push(err.message));
    parser.write(xml).close();
    expect(errors, name).toEqual([]);
    out[name] = xml;
  }
  return out;
}

const UNICODE = 'مرحبا بالعالم · 你好世界 · 😀🗺️';

const ACCOUNTS: XlsxSheet = {
  name: 'Accounts',
  preamble: [['North territory plan'], ['Scenario: Q3 "draft" <v2> & more'], ['Exported: 2024-05-01', 42]],
  header: ['id', 'name', 'amount', 'ratio', 'tiny', 'big', 'note'],
  rows: [
    ['00123', UNICODE, 1234567.891, 0.1, 1e-7, 9007199254740991, '=SUM(A1)'],
    [' padded ', null, -0.5, '', Number.NaN, Number.POSITIVE_INFINITY, '+1'],
    ['0042', 'line 1\nline 2', 0, -1234.5, 5e-324, -9007199254740991, '_x0041_ & <tag>'],
  ],
};

const WIDE: XlsxSheet = {
  name: 'accounts',
  header: Array.from({ length: 30 }, (_, i) => `col ${i + 1}`),
  rows: [Array.from({ length: 30 }, (_, i) => i * 1000)],
};

const OPTIONS: XlsxOptions = { title: 'Plan — Nord 北', creator: 'Tessera', created: new Date(Date.UTC(2024, 4, 1, 12, 30, 0, 250)) };

describe('writeXlsx', () => {
  it('reads back with the app reader: text stays text, numbers exact, preamble above the header', async () => {
    const book = await readBack(writeXlsx([ACCOUNTS, WIDE], OPTIONS));
    expect([...book.keys()]).toEqual(['Accounts', 'accounts (2)']);
    const rows = book.get('Accounts') ?? [];
    expect(rows.slice(0, 4)).toEqual([
      { row: 1, values: ['North territory plan'] },
      { row: 2, values: ['Scenario: Q3 "draft" <v2> & more'] },
      { row: 3, values: ['Exported: 2024-05-01', '42'] },
      { row: 4, values: ['id', 'name', 'amount', 'ratio', 'tiny', 'big', 'note'] },
    ]);
    const [first, second, third] = rows.slice(4);
    expect(first?.row).toBe(5);
    expect(first?.values.slice(0, 4)).toEqual(['00123', UNICODE, '1234567.891', '0.1']);
    expect(Number(first?.values[4])).toBe(1e-7);
    expect(first?.values.slice(5)).toEqual(['9007199254740991', '=SUM(A1)']);
    expect(second).toEqual({ row: 6, values: [' padded ', '', '-0.5', '', '', '', '+1'] });
    expect(third?.values.slice(0, 4)).toEqual(['0042', 'line 1\nline 2', '0', '-1234.5']);
    expect(Number(third?.values[4])).toBe(5e-324);
    // The app's reader does not decode SpreadsheetML's _xHHHH_ escapes; Excel shows "_x0041_".
    expect(third?.values.slice(5)).toEqual(['-9007199254740991', '_x005F_x0041_ & <tag>']);
    const wide = book.get('accounts (2)') ?? [];
    expect(wide[0]?.values[29]).toBe('col 30');
    expect(wide[1]?.values[29]).toBe('29000');
  });

  it('writes well-formed parts: inline strings, no formulas, frozen header, autofilter, widths', () => {
    const xml = parts(writeXlsx([ACCOUNTS, WIDE], OPTIONS));
    expect(Object.keys(xml)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    const sheet1 = xml['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet1).toContain('<c r="A5" t="inlineStr"><is><t>00123</t></is></c>');
    expect(sheet1).toContain('<c r="G5" t="inlineStr"><is><t>=SUM(A1)</t></is></c>');
    expect(sheet1).not.toContain('<f>');
    expect(sheet1).toContain('<c r="C5" s="6"><v>1234567.891</v></c>');
    expect(sheet1).toContain('<c r="E5"><v>0.0000001</v></c>');
    expect(sheet1).toContain('<c r="F5" s="2"><v>9007199254740991</v></c>');
    expect(sheet1).toContain('<c r="A4" s="1" t="inlineStr"><is><t>id</t></is></c>');
    expect(sheet1).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(sheet1).toContain('<autoFilter ref="A4:G7"/>');
    expect(sheet1).toContain('<dimension ref="A1:G7"/>');
    expect(sheet1).toMatch(/<col min="2" max="2" width="(\d+)" customWidth="1"\/>/);
    expect(sheet1).not.toMatch(/<c r="[DEF]6"/); // '', NaN and Infinity: no cell
    expect(sheet1).toContain('<t xml:space="preserve"> padded </t>');
    const sheet2 = xml['xl/worksheets/sheet2.xml'] ?? '';
    expect(sheet2).toContain('<c r="AD1" s="1" t="inlineStr"><is><t>col 30</t></is></c>');
    expect(sheet2).toContain('<c r="Z2" s="2"><v>25000</v></c>');
    expect(sheet2).toContain('<autoFilter ref="A1:AD2"/>');
    expect(xml['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'accounts (2)'!$A$1:$AD$2</definedName>`);
    const core = xml['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>Plan — Nord 北</dc:title>');
    expect(core).toContain('<dc:creator>Tessera</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T12:30:00Z</dcterms:created>');
  });

  it('applies column formats, writes text columns as text, and strips characters XML forbids', async () => {
    const sheet: XlsxSheet = {
      name: 'Formats',
      header: ['int', 'dec', 'pct', 'zip', 'ctl'],
      rows: [[1234.6, 2.5, 0.125, 501, 'a\u0001b\u0008c\ud800d\r\ne']],
      columnFormats: { 0: 'integer', 1: 'decimal', 2: 'percent', 3: 'text' },
    };
    const bytes = writeXlsx([sheet]);
    const xml = parts(bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain('<c r="A2" s="2"><v>1234.6</v></c>');
    expect(xml).toContain('<c r="B2" s="3"><v>2.5</v></c>');
    expect(xml).toContain('<c r="C2" s="4"><v>0.125</v></c>');
    expect(xml).toContain('<c r="D2" s="5" t="inlineStr"><is><t>501</t></is></c>');
    const rows = (await readBack(bytes)).get('Formats') ?? [];
    expect(rows[1]?.values).toEqual(['1234.6', '2.5', '0.125', '501', 'abcd\r\ne']);
  });

  it('writes a 2,000 × 12 table and reads it back whole', async () => {
    const rows = Array.from({ length: 2000 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => (c % 3 === 0 ? `T-${String(r).padStart(5, '0')}` : c % 3 === 1 ? r * 1000 + c : (r * c) / 7)),
    );
    const bytes = writeXlsx([{ name: 'Big', header: Array.from({ length: 12 }, (_, c) => `h${c}`), rows }]);
    const back = (await readBack(bytes)).get('Big') ?? [];
    expect(back).toHaveLength(2001);
    expect(back[2000]?.values[0]).toBe('T-01999');
    // The reader rounds to Excel's 15 digits; the file holds the double exactly.
    expect(back[2000]?.values[2]).toBe('571.142857142857');
    expect(parts(bytes)['xl/worksheets/sheet1.xml']).toContain(`<c r="C2001"><v>${(1999 * 2) / 7}</v></c>`);
  });

  it('writes a sheet without a header: no frozen pane, no filter', () => {
    const xml = parts(writeXlsx([{ name: 'Notes', preamble: [['Note']], header: [], rows: [['a', 1]] }]))['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain('<dimension ref="A1:B3"/>');
    expect(xml).toContain('<row r="3">');
    expect(xml).not.toContain('<pane');
    expect(xml).not.toContain('<autoFilter');
  });

  it('cuts text to Excel\'s 32,767 characters per cell', async () => {
    const rows = (await readBack(writeXlsx([{ name: 'Long', header: ['text'], rows: [['y'.repeat(40_000)]] }]))).get('Long') ?? [];
    expect(rows[1]?.values[0]).toHaveLength(32_767);
  });

  it('rejects an empty workbook and sheets beyond Excel\'s size', () => {
    expect(() => writeXlsx([])).toThrow(/at least one sheet/);
    const tooTall = new Array<never[]>(1_048_576).fill([]);
    expect(() => writeXlsx([{ name: 'Tall', header: ['a'], rows: tooTall }])).toThrow(/1048577 rows/);
    expect(() => writeXlsx([{ name: 'Wide', header: new Array<string>(16_385).fill('h'), rows: [] }])).toThrow(/16385 columns/);
  });
});

describe('columnName', () => {
  it('counts past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('sanitizeSheetNames', () => {
  it('makes names valid and unique', () => {
    const long = 'Territory summary by region and representative';
    expect(sanitizeSheetNames(['Sales/North', '[x]:*?\\', '', '  ', "'Quoted'", 'History', long, long, 'Data', 'DATA', 'data (2)', 'a\tb'])).toEqual([
      'Sales_North',
      '_x_____',
      'Sheet3',
      'Sheet4',
      'Quoted',
      'History_',
      'Territory summary by region and',
      'Territory summary by region (2)',
      'Data',
      'DATA (2)',
      'data (2) (2)',
      'a b',
    ]);
  });

  it('never splits a surrogate pair when cutting', () => {
    const [name] = sanitizeSheetNames(['x'.repeat(30) + '😀']);
    expect(name).toBe('x'.repeat(30));
  });
});
