/** The length of a reporting period. */
export type PeriodKind = 'month' | 'quarter';

/** A parsed reporting period. */
export interface Period {
  /** Canonical key: `2026-03` for a month, `2026-Q1` for a quarter. */
  key: string;
  kind: PeriodKind;
  year: number;
  /** 1-based: month 1–12 or quarter 1–4. */
  index: number;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/**
 * Reads a period label as found in imported result files. The text is trimmed, runs of
 * whitespace count as one space, and letters may be in any case. Accepted (Y = a 4-digit
 * year, M = a 1–2 digit month, Q = a quarter digit 1–4, sep = `-`, `/` or `.`):
 * - months: `2026-03`, `2026/3`, `2026.03` (Y sep M); `03/2026`, `3-2026` (M sep Y);
 *   `202603` (YYYYMM); `2026-M03`, `2026M3`; `Mar 2026`, `March 2026`, `Sept. 2026`,
 *   `mar-2026`, `Mar2026`, `2026 Mar` (English names or 3-letter abbreviations, with
 *   a space, `-`, `/`, `.`, `,` or nothing between name and year);
 * - dates → their month: `2026-03-15`, `2026/03/15`, `2026.3.15` (year first, the same
 *   separator twice, a real calendar day), optionally followed by a time
 *   (`2026-03-15T10:30:00Z`, `2026-03-15 10:30`);
 * - quarters: `2026-Q1`, `2026Q1`, `2026 Q1`, `2026/Q1`; `Q1 2026`, `Q1-2026`, `Q1/2026`,
 *   `Q12026`; `1Q2026`, `1Q 2026`.
 * Rejected (→ null): 2-digit years (`1Q26`, `Mar-26`, `03/26`: the century and, for
 * `Mar-26`, day-vs-year are ambiguous), day-month or month-day dates (`15/03/2026`,
 * `03/15/2026`: ambiguous), month 0 or 13+, quarter 0 or 5+, impossible days
 * (`2026-02-30`), years outside 1900–2200, and anything else.
 * @param text the label as imported
 * @returns the period with its canonical key, or null when the text is not an accepted
 *   spelling of a valid period
 * @example parsePeriod(' q3 2025 '); // { key: '2025-Q3', kind: 'quarter', year: 2025, index: 3 }
 */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().replace(/\s+/g, ' ').toLowerCase();
  let m: RegExpExecArray | null;

  // Quarters first: `2026q1` must not be read as a month name.
  if ((m = /^(\d{4})[-/ ]?q(\d)$/.exec(s))) return quarter(m[1]!, m[2]!);
  if ((m = /^q(\d)[-/ ]?(\d{4})$/.exec(s))) return quarter(m[2]!, m[1]!);
  if ((m = /^(\d)q ?(\d{4})$/.exec(s))) return quarter(m[2]!, m[1]!);

  if ((m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:z|[+-]\d{2}:?\d{2}))?)?$/.exec(s))) {
    const p = month(m[1]!, m[3]!);
    const day = Number(m[4]!);
    return p && day >= 1 && day <= daysInMonth(p.year, p.index) ? p : null;
  }
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(s))) return month(m[1]!, m[2]!);
  if ((m = /^(\d{1,2})[-/.](\d{4})$/.exec(s))) return month(m[2]!, m[1]!);
  if ((m = /^(\d{4})(\d{2})$/.exec(s))) return month(m[1]!, m[2]!);
  if ((m = /^(\d{4})-?m(\d{1,2})$/.exec(s))) return month(m[1]!, m[2]!);
  if ((m = /^([a-z]+)\.?[ \-/.,]*(\d{4})$/.exec(s))) return named(m[2]!, m[1]!);
  if ((m = /^(\d{4})[ \-/.,]*([a-z]+)\.?$/.exec(s))) return named(m[1]!, m[2]!);
  return null;
}

/**
 * Periods per year of a kind.
 * @returns 12 for months, 4 for quarters
 */
export function periodsPerYear(kind: PeriodKind): 12 | 4 {
  return kind === 'month' ? 12 : 4;
}

/**
 * Position of a period on its kind's calendar: consecutive periods of one kind differ by 1
 * (`2025-12` → `2026-01` and `2025-Q4` → `2026-Q1` both step by one).
 * @returns year × periodsPerYear + index − 1
 */
export function periodOrdinal(period: Period): number {
  return period.year * periodsPerYear(period.kind) + period.index - 1;
}

/**
 * Orders periods chronologically by the first month they cover; a quarter sorts before
 * the month it starts with (`2026-Q1` < `2026-01` < `2026-02` < `2026-Q2`). Usable as an
 * `Array.prototype.sort` comparator.
 * @param a a period or any spelling {@link parsePeriod} accepts
 * @param b likewise
 * @returns negative when a is earlier, positive when later, 0 when the same period
 * @throws RangeError when a string is not a period
 */
export function comparePeriods(a: string | Period, b: string | Period): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  const start = (p: Period) => p.year * 12 + (p.kind === 'month' ? p.index - 1 : (p.index - 1) * 3);
  return start(pa) - start(pb) || (pa.kind === pb.kind ? 0 : pa.kind === 'quarter' ? -1 : 1);
}

/**
 * The quarter a month falls in; a quarter is returned as is.
 * @param monthKey a month (or quarter) in any spelling {@link parsePeriod} accepts
 * @returns the canonical quarter key, e.g. `2026-Q1` for `2026-03`
 * @throws RangeError when the text is not a period
 */
export function quarterOf(monthKey: string): string {
  const p = toPeriod(monthKey);
  return p.kind === 'quarter' ? p.key : `${p.year}-Q${Math.ceil(p.index / 3)}`;
}

function toPeriod(value: string | Period): Period {
  if (typeof value !== 'string') return value;
  const p = parsePeriod(value);
  if (!p) throw new RangeError(`"${value}" is not a period.`);
  return p;
}

function validYear(text: string): number | null {
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

function month(yearText: string, monthText: string): Period | null {
  const year = validYear(yearText);
  const index = Number(monthText);
  if (year === null || !(index >= 1 && index <= 12)) return null;
  return { key: `${year}-${String(index).padStart(2, '0')}`, kind: 'month', year, index };
}

function quarter(yearText: string, quarterText: string): Period | null {
  const year = validYear(yearText);
  const index = Number(quarterText);
  if (year === null || !(index >= 1 && index <= 4)) return null;
  return { key: `${year}-Q${index}`, kind: 'quarter', year, index };
}

function named(yearText: string, name: string): Period | null {
  const index = Object.hasOwn(MONTH_NAMES, name) ? MONTH_NAMES[name]! : undefined;
  return index === undefined ? null : month(yearText, String(index));
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
}
