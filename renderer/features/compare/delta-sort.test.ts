import { describe, expect, it } from 'vitest';
import type { TerritoryDelta } from '../../../shared/contract/scenario-api';
import { deltaSortValue, sortDeltas, type DeltaSort } from './delta-sort';

function delta(id: number, name: string, over: Partial<TerritoryDelta> = {}): TerritoryDelta {
  return {
    id,
    name,
    names: { before: name, after: name },
    color: '#336699',
    colors: { before: '#336699', after: '#336699' },
    inBase: true,
    inOther: true,
    rep: { before: null, after: null },
    accounts: { before: 10, after: 10 },
    cells: { before: 5, after: 5 },
    measures: { sales: { before: 100, after: 100 } },
    deviation: { sales: { before: 0, after: 0 } },
    travelKm: { before: null, after: null },
    gained: 0,
    lost: 0,
    ...over,
  };
}

const list: TerritoryDelta[] = [
  delta(1, 'North', { measures: { sales: { before: 100, after: 160 } }, deviation: { sales: { before: 0.1, after: -0.3 } }, accounts: { before: 10, after: 12 }, rep: { before: 'r2', after: 'r2' } }),
  delta(2, 'east', { measures: { sales: { before: 100, after: 40 } }, deviation: { sales: { before: 0, after: 0.2 } }, accounts: { before: 10, after: 3 }, rep: { before: 'r1', after: 'r1' } }),
  delta(3, 'South', { measures: { sales: { before: 100, after: 100 } }, deviation: { sales: { before: 0.4, after: null } }, inOther: false }),
  delta(4, 'West', { measures: { sales: { before: 0, after: 10 } }, deviation: { sales: { before: null, after: 0.05 } }, inBase: false, accounts: { before: 0, after: 2 } }),
];
const sorted = (sort: Partial<DeltaSort>) => sortDeltas(list, { key: 'name', desc: false, deviationKey: 'sales', ...sort }).map((x) => x.id);

describe('territory delta sort', () => {
  it('sorts by name, case-insensitively by locale', () => {
    expect(sorted({ key: 'name' })).toEqual([2, 1, 3, 4]);
    expect(sorted({ key: 'name', desc: true })).toEqual([4, 3, 1, 2]);
  });

  it('sorts by the change of a measure', () => {
    expect(sorted({ key: 'm:sales' })).toEqual([2, 3, 4, 1]);
    expect(sorted({ key: 'm:sales', desc: true })).toEqual([1, 4, 3, 2]);
  });

  it('sorts by |deviation after|, territories without one last either way', () => {
    expect(sorted({ key: 'deviation' })).toEqual([4, 2, 1, 3]);
    expect(sorted({ key: 'deviation', desc: true })).toEqual([1, 2, 4, 3]);
    expect(deltaSortValue(list[0]!, { key: 'deviation', deviationKey: 'sales' })).toBeCloseTo(0.3);
    expect(deltaSortValue(list[0]!, { key: 'deviation', deviationKey: null })).toBeNull();
  });

  it('sorts by account change and by rep name, keeping ties in comparison order', () => {
    expect(sorted({ key: 'accounts' })).toEqual([2, 3, 1, 4]);
    const names = new Map([['r1', 'Zoe'], ['r2', 'Adam']]);
    expect(sortDeltas(list, { key: 'rep', desc: false, deviationKey: null }, (id) => names.get(id) ?? id).map((x) => x.id)).toEqual([1, 2, 3, 4]);
    expect(sorted({ key: 'gained' })).toEqual([1, 2, 3, 4]);
  });

  it('leaves the input untouched', () => {
    const before = list.map((x) => x.id);
    sorted({ key: 'm:sales', desc: true });
    expect(list.map((x) => x.id)).toEqual(before);
  });
});
