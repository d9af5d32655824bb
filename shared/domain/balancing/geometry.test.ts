import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { nearestCells, unitVectors } from './geometry';

/** The nearest cell by scanning every cell (ties to the lower cell). */
function bruteForce(units: Float64Array, lat: number, lon: number): number {
  const [x, y, z] = unitVectors([lat], [lon]);
  let best = Infinity;
  let cell = -1;
  for (let i = 0; i < units.length / 3; i++) {
    const d = (units[3 * i]! - x!) ** 2 + (units[3 * i + 1]! - y!) ** 2 + (units[3 * i + 2]! - z!) ** 2;
    if (d < best) {
      best = d;
      cell = i;
    }
  }
  return cell;
}

describe('nearestCells', () => {
  it('finds the same cell as a full scan, for points inside, beside and far from the cells', () => {
    const rng = createRng(7);
    // A cloud of centroids over a country-sized box, a dense clump in it, and a few far islands.
    const lat: number[] = [];
    const lon: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      lat.push(25 + 24 * rng.next());
      lon.push(-124 + 57 * rng.next());
    }
    for (let i = 0; i < 2_000; i++) {
      lat.push(40.7 + 0.05 * rng.next());
      lon.push(-74 + 0.05 * rng.next());
    }
    lat.push(19.6, -33.9, 89.9);
    lon.push(-155.5, 151.2, 0);
    const units = unitVectors(lat, lon);
    const points = [
      ...Array.from({ length: 300 }, () => ({ lat: 20 + 34 * rng.next(), lon: -130 + 67 * rng.next() })),
      { lat: 40.72, lon: -73.98 },
      { lat: 21.3, lon: -157.8 }, // beside an island, far from the rest
      { lat: -45, lon: 170 }, // the other hemisphere
      { lat: 90, lon: 0 },
      { lat: -90, lon: 0 },
    ];
    const found = nearestCells(units, points);
    points.forEach((p, j) => expect(found[j], `point ${j} (${p.lat}, ${p.lon})`).toBe(bruteForce(units, p.lat, p.lon)));
  });

  it('gives a tie to the lower cell and -1 without cells', () => {
    const units = unitVectors([10, 10, 12], [20, 20, 22]);
    expect(Array.from(nearestCells(units, [{ lat: 10, lon: 20 }, { lat: 12.1, lon: 22 }]))).toEqual([0, 2]);
    expect(Array.from(nearestCells(new Float64Array(0), [{ lat: 0, lon: 0 }]))).toEqual([-1]);
  });
});
