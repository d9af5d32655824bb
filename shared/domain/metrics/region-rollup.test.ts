import { describe, expect, it } from 'vitest';
import { rollUpRegions } from './region-rollup';

const t = (id: number, parentId: number | null, revenue: number) => ({ id, parentId, accounts: id, cells: 10 * id, areaKm2: 100, measures: { revenue } });

describe('rollUpRegions', () => {
  it('sums territories into their regions and gathers the rest', () => {
    const rows = rollUpRegions(
      [t(1, 1, 5), t(2, 1, 7), t(3, null, 11), t(4, 9, 13), t(5, 2, 0)],
      [
        { id: 2, name: 'West' },
        { id: 1, name: 'East' },
        { id: 3, name: 'Empty' },
      ],
    );
    expect(rows.map((r) => [r.name, r.territories, r.accounts, r.cells, r.areaKm2, r.measures.revenue ?? 0])).toEqual([
      ['West', [5], 5, 50, 100, 0],
      ['East', [1, 2], 3, 30, 200, 12],
      ['Empty', [], 0, 0, 0, 0],
      [null, [3, 4], 7, 70, 200, 24],
    ]);
  });

  it('has no "no region" row when every territory has a region', () => {
    expect(rollUpRegions([t(1, 1, 1)], [{ id: 1, name: 'A' }]).map((r) => r.regionId)).toEqual([1]);
  });
});
