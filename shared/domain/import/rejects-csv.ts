import type { ImportIssue } from './types';

/** The rejected rows of an import as a CSV file the user can open in a spreadsheet. */

const NEEDS_QUOTES = /[",\r\n]/;
/** A negative number in any of the accepted formats: left as it is. */
const NEGATIVE_NUMBER = /^-\d[\d.,'’ \u00a0\u202f]*$/;

/**
 * One CSV field. Text a spreadsheet would run as a formula gets a leading apostrophe:
 * text starting with '=', '+', '@', or '-' — except a plain negative number, so "-12.5"
 * stays a number while "-A1" and "-2+3+cmd|…" are defused. Fields holding a comma, quote,
 * CR or LF are quoted with quotes doubled (RFC 4180).
 */
function field(text: string): string {
  const c = text.charAt(0);
  const guarded = c === '=' || c === '+' || c === '@' || (c === '-' && !NEGATIVE_NUMBER.test(text)) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Writes issues as CSV with the header `row,column,value,reason`, one issue per line,
 * every line (the last too) ending in CRLF.
 */
export function rejectsCsv(issues: readonly ImportIssue[]): string {
  const lines = ['row,column,value,reason'];
  for (const i of issues) lines.push(`${i.row},${field(i.column)},${field(i.value)},${field(i.reason)}`);
  return `${lines.join('\r\n')}\r\n`;
}
