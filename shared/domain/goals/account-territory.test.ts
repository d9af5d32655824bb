import { describe, expect, it } from 'vitest';
import { resolveAccountTerritories } from './account-territory';

describe('resolveAccountTerritories', () => {
  it('takes the cell’s territory unless the account is overridden', () => {
    const territoryOfCell = Int32Array.from([4, -1, 7]);
    const accountCell = Int32Array.from([0, 2, 1, -1, 2]);
    expect(Array.from(resolveAccountTerritories(accountCell, territoryOfCell))).toEqual([4, 7, -1, -1, 7]);
    const overrides = new Map([
      [1, 4],
      [3, 7],
    ]);
    expect(Array.from(resolveAccountTerritories(accountCell, territoryOfCell, overrides))).toEqual([4, 4, -1, 7, 7]);
  });

  it('rejects cells outside the study area and overrides of unknown accounts', () => {
    expect(() => resolveAccountTerritories(Int32Array.from([3]), Int32Array.from([1, 2]))).toThrow(RangeError);
    expect(() => resolveAccountTerritories(Int32Array.from([0]), Int32Array.from([1]), new Map([[1, 2]]))).toThrow(RangeError);
  });
});
