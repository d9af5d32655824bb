import { describe, expect, it } from 'vitest';
import { computeTerritoryTotals } from './territory-totals';

describe('computeTerritoryTotals', () => {
  it('sums cells, accounts and measures per territory, honouring overrides', () => {
    const rows = computeTerritoryTotals({
      territoryOfCell: Int32Array.from([1, 1, 2, -1, 2]),
      cellAccounts: [2, 0, 1, 4, 3],
      cellMeasures: { revenue: [10, 0, 5, 100, 30], visits: [1, 0, 2, 9, 3] },
      overrides: [{ cell: 4, to: 1, values: { revenue: 7, visits: 1 } }],
      territoryIds: [1, 2, 3],
    });
    expect(rows).toEqual([
      { territoryId: 1, accounts: 3, cells: 2, measures: { revenue: 17, visits: 2 } },
      { territoryId: 2, accounts: 3, cells: 2, measures: { revenue: 28, visits: 4 } },
      { territoryId: 3, accounts: 0, cells: 0, measures: { revenue: 0, visits: 0 } },
    ]);
  });
});
