import { csvField, csvQuoted } from '../csv/csv-field';
import type { TableSheet, TableValue } from './types';

const PLAIN = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 10 });

/** A number as spreadsheets and CRMs read it: plain notation (never `1e+21`), '.' decimals, empty when not finite. */
export function plainNumber(value: number): string {
  if (value === 0) return '0'; // also -0, which rounding small negatives gives
  return Number.isFinite(value) ? PLAIN.format(value) : '';
}

export interface TableCsvOptions {
  /** Start with a UTF-8 byte order mark (Excel on Windows then reads UTF-8). */
  bom?: boolean;
  /** Columns written exactly as stored (ids another system matches on): quoted only when they must be, no formula guard. */
  exactColumns?: readonly number[];
}

/**
 * A table as CSV: UTF-8, one header row, CRLF line ends (RFC 4180). Text is guarded
 * against spreadsheet formulas except in `exactColumns`; numbers are written in plain
 * notation; null is an empty field.
 */
export function tableCsv(sheet: TableSheet, options: TableCsvOptions = {}): string {
  const exact = new Set(options.exactColumns ?? []);
  const field = (value: TableValue, column: number): string => {
    if (value === null) return '';
    if (typeof value === 'number') return plainNumber(value);
    return exact.has(column) ? csvQuoted(value) : csvField(value);
  };
  const lines = [sheet.header.map((h) => csvField(h)).join(',')];
  for (const row of sheet.rows) lines.push(row.map(field).join(','));
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/** A file-name-safe form of a scenario or workspace name (letters and digits of any script kept). */
export function fileSlug(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'scenario';
}
