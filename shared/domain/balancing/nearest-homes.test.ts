import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { unitVectors } from './geometry';
import { nearestHomes } from './transport-offsets';

/** Every home scored for every cell: what `nearestHomes` must reproduce exactly. */
function fullScan(units: Float64Array, homes: Int32Array, growing: number[], start: Int32Array, c: number): { near: number[][]; d2: number[][] } {
  const near: number[][] = [];
  const d2: number[][] = [];
  for (let i = 0; i < start.length; i++) {
    if (start[i]! >= 0) {
      near.push([]);
      d2.push([]);
      continue;
    }
    const scored = growing.map((t, j) => ({ t, j, d: (units[3 * i]! - units[3 * homes[t]!]!) ** 2 + (units[3 * i + 1]! - units[3 * homes[t]! + 1]!) ** 2 + (units[3 * i + 2]! - units[3 * homes[t]! + 2]!) ** 2 }));
    scored.sort((a, b) => a.d - b.d || a.j - b.j);
    near.push(scored.slice(0, c).map((s) => s.t));
    d2.push(scored.slice(0, c).map((s) => s.d));
  }
  return { near, d2 };
}

/** Cells scattered over a region with dense clumps, homes drawn from the cells (some shared, some clustered), a few cells fixed. */
function instance(seed: number, cells: number, k: number) {
  const rng = createRng(seed);
  const lat: number[] = [];
  const lon: number[] = [];
  const clumps = Array.from({ length: 5 }, () => [30 + rng.next() * 15, -120 + rng.next() * 45]);
  for (let i = 0; i < cells; i++) {
    if (rng.next() < 0.5) {
      const [a, b] = clumps[rng.int(clumps.length)]!;
      lat.push(a! + (rng.next() - 0.5) * 0.6);
      lon.push(b! + (rng.next() - 0.5) * 0.6);
    } else {
      lat.push(25 + rng.next() * 24);
      lon.push(-125 + rng.next() * 58);
    }
  }
  // An island far out, with no home near it.
  for (let i = 0; i < 20; i++) {
    lat.push(21 + rng.next() * 0.5);
    lon.push(-158 + rng.next() * 0.5);
  }
  const n = lat.length;
  const homes = Int32Array.from({ length: k }, (_, t) => (t % 7 === 3 ? rng.int(40) : rng.int(cells)));
  const start = Int32Array.from({ length: n }, () => (rng.next() < 0.05 ? rng.int(k) : -1));
  return { units: unitVectors(lat, lon), homes, start, n };
}

describe('nearest homes (cubes bounded by the triangle inequality)', () => {
  it.each([
    [1, 3000, 40, 10],
    [2, 3000, 200, 10],
    [3, 2000, 6, 10],
    [4, 5000, 500, 16],
    [5, 800, 25, 3],
  ])('seed %i (%i cells, %i homes, %i candidates): the same lists and distances as scanning every home', (seed, cells, k, c) => {
    const { units, homes, start, n } = instance(seed, cells, k);
    const growing = [...Array(k).keys()].filter((t) => t % 11 !== 5);
    const got = nearestHomes(units, homes, growing, start, c);
    const want = fullScan(units, homes, growing, start, got.c);
    expect(got.c).toBe(Math.min(c, growing.length));
    let mean = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(got.near.subarray(i * got.c, (i + 1) * got.c));
      if (start[i]! >= 0) {
        expect(row.every((t) => t === -1)).toBe(true);
        continue;
      }
      expect(row).toEqual(want.near[i]);
      for (let p = 0; p < got.c; p++) expect(got.nearKm[i * got.c + p]).toBeCloseTo(6371.0088 * Math.sqrt(want.d2[i]![p]!), 6);
      mean += got.nearKm[i * got.c]!;
      free++;
    }
    expect(got.meanNearestKm).toBeCloseTo(mean / free, 9);
  });
});
