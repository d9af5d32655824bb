import type { NumberFormat } from './types';

/**
 * Reading numbers as CRM exports write them: decimal point or comma, thousands
 * separators, currency signs and codes, accounting parentheses, trailing minus.
 */

/** The outcome of reading one cell as a number. */
export type ParsedNumber = { kind: 'missing' } | { kind: 'number'; value: number } | { kind: 'invalid'; reason: string };

const MISSING: ParsedNumber = { kind: 'missing' };

/** Cell texts (compared lower-case) that mean "no value". */
const MISSING_WORDS = new Set(['', '-', '--', '—', '–', 'n/a', 'na', '#n/a', 'null', 'nan', 'none']);

/** Currency signs and ISO codes accepted before or after a number (upper case, longest first). */
const CURRENCIES = [
  'US$', 'NZ$', 'HK$', 'R$', 'A$', 'C$', 'S$', 'FR.', 'ZŁ', 'KČ', 'KR',
  '$', '€', '£', '¥', '₹', '₽', '₩', '₺', '₪', '₫', '₱', '₴', '₦', '₣', '¢',
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'INR', 'RUB', 'BRL', 'CAD', 'AUD', 'NZD', 'CHF',
  'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'MXN', 'ARS', 'CLP', 'COP', 'PEN',
  'ZAR', 'SGD', 'HKD', 'KRW', 'TRY', 'ILS', 'AED', 'SAR', 'THB', 'IDR', 'MYR', 'PHP', 'VND', 'TWD', 'UAH',
].sort((a, b) => b.length - a.length);

const SIGNS = '+-−';
/** Characters a currency token can start with (upper case). */
const CURRENCY_FIRST = new Set(CURRENCIES.map((c) => c.charAt(0)));
/** Characters a currency token can end with (upper case). */
const CURRENCY_LAST = new Set(CURRENCIES.map((c) => c.charAt(c.length - 1)));
const LETTER = /\p{L}/u;
const SPACE = /\s/;
const EXPONENT = /^[+-]?\d{1,4}$/;

/** Characters accepted as each kind of thousands separator. */
const GROUP_CHARS: Record<NumberFormat['thousands'], string> = {
  ',': ',',
  '.': '.',
  ' ': ' \u00a0\u202f\u2009',
  "'": "'’",
  '': '',
};

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Character codes of the decimal mark and the (up to four) thousands separators of a format; -1 = unused. */
type Codes = [decimal: number, s1: number, s2: number, s3: number, s4: number];

function codes(decimal: NumberFormat['decimal'], thousands: NumberFormat['thousands']): Codes {
  const seps = [...GROUP_CHARS[thousands]].map((c) => c.charCodeAt(0));
  return [decimal.charCodeAt(0), seps[0] ?? -1, seps[1] ?? -1, seps[2] ?? -1, seps[3] ?? -1];
}

const CODES: Record<NumberFormat['decimal'], Record<NumberFormat['thousands'], Codes>> = {
  '.': { ',': codes('.', ','), '.': codes('.', '.'), ' ': codes('.', ' '), "'": codes('.', "'"), '': codes('.', '') },
  ',': { ',': codes(',', ','), '.': codes(',', '.'), ' ': codes(',', ' '), "'": codes(',', "'"), '': codes(',', '') },
};

/** Exact powers of ten 10^0 … 10^15. */
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The currency token `s` starts with (letters must not run on into a word), or ''. */
function currencyPrefix(s: string): string {
  if (!CURRENCY_FIRST.has(s.charAt(0).toUpperCase())) return '';
  const head = s.slice(0, 3).toUpperCase();
  for (const c of CURRENCIES) {
    if (head.startsWith(c) && !(LETTER.test(c) && LETTER.test(s.charAt(c.length)))) return c;
  }
  return '';
}

/** The currency token `s` ends with (letters must not run on into a word), or ''. */
function currencySuffix(s: string): string {
  if (!CURRENCY_LAST.has(s.charAt(s.length - 1).toUpperCase())) return '';
  const tail = s.slice(-3).toUpperCase();
  for (const c of CURRENCIES) {
    if (tail.endsWith(c) && !(LETTER.test(c) && LETTER.test(s.charAt(s.length - c.length - 1)))) return c;
  }
  return '';
}

/** Human-readable name of a format, e.g. "decimal comma, thousands '.'". */
export function describeNumberFormat(f: NumberFormat): string {
  const decimal = f.decimal === ',' ? 'decimal comma' : 'decimal point';
  const thousands =
    f.thousands === '' ? 'no thousands separator'
    : f.thousands === ' ' ? 'thousands space'
    : f.thousands === "'" ? 'thousands apostrophe'
    : `thousands '${f.thousands}'`;
  return `${decimal}, ${thousands}`;
}

const invalid = (reason: string): ParsedNumber => ({ kind: 'invalid', reason });

/** True when the digit groups of an integer part (split at its thousands separators) sit right. */
function validGrouping(parts: string[], indian: boolean): boolean {
  const last = parts.length - 1;
  if (parts.every((p, i) => (i === 0 ? p.length >= 1 && p.length <= 3 : p.length === 3))) return true;
  // Indian grouping: 12,34,567 — the last group has 3 digits, the ones before it 2.
  return indian && last >= 2 && parts[0]!.length >= 1 && parts[0]!.length <= 2 && parts[last]!.length === 3
    && parts.slice(1, last).every((p) => p.length === 2);
}

/** Reads the bare digits of a number (no sign, currency or percent). */
function parseCore(core: string, f: NumberFormat): ParsedNumber {
  let mantissa = core;
  let exponent = '';
  const e = core.search(/[eE]/);
  if (e >= 0) {
    mantissa = core.slice(0, e);
    exponent = core.slice(e + 1);
    if (mantissa === '' || !EXPONENT.test(exponent)) return invalid('not a number');
  }
  const groups = GROUP_CHARS[f.thousands];
  let int = '';
  let frac = '';
  let decimals = 0;
  const parts: string[] = [''];
  for (const c of mantissa) {
    if (isDigit(c)) {
      if (decimals > 0) frac += c;
      else {
        int += c;
        parts[parts.length - 1] += c;
      }
    } else if (c === f.decimal) {
      decimals++;
    } else if (groups.includes(c)) {
      if (decimals > 0) return invalid('thousands separator after the decimal separator');
      parts.push('');
    } else if (c === '.' || c === ',' || c === "'" || SPACE.test(c)) {
      return invalid(`unexpected '${c}' for ${describeNumberFormat(f)}`);
    } else {
      return invalid('not a number');
    }
  }
  if (decimals > 1) return invalid('two decimal separators');
  if (int === '' && frac === '') return invalid('not a number');
  if (parts.length > 1 && !validGrouping(parts, f.thousands === ',')) return invalid('misplaced thousands separator');
  const value = Number(`${int || '0'}${frac ? `.${frac}` : ''}${exponent ? `e${exponent}` : ''}`);
  return Number.isFinite(value) ? { kind: 'number', value } : invalid('number too large');
}

/**
 * The value of a cell written in one of the common shapes of format `f` (digits, a
 * leading minus, a decimal part, thousands separators in place), else NaN: then
 * {@link parseNumber} says what the cell holds. For reading many cells without allocating.
 */
export function quickNumber(text: string, f: NumberFormat): number {
  const s = text.trim();
  const c = CODES[f.decimal]?.[f.thousands];
  if (!c) return Number.NaN;
  const dec = c[0];
  const s1 = c[1];
  const s2 = c[2];
  const s3 = c[3];
  const s4 = c[4];
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = i === 1;
  let mantissa = 0;
  let digits = 0;
  let lead = 0; // digits before the first separator or the decimal mark
  let group = -1; // digits since the last thousands separator; -1 before the first
  let fraction = -1; // digits after the decimal mark; -1 before it
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      if (fraction >= 0) fraction++;
      else if (group >= 0) group++;
      else lead++;
    } else if (ch === dec && fraction < 0) {
      if (lead === 0 || (group >= 0 && group !== 3)) return Number.NaN;
      fraction = 0;
    } else if (fraction < 0 && (ch === s1 || ch === s2 || ch === s3 || ch === s4)) {
      if (group >= 0 ? group !== 3 : lead === 0 || lead > 3) return Number.NaN;
      group = 0;
    } else {
      return Number.NaN;
    }
  }
  // Up to 15 digits the integer mantissa and 10^k are exact, so one division rounds correctly.
  if (digits === 0 || digits > 15 || fraction === 0 || (fraction < 0 && group >= 0 && group !== 3)) return Number.NaN;
  const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  return negative && value !== 0 ? -value : value;
}

/**
 * Reads one cell as a number written in format `f`.
 *
 * Empty cells and `-`, `—`, `n/a`, `NA`, `null`, `#N/A`, `NaN`, `none` (any case) are
 * missing. Accepted around the digits: a currency sign or ISO code before or after
 * (`$12`, `12 €`, `R$ 1.234,50`, `USD 12`), a sign before or after the currency or at
 * the end (`-$5`, `$-5`, `5-`), accounting parentheses for negatives (`(1,234.00)`), and a
 * percent sign — the value stays as written, so `12%` reads as 12, not 0.12. Exponent
 * notation (`1.5E3`) is accepted. Thousands separators must sit between groups of three
 * digits (or Indian groups, `12,34,567`, when the separator is ','); spaces include the
 * no-break spaces U+00A0, U+202F and the thin space U+2009.
 */
export function parseNumber(text: string, f: NumberFormat): ParsedNumber {
  const quick = quickNumber(text, f);
  if (!Number.isNaN(quick)) return { kind: 'number', value: quick };
  let s = text.trim();
  if (s.length <= 4 && MISSING_WORDS.has(s.toLowerCase())) return MISSING;

  let signs = 0;
  let negative = false;
  let open = 0;
  let close = 0;
  let currencies = 0;
  let percents = 0;
  for (;;) {
    s = s.trimStart();
    const c = s.charAt(0);
    if (isDigit(c)) break;
    if (c !== '' && SIGNS.includes(c)) {
      signs++;
      negative = c !== '+';
      s = s.slice(1);
    } else if (c === '(') {
      open++;
      s = s.slice(1);
    } else {
      const token = currencyPrefix(s);
      if (token === '') break;
      currencies++;
      s = s.slice(token.length);
    }
  }
  for (;;) {
    s = s.trimEnd();
    const c = s.charAt(s.length - 1);
    if (isDigit(c)) break;
    if (c !== '' && SIGNS.includes(c)) {
      signs++;
      negative = c !== '+';
      s = s.slice(0, -1);
    } else if (c === ')') {
      close++;
      s = s.slice(0, -1);
    } else if (c === '%') {
      percents++;
      s = s.slice(0, -1);
    } else {
      const token = currencySuffix(s);
      if (token === '') break;
      currencies++;
      s = s.slice(0, -token.length);
    }
  }
  if (s === '') return invalid('not a number');
  if (signs > 1) return invalid('more than one sign');
  if (open > 1 || open !== close) return invalid('unbalanced parentheses');
  if (open > 0 && signs > 0) return invalid('both a sign and parentheses');
  if (currencies > 1) return invalid('more than one currency');
  if (percents > 1) return invalid('more than one percent sign');
  if (percents > 0 && currencies > 0) return invalid('both a currency and a percent sign');

  const core = parseCore(s, f);
  if (core.kind !== 'number' || !(negative || open > 0) || core.value === 0) return core;
  return { kind: 'number', value: -core.value };
}

/** Formats a sample must be readable under to count as evidence. */
const CANDIDATES: NumberFormat[] = [
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '.' },
  { decimal: '.', thousands: ' ' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: "'" },
  { decimal: ',', thousands: "'" },
];

const NUMBER_RUN = /\d(?:[\d.,'’\s]*\d)?/;

/**
 * Decides how the numbers in a file are written, from sample cell texts of its
 * numeric-looking columns. Evidence: both '.' and ',' in one number (the last one is the
 * decimal), a separator used twice (thousands), one separator followed by other than
 * three digits or after a leading 0 (decimal), spaces or apostrophes between digit
 * groups (thousands). A single separator followed by exactly three digits ("1,234") is
 * ambiguous and decided by the other samples; samples readable under no format (dates,
 * text) are skipped. Without evidence: decimal point. The thousands separator defaults
 * to the one that is not the decimal (',' or '.'); detection never returns ''.
 */
export function detectNumberFormat(samples: readonly string[]): NumberFormat {
  let comma = 0;
  let dot = 0;
  const thousands = { ',': 0, '.': 0, ' ': 0, "'": 0 };
  for (const sample of samples) {
    const t = sample.trim();
    if (!/\d/.test(t) || !CANDIDATES.some((f) => parseNumber(t, f).kind === 'number')) continue;
    const run = NUMBER_RUN.exec(t)?.[0] ?? '';
    const commas = run.split(',').length - 1;
    const dots = run.split('.').length - 1;
    const spaced = /\d\s+\d/.test(run);
    const apostrophes = /\d['’]\d/.test(run);
    if (spaced) thousands[' ']++;
    if (apostrophes) thousands["'"]++;
    const grouped = spaced || apostrophes;
    if (commas > 0 && dots > 0) {
      if (run.lastIndexOf(',') > run.lastIndexOf('.')) {
        comma++;
        thousands['.']++;
      } else {
        dot++;
        thousands[',']++;
      }
    } else if (commas + dots > 0) {
      const sep = commas > 0 ? ',' : '.';
      const other = sep === ',' ? '.' : ',';
      const vote = (decimal: ',' | '.'): void => void (decimal === ',' ? comma++ : dot++);
      const at = run.indexOf(sep);
      if (commas + dots > 1) {
        vote(other);
        thousands[sep]++;
      } else if (run.length - at - 1 !== 3 || run.startsWith('0') || grouped || /\D/.test(run.slice(at + 1))) {
        vote(sep);
      }
    }
  }
  const decimal = comma > dot ? ',' : '.';
  let best: keyof typeof thousands = decimal === '.' ? ',' : '.';
  for (const t of [' ', "'"] as const) if (thousands[t] > thousands[best]) best = t;
  return { decimal, thousands: best };
}
