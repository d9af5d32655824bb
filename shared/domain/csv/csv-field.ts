/** CSV fields as spreadsheets read them back (RFC 4180 quoting, formula-injection guard). */

const NEEDS_QUOTES = /[",\r\n]/;
/** A negative number in any of the accepted formats: left as it is. */
const NEGATIVE_NUMBER = /^-\d[\d.,'’ \u00a0\u202f]*$/;

/**
 * One CSV field. Text a spreadsheet would run as a formula gets a leading apostrophe:
 * text starting with '=', '+', '@', or '-' — except a plain negative number, so "-12.5"
 * stays a number while "-A1" and "-2+3+cmd|…" are defused. Fields holding a comma, quote,
 * CR or LF are quoted with quotes doubled (RFC 4180).
 */
export function csvField(text: string): string {
  const c = text.charAt(0);
  const guarded = c === '=' || c === '+' || c === '@' || (c === '-' && !NEGATIVE_NUMBER.test(text)) ? `'${text}` : text;
  return csvQuoted(guarded);
}

/** A field kept exactly (an id another system matches on): only quoted when it must be. */
export function csvQuoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
