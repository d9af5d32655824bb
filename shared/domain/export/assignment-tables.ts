import type { TableSheet } from './types';

/** A territory as the assignment tables name it. */
export interface TerritoryLabel {
  id: number;
  name: string;
  repId: string | null;
}

export interface AssignmentInput {
  /** Accounts (row i is one account): ids exactly as imported, names, study-area cell. */
  ids: readonly string[];
  names: readonly string[];
  cell: Int32Array;
  /** Territory per cell (-1 = unassigned). */
  territoryOfCell: Int32Array;
  /** account id → territory id, for accounts placed by name. */
  overrides: ReadonlyMap<string, number>;
  territories: readonly TerritoryLabel[];
  /** rep id → name. */
  repNames: ReadonlyMap<string, string>;
}

/** The territory an account belongs to: its override, else its cell's territory (-1 = none). */
function accountTerritory(input: Pick<AssignmentInput, 'cell' | 'territoryOfCell' | 'overrides'>, id: string, row: number): number {
  return input.overrides.get(id) ?? input.territoryOfCell[input.cell[row]!] ?? -1;
}

/**
 * The CRM assignment file: one row per account with its territory and rep (ids exactly
 * as imported; empty territory and rep for an account in no territory). Accounts keep
 * their order.
 */
export function assignmentsSheet(input: AssignmentInput): TableSheet {
  const byId = new Map(input.territories.map((t) => [t.id, t]));
  const rows = input.ids.map((id, row) => {
    const t = byId.get(accountTerritory(input, id, row));
    const repId = t?.repId ?? null;
    return [id, input.names[row] ?? '', t ? String(t.id) : '', t?.name ?? '', repId ?? '', repId !== null ? (input.repNames.get(repId) ?? '') : ''];
  });
  return { name: 'Assignments', header: ['account_id', 'account_name', 'territory_id', 'territory_name', 'rep_id', 'rep_name'], rows };
}

/**
 * Columns of the assignment file written exactly (never formula-guarded): the ids, and the
 * territory and rep names a CRM or the alignment import matches on. Only the account name
 * is guarded.
 */
export const ASSIGNMENT_ID_COLUMNS = [0, 2, 3, 4, 5] as const;

export interface PostalInput {
  /** Postal code per account as stored (null: the account was located by coordinates). */
  postal: readonly (string | null)[];
  cell: Int32Array;
  territoryOfCell: Int32Array;
  territories: readonly TerritoryLabel[];
  repNames: ReadonlyMap<string, string>;
  /** The canonical form of a code (e.g. US ZIP+4 → 5 digits), as the alignment import matches codes; null keeps the code as stored. */
  normalize?: (code: string) => string | null;
}

/**
 * Postal code → territory, for accounts located by postal code: one row per code, in code
 * order, with the territory of the cell holding most of the code's accounts (the code's
 * centroid) and the number of accounts. Accounts placed by name elsewhere do not move
 * their code. Empty when no account was located by postal code.
 */
export function postalSheet(input: PostalInput): TableSheet {
  const cells = new Map<string, Map<number, number>>();
  for (let i = 0; i < input.postal.length; i++) {
    const stored = input.postal[i]?.trim();
    if (!stored) continue;
    const code = input.normalize?.(stored) ?? stored;
    let count = cells.get(code);
    if (!count) cells.set(code, (count = new Map()));
    const c = input.cell[i]!;
    count.set(c, (count.get(c) ?? 0) + 1);
  }
  const byId = new Map(input.territories.map((t) => [t.id, t]));
  const codes = [...cells.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = codes.map((code) => {
    let best = -1;
    let bestCount = -1;
    let total = 0;
    for (const [c, n] of cells.get(code)!) {
      total += n;
      if (n > bestCount || (n === bestCount && c < best)) [best, bestCount] = [c, n];
    }
    const t = byId.get(input.territoryOfCell[best] ?? -1);
    const repId = t?.repId ?? null;
    return [code, t ? String(t.id) : '', t?.name ?? '', repId ?? '', repId !== null ? (input.repNames.get(repId) ?? '') : '', total];
  });
  return { name: 'Postal codes', header: ['postal_code', 'territory_id', 'territory_name', 'rep_id', 'rep_name', 'accounts'], rows };
}

/** Columns of the postal file written exactly: the code, the ids and the names matched on. */
export const POSTAL_ID_COLUMNS = [0, 1, 2, 3, 4] as const;
