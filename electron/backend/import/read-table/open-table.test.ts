import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableRow } from '../../../../shared/domain/import/types';
import { openTable, previewTable, type OpenTable } from './open-table';
import { writeTestXlsx, writeTestZip } from './test-xlsx';

const dir = mkdtempSync(join(os.tmpdir(), 'tessera-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(content: string | Uint8Array, name = `t${files++}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(table: OpenTable): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  try {
    for await (const batch of table.rows()) rows.push(...batch);
  } finally {
    await table.close();
  }
  return rows;
}

describe('openTable on CSV', () => {
  it('detects each delimiter and reads header and rows', async () => {
    for (const d of [',', ';', '\t', '|']) {
      const table = await openTable(write(`id${d}name${d}revenue\n001${d}Acme Inc${d}12\n002${d} Beta ${d}7\n`));
      expect(table.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: d, sheets: [], sheet: null });
      expect(table.header).toEqual(['id', 'name', 'revenue']);
      expect(table.headerRow).toBe(1);
      expect(await readAll(table)).toEqual([
        { row: 2, values: ['001', 'Acme Inc', '12'] },
        { row: 3, values: ['002', ' Beta ', '7'] },
      ]);
    }
  });

  it('reads UTF-8 with a BOM, UTF-16 LE / BE and windows-1252', async () => {
    const text = 'id;name\r\n1;Müller\r\n';
    const le = Buffer.from('\ufeff' + text, 'utf16le');
    const cases: [Uint8Array, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      [le, 'utf-16le'],
      [Buffer.from(le).swap16(), 'utf-16be'],
      [Buffer.from(text, 'latin1'), 'windows-1252'],
    ];
    for (const [bytes, encoding] of cases) {
      const table = await openTable(write(bytes));
      expect(table.info.encoding).toBe(encoding);
      expect(table.info.delimiter).toBe(';');
      expect(table.header).toEqual(['id', 'name']);
      expect(await readAll(table)).toEqual([{ row: 2, values: ['1', 'Müller'] }]);
    }
  });

  it('numbers rows like a spreadsheet: empty lines and quoted line breaks', async () => {
    const table = await openTable(write('\n\nid,note,,\n1,"two\nlines"\n\n2,"a, ""b"""\n3,x'));
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual(['id', 'note']);
    expect(await readAll(table)).toEqual([
      { row: 4, values: ['1', 'two\nlines'] },
      { row: 6, values: ['2', 'a, "b"'] },
      { row: 7, values: ['3', 'x'] },
    ]);
  });

  it('uses a given delimiter and encoding', async () => {
    const table = await openTable(write('a;b,c\n1;2,3\n'), { delimiter: ',', encoding: 'latin1' });
    expect(table.info).toMatchObject({ delimiter: ',', encoding: 'windows-1252' });
    expect(table.header).toEqual(['a;b', 'c']);
    await table.close();
  });

  it('streams a large file in batches and reports bytes read up to the file size', async () => {
    const lines = ['id,name,x'];
    for (let i = 0; i < 30_000; i++) {
      const name = i % 3 === 0 ? `"name ${i}, ""quoted""\r\nline two"` : `name ${i}`;
      lines.push(`${String(i).padStart(6, '0')},${name},${i * 1.5}`);
    }
    const path = write(lines.join('\r\n') + '\r\n');
    const table = await openTable(path);
    expect(table.info.bytes).toBe(statSync(path).size);
    let count = 0;
    let last = 0;
    for await (const batch of table.rows()) {
      expect(batch.length).toBeLessThanOrEqual(5000);
      for (const row of batch) {
        const i = row.row - 2;
        expect(row.values).toEqual([String(i).padStart(6, '0'), i % 3 === 0 ? `name ${i}, "quoted"\r\nline two` : `name ${i}`, String(i * 1.5)]);
      }
      count += batch.length;
      last = batch[batch.length - 1]!.row;
      expect(table.bytesRead()).toBeLessThanOrEqual(table.info.bytes);
    }
    await table.close();
    expect(count).toBe(30_000);
    expect(last).toBe(30_001);
    expect(table.bytesRead()).toBe(table.info.bytes);
    expect(() => table.rows()).toThrow(/once/);
  });

  it('previews the first rows', async () => {
    const lines = ['id|v', ...Array.from({ length: 50 }, (_, i) => `${i}|${i}`)];
    const preview = await previewTable(write(lines.join('\n')), { rows: 5 });
    expect(preview.info.delimiter).toBe('|');
    expect(preview.header).toEqual(['id', 'v']);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect((await previewTable(write(lines.join('\n')))).rows).toHaveLength(20);
  });
});

describe('openTable on xlsx', () => {
  it('reads the first sheet by default, and another by name', async () => {
    const path = join(dir, 'book.xlsx');
    writeTestXlsx(path);
    const first = await openTable(path);
    expect(first.info).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheets: ['Accounts', 'Reps & Co'], sheet: 'Accounts' });
    expect(first.header).toEqual(['id', 'name', 'signed', 'when', 'amount']);
    expect(first.headerRow).toBe(1);
    const rows = await readAll(first);
    expect(rows.map((r) => r.row)).toEqual([2, 4, 6]);
    expect(rows[0]!.values).toEqual(['0042', 'Müller & Co ', 'TRUE', '2023-03-15', '1234567890123']);
    expect(first.bytesRead()).toBe(first.info.bytes);

    const second = await openTable(path, { sheet: 'Reps & Co' });
    expect(second.info.sheet).toBe('Reps & Co');
    expect(second.headerRow).toBe(3);
    expect(second.header).toEqual(['', 'rep', 'capacity']);
    expect(await readAll(second)).toEqual([{ row: 4, values: ['', 'R1', '10'] }]);
  });

  it('detects a workbook by content whatever its extension', async () => {
    const path = join(dir, 'book-renamed.csv');
    writeTestXlsx(path);
    const preview = await previewTable(path, { sheet: 'Reps & Co' });
    expect(preview.info.format).toBe('xlsx');
    expect(preview.rows).toEqual([{ row: 4, values: ['', 'R1', '10'] }]);
  });
});

describe('openTable errors', () => {
  it('names the file in clear messages', async () => {
    await expect(openTable(write('', 'empty.csv'))).rejects.toThrow('empty.csv is empty.');
    await expect(openTable(write('\n\r\n,,\n', 'blank.csv'))).rejects.toThrow(/blank\.csv has no rows/);
    await expect(openTable(join(dir, 'missing.csv'))).rejects.toThrow('missing.csv was not found.');
    const xls = write(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls');
    await expect(openTable(xls)).rejects.toThrow(/old\.xls is an old-style Excel workbook \(\.xls\).*save it as \.xlsx or CSV/);
    const zip = join(dir, 'data.zip');
    writeTestZip(zip);
    await expect(openTable(zip)).rejects.toThrow('data.zip is a zip file but not an Excel workbook (.xlsx).');
    const book = join(dir, 'sheets.xlsx');
    writeTestXlsx(book);
    await expect(openTable(book, { sheet: 'Sheet9' })).rejects.toThrow('sheets.xlsx has no sheet "Sheet9"; its sheets are "Accounts", "Reps & Co".');
    await expect(openTable(write('a,b\n', 'enc.csv'), { encoding: 'nope' })).rejects.toThrow(/enc\.csv: Unknown text encoding "nope"/);
  });
});
