import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TableRow } from '../../../../shared/domain/import/types';
import { writeTestXlsx, writeTestZip } from './test-xlsx';
import { openXlsx, type XlsxWorkbook } from './xlsx-reader';

const dir = mkdtempSync(join(os.tmpdir(), 'tessera-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readSheet(workbook: XlsxWorkbook, name: string, batchSize?: number): Promise<{ rows: TableRow[]; batches: number; bytes: number; size: number }> {
  const sheet = await workbook.openSheet(name, batchSize);
  const rows: TableRow[] = [];
  let batches = 0;
  for await (const batch of sheet.rows()) {
    rows.push(...batch);
    batches++;
  }
  return { rows, batches, bytes: sheet.bytesRead(), size: sheet.compressedSize };
}

describe('openXlsx', () => {
  it('lists sheets and reads a sheet with every kind of cell', async () => {
    const path = join(dir, 'book.xlsx');
    writeTestXlsx(path);
    const workbook = await openXlsx(path);
    try {
      expect(workbook.sheets).toEqual(['Accounts', 'Reps & Co']);
      const { rows, bytes, size } = await readSheet(workbook, 'Accounts');
      expect(rows).toEqual([
        { row: 1, values: ['id', 'name', 'signed', 'when', 'amount'] },
        { row: 2, values: ['0042', 'Müller & Co ', 'TRUE', '2023-03-15', '1234567890123'] },
        { row: 4, values: ['7', '', 'FALSE', '2023-03-15T18:00:00', '0.1', '#N/A', '14'] },
        { row: 6, values: ['xy', '3.3', '1903-04-14'] },
      ]);
      expect(size).toBeGreaterThan(0);
      expect(bytes).toBe(size);
    } finally {
      workbook.close();
    }
  });

  it('reads the second sheet (stored, prefixed names, leading empty rows and columns)', async () => {
    const path = join(dir, 'book2.xlsx');
    writeTestXlsx(path);
    const workbook = await openXlsx(path);
    try {
      const { rows, bytes, size } = await readSheet(workbook, 'Reps & Co');
      expect(rows).toEqual([
        { row: 3, values: ['', 'rep', 'capacity'] },
        { row: 4, values: ['', 'R1', '10'] },
      ]);
      expect(bytes).toBe(size);
    } finally {
      workbook.close();
    }
  });

  it('respects the 1904 date system', async () => {
    const path = join(dir, 'book1904.xlsx');
    writeTestXlsx(path, true);
    const workbook = await openXlsx(path);
    try {
      const { rows } = await readSheet(workbook, 'Accounts');
      expect(rows[1]!.values[3]).toBe('2027-03-16');
      expect(rows[3]!.values[2]).toBe('1907-04-15');
    } finally {
      workbook.close();
    }
  });

  it('yields rows in batches', async () => {
    const path = join(dir, 'book3.xlsx');
    writeTestXlsx(path);
    const workbook = await openXlsx(path);
    try {
      const { rows, batches } = await readSheet(workbook, 'Accounts', 3);
      expect(rows.map((r) => r.row)).toEqual([1, 2, 4, 6]);
      expect(batches).toBe(2);
    } finally {
      workbook.close();
    }
  });

  it('throws clear errors for an unknown sheet and a zip that is no workbook', async () => {
    const path = join(dir, 'book4.xlsx');
    writeTestXlsx(path);
    const workbook = await openXlsx(path);
    try {
      await expect(workbook.openSheet('Nope')).rejects.toThrow('book4.xlsx has no sheet "Nope"; its sheets are "Accounts", "Reps & Co".');
    } finally {
      workbook.close();
    }
    const zip = join(dir, 'other.zip');
    writeTestZip(zip);
    await expect(openXlsx(zip)).rejects.toThrow('other.zip is a zip file but not an Excel workbook (.xlsx).');
  });
});
