/**
 * The vocabulary of importing a table (CSV, TSV or an Excel sheet) into a workspace:
 * what each column means, and what went wrong with which cell of the file.
 */

/** What a file holds. */
export type ImportKind = 'accounts' | 'reps' | 'alignment';

/**
 * What one column means.
 * - accounts: id (required), name, latitude + longitude or postalCode (one of the two
 *   is required), country, measure, attribute.
 * - reps: id (required), name, latitude + longitude or postalCode, country, capacity, attribute.
 * - alignment: id (an account id) or postalCode as the key (exactly one), territory
 *   (required), rep (a rep id or name), region.
 */
export type FieldRole =
  | 'id'
  | 'name'
  | 'latitude'
  | 'longitude'
  | 'postalCode'
  | 'country'
  | 'measure'
  | 'attribute'
  | 'capacity'
  | 'territory'
  | 'rep'
  | 'region'
  | 'ignore';

export interface ColumnMapping {
  /** The column's header exactly as in the file. */
  column: string;
  role: FieldRole;
  /** For measures: the measure key; for attributes: the attribute name. */
  key?: string;
  /** For measures: the display label (defaults to the header). */
  label?: string;
}

/** How decimal numbers are written in the file. */
export interface NumberFormat {
  decimal: '.' | ',';
  /** Thousands separator accepted inside numbers ('' = none). */
  thousands: ',' | '.' | ' ' | "'" | '';
}

/** What an empty measure cell means. */
export type MissingRule = 'missing' | 'zero' | 'reject';

export interface ImportMapping {
  kind: ImportKind;
  columns: ColumnMapping[];
  numberFormat: NumberFormat;
  missing: MissingRule;
  /** ISO 3166-1 alpha-2 country of postal codes when no country column is mapped (default 'US'). */
  postalCountry?: string;
}

/** One problem with one cell (or a whole row) of an input file. */
export interface ImportIssue {
  /** Row number as a spreadsheet shows it: the header is row 1, the first record row 2. */
  row: number;
  /** The column's header; '' when the problem concerns the whole row. */
  column: string;
  /** The offending value as it appears in the file. */
  value: string;
  reason: string;
}

/** One record of a table, as text. */
export interface TableRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  values: string[];
}
