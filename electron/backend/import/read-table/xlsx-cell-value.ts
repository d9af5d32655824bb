/**
 * How the value of one Excel cell becomes text: numbers in their shortest form (never
 * with an exponent for whole numbers), date-formatted numbers as ISO dates, booleans
 * as TRUE / FALSE.
 */

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system for serials from 61 on (Excel counts a 29 Feb 1900 that never was). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Whether a number format shows a date or time: a built-in date format, or a format
 * code with d, m, y, h or s outside quoted text, `[…]` sections and escaped characters.
 *
 * @param numFmtId the format id of the cell's style
 * @param code the format code, for custom formats (id ≥ 164)
 */
export function isDateFormat(numFmtId: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(numFmtId)) return true;
  if (code === undefined) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  return /[dmyhs]/i.test(bare);
}

/**
 * A number cell's text as JavaScript's shortest form of it. Whole numbers below 1e21
 * never get an exponent; fractions are rounded to 15 significant digits (Excel's own
 * precision), so a stored 0.30000000000000004 reads 0.3.
 *
 * @param raw the text of the cell's `<v>`; returned as is when it is not a number
 */
export function formatNumber(raw: string): string {
  const value = Number(raw);
  if (raw.length === 0 || raw.charCodeAt(0) <= 32 || !Number.isFinite(value)) return raw;
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : raw;
  const text = String(value);
  return significantDigits(text) <= 15 ? text : String(Number(value.toPrecision(15)));
}

/** Significant digits in a number's decimal text (an exponent counts as too many). */
function significantDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101) return Infinity; // 'e'
    if (c >= 49 && c <= 57) digits++;
    else if (c === 48 && digits > 0) digits++;
  }
  return digits;
}

/**
 * A date serial as ISO text: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when it has a time
 * of day, or `HH:MM:SS` for a bare time (a serial below 1 in the 1900 system).
 * Times are rounded to the second.
 *
 * @param serial days since the workbook's epoch
 * @param date1904 whether the workbook uses the 1904 date system
 * @returns null when the serial is not a representable date
 */
export function formatExcelDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_466) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  const time = seconds === 0 ? '' : `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (!date1904) {
    if (days === 0) return time === '' ? null : time;
    if (days === 60) return `1900-02-29${time === '' ? '' : 'T' + time}`;
  }
  const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const date = new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
  return time === '' ? date : `${date}T${time}`;
}

/** The style facts a cell's text depends on. */
export interface CellContext {
  sharedStrings: readonly string[];
  /** Per cell style index (`s`): whether it formats numbers as dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/**
 * The text of one cell.
 *
 * @param type the cell's `t` attribute ('' when absent, meaning a number)
 * @param style the cell's `s` attribute as a number (0 when absent)
 * @param value the text of its `<v>`
 * @param inline the text of its `<is>` (inline strings)
 */
export function cellText(context: CellContext, type: string, style: number, value: string, inline: string): string {
  switch (type) {
    case 's':
      return context.sharedStrings[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : value === '' ? '' : 'FALSE';
    case 'd':
      return value.replace(/T00:00:00(\.0+)?Z?$/, '').replace(/(\.0+)?Z$/, '');
    default: {
      if (value === '') return inline;
      if (context.dateStyles[style] === true) {
        const date = formatExcelDate(Number(value), context.date1904);
        if (date !== null) return date;
      }
      return formatNumber(value);
    }
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
