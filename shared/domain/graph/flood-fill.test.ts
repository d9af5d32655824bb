import { describe, expect, it } from 'vitest';
import { csr } from '../../../test/helpers/csr';
import { floodFill } from './flood-fill';

describe('floodFill', () => {
  // A ring of 10 cells, 0–1–…–9–0, listed so neighbours are not all in index order.
  const ring = csr(10, [[5, 6], [0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [6, 7], [7, 8], [8, 9], [9, 0]]);
  //                           0  1  2  3   4   5  6  7  8  9
  const territory = Int32Array.of(1, 1, 2, 2, -1, -1, 1, 1, 1, 3);

  it("returns only the seed's patch when its territory has another one elsewhere", () => {
    expect(floodFill(ring.offsets, ring.neighbors, territory, 0)).toEqual([0, 1]);
    expect(floodFill(ring.offsets, ring.neighbors, territory, 7)).toEqual([6, 7, 8]);
    expect(floodFill(ring.offsets, ring.neighbors, territory, 3)).toEqual([2, 3]);
  });

  it('grows across the wrap-around edge and returns the patch ascending', () => {
    const wrapped = Int32Array.of(4, 4, 2, 2, 2, 2, 2, 2, 4, 4);
    expect(floodFill(ring.offsets, ring.neighbors, wrapped, 9)).toEqual([0, 1, 8, 9]);
  });

  it('treats unassigned cells (-1) as one territory', () => {
    expect(floodFill(ring.offsets, ring.neighbors, territory, 5)).toEqual([4, 5]);
    expect(floodFill(ring.offsets, ring.neighbors, new Int32Array(10).fill(-1), 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('returns a lone cell whose neighbours are all other territories', () => {
    expect(floodFill(ring.offsets, ring.neighbors, territory, 9)).toEqual([9]);
    const isolated = csr(3, [[0, 1]]);
    expect(floodFill(isolated.offsets, isolated.neighbors, Int32Array.of(0, 0, 0), 2)).toEqual([2]);
  });

  it('returns null once the patch exceeds the limit, the patch when it fits', () => {
    expect(floodFill(ring.offsets, ring.neighbors, territory, 7, 3)).toEqual([6, 7, 8]);
    expect(floodFill(ring.offsets, ring.neighbors, territory, 7, 2)).toBeNull();
    expect(floodFill(ring.offsets, ring.neighbors, territory, 9, 1)).toEqual([9]);
    expect(floodFill(ring.offsets, ring.neighbors, territory, 9, 0)).toBeNull();
  });

  it('rejects a seed that is not a cell, a bad limit, or a territory array of the wrong length', () => {
    expect(() => floodFill(ring.offsets, ring.neighbors, territory, 10)).toThrow(RangeError);
    expect(() => floodFill(ring.offsets, ring.neighbors, territory, -1)).toThrow(RangeError);
    expect(() => floodFill(ring.offsets, ring.neighbors, territory, 1.5)).toThrow(RangeError);
    expect(() => floodFill(ring.offsets, ring.neighbors, territory, 0, -1)).toThrow(RangeError);
    expect(() => floodFill(ring.offsets, ring.neighbors, territory, 0, NaN)).toThrow(RangeError);
    expect(() => floodFill(ring.offsets, ring.neighbors, territory.subarray(0, 9), 0)).toThrow(RangeError);
  });
});
