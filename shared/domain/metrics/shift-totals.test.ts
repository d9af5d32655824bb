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
