import { describe, expect, it } from 'vitest';
import { computeTerritoryTotals } from './territory-totals';
import { shiftTotals } from './shift-totals';

describe('shiftTotals', () => {
  const accounts = [1, 2, 0, 4, 5];
  const measures = { revenue: [10, 20, 0, 40, 50] };
  const owner = Int32Array.from([1, 1, 2, 2, -1]);
  const rows = computeTerritoryTotals({ territoryOfCell: owner, cellAccounts: accounts, cellMeasures: measures, territoryIds: [1, 2] }).map(
    ({ territoryId, ...r }) => ({ id: territoryId, ...r }),
  );

  it('equals recomputing from scratch after the move', () => {
    for (const [cells, to] of [[[0, 3, 4], 2], [[1, 2], null], [[2, 3], 1]] as [number[], number | null][]) {
      const moved = owner.slice();
      for (const c of cells) moved[c] = to ?? -1;
      const expected = computeTerritoryTotals({ territoryOfCell: moved, cellAccounts: accounts, cellMeasures: measures, territoryIds: [1, 2] });
      const shifted = shiftTotals(rows, owner, cells, to, { accounts, measures });
      expect(shifted.map(({ id, ...r }) => ({ territoryId: id, ...r }))).toEqual(expected);
    }
  });

  it('leaves its input untouched', () => {
    const before = JSON.stringify(rows);
    shiftTotals(rows, owner, [0, 1], 2, { accounts, measures });
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('shiftTotals with accounts placed by name', () => {
  it('moves a cell without the account pinned to another territory', async () => {
    const { effectiveCellFigures } = await import('./effective-cell-figures');
    const { computeTerritoryTotals } = await import('./territory-totals');
    // Cells 0,1 → T1; cells 2,3 → T2. Cell 1 holds 3 accounts (revenue 10 + 20 + 5); the 20 one is pinned to T2.
    const owner = Int32Array.from([1, 1, 2, 2]);
    const cellAccounts = Uint32Array.from([1, 3, 0, 2]);
    const revenue = Float64Array.from([7, 35, 0, 4]);
    const overrides = [{ cell: 1, to: 2, values: { revenue: 20 } }];
    const before = computeTerritoryTotals({ territoryOfCell: owner, cellAccounts, cellMeasures: { revenue }, overrides, territoryIds: [1, 2] });
    const rows = before.map(({ territoryId, ...r }) => ({ id: territoryId, ...r }));
    const figures = effectiveCellFigures({ accounts: cellAccounts, measures: { revenue } }, [{ cell: 1, values: { revenue: 20 } }]);
    const shifted = shiftTotals(rows, owner, [1], 2, figures);
    const moved = Int32Array.from([1, 2, 2, 2]);
    const after = computeTerritoryTotals({ territoryOfCell: moved, cellAccounts, cellMeasures: { revenue }, overrides, territoryIds: [1, 2] });
    expect(shifted.map((r) => [r.accounts, r.measures.revenue])).toEqual(after.map((r) => [r.accounts, r.measures.revenue]));
    expect(after.map((r) => r.measures.revenue)).toEqual([7, 39]);
  });
});
