import { useMemo } from 'react';
import type { TerritorySummary } from '../../../shared/contract/api';
import { effectiveCellFigures } from '../../../shared/domain/metrics/effective-cell-figures';
import { shiftTotals } from '../../../shared/domain/metrics/shift-totals';
import { useAppStore } from '../../stores/use-app-store';

/** Per-cell figures without accounts placed by name elsewhere (they do not move with their cell). */
function useCellFigures() {
  const cells = useAppStore((s) => s.cells);
  const accounts = useAppStore((s) => s.accounts);
  const overrides = useAppStore((s) => s.assignment?.overrides);
  return useMemo(() => {
    if (!cells) return null;
    const figures = { accounts: cells.accounts, measures: cells.measures };
    if (!accounts || !overrides || overrides.length === 0) return figures;
    const pinned = [];
    for (const o of overrides) {
      const row = accounts.row.get(o.accountId);
      if (row === undefined) continue;
      const values: Record<string, number> = {};
      for (const [k, column] of Object.entries(accounts.measures)) values[k] = column[row]!;
      pinned.push({ cell: accounts.cell[row]!, values });
    }
    return effectiveCellFigures(figures, pinned);
  }, [cells, accounts, overrides]);
}

/**
 * The territory rows as they stand: while a stroke is in progress, the renderer's own
 * incremental sums (only the moved cells are visited); otherwise the backend's figures.
 * `changing` holds the territories the stroke touches.
 */
export function useLiveTerritories(): { territories: TerritorySummary[]; changing: Set<number> } {
  const confirmed = useAppStore((s) => s.territories);
  const preview = useAppStore((s) => s.preview);
  const assignment = useAppStore((s) => s.assignment);
  const figures = useCellFigures();
  return useMemo(() => {
    if (!preview || !assignment || !figures || preview.cells.length === 0) return { territories: confirmed, changing: new Set<number>() };
    const territories = shiftTotals(confirmed, assignment.territoryOfCell, preview.cells, preview.to, figures);
    const changing = new Set(territories.filter((x, i) => x.cells !== confirmed[i]!.cells).map((x) => x.id));
    return { territories, changing };
  }, [confirmed, preview, assignment, figures]);
}
