import type { TerritoryId } from '../model/ids';
import type { TerritoryTotals } from '../model/territory';

/** An account whose territory is set by name, overriding its cell's territory. */
export interface OverriddenAccount {
  cell: number;
  to: TerritoryId;
  values: Record<string, number>;
}

export interface TotalsInput {
  /** Territory id per cell, -1 when unassigned. */
  territoryOfCell: Int32Array;
  /** Accounts per cell. */
  cellAccounts: ArrayLike<number>;
  /** measure key → total per cell. */
  cellMeasures: Record<string, ArrayLike<number>>;
  overrides?: readonly OverriddenAccount[];
  /** Territories to report (a territory with no cells still gets a zero row). */
  territoryIds: readonly TerritoryId[];
}

/**
 * Sums accounts, cells and each measure per territory. Accounts moved by a named
 * override count for the territory they are moved to, not their cell's.
 */
export function computeTerritoryTotals(input: TotalsInput): TerritoryTotals[] {
  const keys = Object.keys(input.cellMeasures);
  const rows = new Map<TerritoryId, TerritoryTotals>();
  for (const id of input.territoryIds) {
    rows.set(id, { territoryId: id, accounts: 0, cells: 0, measures: Object.fromEntries(keys.map((k) => [k, 0])) });
  }
  const owner = input.territoryOfCell;
  for (let i = 0; i < owner.length; i++) {
    const row = rows.get(owner[i]!);
    if (!row) continue;
    row.cells++;
    const accounts = input.cellAccounts[i]!;
    if (accounts === 0) continue;
    row.accounts += accounts;
    for (const k of keys) row.measures[k]! += input.cellMeasures[k]![i]!;
  }
  for (const o of input.overrides ?? []) {
    const from = rows.get(owner[o.cell]!);
    const to = rows.get(o.to);
    if (from === to) continue;
    for (const [row, sign] of [[from, -1], [to, 1]] as const) {
      if (!row) continue;
      row.accounts += sign;
      for (const k of keys) row.measures[k]! += sign * (o.values[k] ?? 0);
    }
  }
  return input.territoryIds.map((id) => rows.get(id)!);
}
