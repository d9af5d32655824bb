import { describe, expect, it } from 'vitest';
import type { MovedAccounts } from '../../../shared/contract/scenario-api';
import { filterMoved, movedSearchKeys, NO_FILTER } from './compare-filters';

const moved: MovedAccounts = {
  ids: ['A-1', 'A-2', 'B-7', 'c-10', 'D-3'],
  names: ['Müller GmbH', 'Acme Corp', 'Bakery Ünal', 'Corner shop', 'Dental Clinic'],
  from: Int32Array.of(1, 1, 2, -1, 3),
  to: Int32Array.of(2, 3, 1, 2, -1),
  repChanged: Uint8Array.of(1, 0, 1, 1, 0),
  measures: { sales: Float64Array.of(10, 20, 30, 40, Number.NaN) },
};
const rows = (f: Partial<typeof NO_FILTER>) => Array.from(filterMoved(moved, { ...NO_FILTER, ...f }));

describe('moved accounts filter', () => {
  it('keeps every row without a filter', () => {
    expect(rows({})).toEqual([0, 1, 2, 3, 4]);
    expect(rows({ search: '   ' })).toEqual([0, 1, 2, 3, 4]);
  });

  it('searches id and name, ignoring case and surrounding blanks', () => {
    expect(rows({ search: 'a-' })).toEqual([0, 1]);
    expect(rows({ search: ' C-10 ' })).toEqual([3]);
    expect(rows({ search: 'müller' })).toEqual([0]);
    expect(rows({ search: 'ünal' })).toEqual([2]);
    expect(rows({ search: 'corp' })).toEqual([1]);
    expect(rows({ search: 'zzz' })).toEqual([]);
  });

  it('does not match across the id and name boundary', () => {
    expect(rows({ search: '1m' })).toEqual([]);
    expect(rows({ search: '1\u0000m' })).toEqual([0]);
  });

  it('filters by from and to territory, with -1 meaning unassigned', () => {
    expect(rows({ from: 1 })).toEqual([0, 1]);
    expect(rows({ to: 2 })).toEqual([0, 3]);
    expect(rows({ from: 1, to: 3 })).toEqual([1]);
    expect(rows({ from: -1 })).toEqual([3]);
    expect(rows({ to: -1 })).toEqual([4]);
    expect(rows({ from: 9 })).toEqual([]);
  });

  it('keeps only rep changes when asked, and combines every filter', () => {
    expect(rows({ repOnly: true })).toEqual([0, 2, 3]);
    expect(rows({ repOnly: true, to: 2, search: 'shop' })).toEqual([3]);
  });

  it('uses precomputed search keys', () => {
    const keys = movedSearchKeys(moved);
    expect(keys[0]).toBe('a-1\u0000müller gmbh');
    expect(Array.from(filterMoved(moved, { ...NO_FILTER, search: 'dental' }, keys))).toEqual([4]);
  });

  it('returns an Int32Array sized to the matches', () => {
    const out = filterMoved(moved, { ...NO_FILTER, from: 1 });
    expect(out).toBeInstanceOf(Int32Array);
    expect(out.length).toBe(2);
  });
});
