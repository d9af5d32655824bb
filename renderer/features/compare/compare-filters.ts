import type { MovedAccounts } from '../../../shared/contract/scenario-api';

/** What the moved-accounts list is narrowed to. */
export interface MovedFilter {
  /** Case-insensitive text matched against the account's id and name (blank: all). */
  search: string;
  /** Territory id in the base (-1 = unassigned); null for any. */
  from: number | null;
  /** Territory id in the other scenario (-1 = unassigned); null for any. */
  to: number | null;
  /** Only accounts whose rep changes. */
  repOnly: boolean;
}

export const NO_FILTER: MovedFilter = { search: '', from: null, to: null, repOnly: false };

/**
 * One lower-cased search key per account (id and name joined by a separator that cannot be
 * typed), built once per comparison so each keystroke is a plain substring scan.
 */
export function movedSearchKeys(moved: Pick<MovedAccounts, 'ids' | 'names'>): string[] {
  const out = new Array<string>(moved.ids.length);
  for (let i = 0; i < out.length; i++) out[i] = `${moved.ids[i] ?? ''}\u0000${moved.names[i] ?? ''}`.toLocaleLowerCase();
  return out;
}

/**
 * Rows of the moved accounts that pass the filter, in their original order.
 * @param keys from {@link movedSearchKeys}; built here when not given
 */
export function filterMoved(
  moved: Pick<MovedAccounts, 'ids' | 'names' | 'from' | 'to' | 'repChanged'>,
  filter: MovedFilter,
  keys?: readonly string[],
): Int32Array {
  const needle = filter.search.trim().toLocaleLowerCase();
  const searchKeys = needle ? (keys ?? movedSearchKeys(moved)) : null;
  const n = moved.ids.length;
  const rows = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (filter.from !== null && moved.from[i] !== filter.from) continue;
    if (filter.to !== null && moved.to[i] !== filter.to) continue;
    if (filter.repOnly && !moved.repChanged[i]) continue;
    if (searchKeys && !searchKeys[i]!.includes(needle)) continue;
    rows[count++] = i;
  }
  return rows.slice(0, count);
}
