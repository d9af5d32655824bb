import type { AccountId } from './ids';

/** An account as stored: located, with numeric measures and text attributes. */
export interface Account {
  /** Exactly as imported (leading zeros, case and spaces kept). */
  id: AccountId;
  name: string;
  /** WGS84 degrees. */
  lat: number;
  lon: number;
  /** measure key → value; a missing key means "missing", not 0. */
  measures: Record<string, number>;
  attributes: Record<string, string>;
}
