import type { CellFigures } from './shift-totals';

/** An account placed by name: its cell and its values (they stay with its territory when its cell moves). */
export interface PinnedAccount {
  cell: number;
  values: Record<string, number>;
}

/**
 * Per-cell figures without the accounts placed by name elsewhere, so that moving a cell
 * moves only what really follows the cell. Returns the input unchanged when nothing is pinned.
 */
export function effectiveCellFigures(figures: CellFigures, pinned: readonly PinnedAccount[]): CellFigures {
  if (pinned.length === 0) return figures;
  const accounts = Float64Array.from(figures.accounts);
  const measures: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(figures.measures)) measures[k] = Float64Array.from(v);
  for (const p of pinned) {
    accounts[p.cell]! -= 1;
    for (const [k, column] of Object.entries(measures)) {
      const v = p.values[k];
      if (v !== undefined && Number.isFinite(v)) column[p.cell]! -= v;
    }
  }
  return { accounts, measures };
}
