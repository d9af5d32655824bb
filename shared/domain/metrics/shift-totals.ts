import type { TerritoryId } from '../model/ids';
import type { TerritoryTotals } from '../model/territory';

export interface CellFigures {
  accounts: ArrayLike<number>;
  measures: Record<string, ArrayLike<number>>;
}

/**
 * Territory totals as they would be if `cells` moved to `to` (null = unassigned): the
 * instant figures shown while a stroke is in progress, before the backend confirms.
 * Only the moved cells are visited, so the cost is O(moved × measures).
 * @returns new rows (the input is not modified), in the input's order
 */
export function shiftTotals<T extends Omit<TerritoryTotals, 'territoryId'> & { id: TerritoryId }>(
  rows: readonly T[],
  territoryOfCell: Int32Array,
  cells: readonly number[],
  to: TerritoryId | null,
  figures: CellFigures,
): T[] {
  const byId = new Map<TerritoryId, T>();
  const out = rows.map((r) => {
    const copy = { ...r, measures: { ...r.measures } };
    byId.set(r.id, copy);
    return copy;
  });
  const target = to === null ? undefined : byId.get(to);
  for (const cell of cells) {
    const from = byId.get(territoryOfCell[cell]!);
    if (from === target) continue;
    for (const [row, sign] of [[from, -1], [target, 1]] as const) {
      if (!row) continue;
      row.cells += sign;
      row.accounts += sign * figures.accounts[cell]!;
      for (const k of Object.keys(row.measures)) row.measures[k]! += sign * (figures.measures[k]?.[cell] ?? 0);
    }
  }
  return out;
}
