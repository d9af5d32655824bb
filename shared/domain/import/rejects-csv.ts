import { csvField as field } from '../csv/csv-field';
import type { ImportIssue } from './types';

/** The rejected rows of an import as a CSV file the user can open in a spreadsheet. */

/**
 * Writes issues as CSV with the header `row,column,value,reason`, one issue per line,
 * every line (the last too) ending in CRLF.
 */
export function rejectsCsv(issues: readonly ImportIssue[]): string {
  const lines = ['row,column,value,reason'];
  for (const i of issues) lines.push(`${i.row},${field(i.column)},${field(i.value)},${field(i.reason)}`);
  return `${lines.join('\r\n')}\r\n`;
}
