import { describe, expect, it } from 'vitest';
import { cellsInPolygon, cellsInRectangle } from './cells-in-polygon';

/** Centroids on the integer grid x, y ∈ [0, size), cell index y * size + x. */
function grid(size: number): { lat: Float64Array; lon: Float64Array } {
  const lat = new Float64Array(size * size);
  const lon = new Float64Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      lat[y * size + x] = y;
      lon[y * size + x] = x;
    }
  }
  return { lat, lon };
}

/** Reference even–odd test visiting every edge: the naive version of the banded one. */
function naiveInside(x: number, y: number, polygon: readonly (readonly [number, number])[]): boolean {
  let odd = false;
  for (let k = 0, j = polygon.length - 1; k < polygon.length; j = k++) {
    const [x1, y1] = polygon[k]!;
    const [x2, y2] = polygon[j]!;
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) odd = !odd;
  }
  return odd;
}

describe('cellsInPolygon', () => {
  const { lat, lon } = grid(10);
  const cell = (x: number, y: number) => y * 10 + x;

  it('selects the centroids inside a square, ascending, open or closed', () => {
    const open: [number, number][] = [[1.5, 1.5], [4.5, 1.5], [4.5, 3.5], [1.5, 3.5]];
    const expected = [cell(2, 2), cell(3, 2), cell(4, 2), cell(2, 3), cell(3, 3), cell(4, 3)];
    expect(cellsInPolygon(lat, lon, open)).toEqual(expected);
    expect(cellsInPolygon(lat, lon, [...open, [1.5, 1.5]])).toEqual(expected);
    expect(cellsInPolygon(lat, lon, [...open].reverse())).toEqual(expected);
  });

  it('follows a concave outline (an L), leaving out its notch', () => {
    const l: [number, number][] = [[0.5, 0.5], [5.5, 0.5], [5.5, 2.5], [2.5, 2.5], [2.5, 5.5], [0.5, 5.5]];
    const got = cellsInPolygon(lat, lon, l);
    expect(got).toContain(cell(1, 1));
    expect(got).toContain(cell(5, 1));
    expect(got).toContain(cell(1, 5));
    expect(got).not.toContain(cell(4, 4)); // in the notch, inside the bounding box
    expect(got).toHaveLength(5 * 2 + 2 * 3);
  });

  it('uses the even–odd rule on a self-intersecting bow tie', () => {
    // Two triangles meeting at (5, 5): left one x ∈ (0.5, 5), right one x ∈ (5, 9.5).
    const bowTie: [number, number][] = [[0.5, 0.5], [9.5, 9.5], [9.5, 0.5], [0.5, 9.5]];
    const got = cellsInPolygon(lat, lon, bowTie);
    expect(got).toContain(cell(1, 5));
    expect(got).toContain(cell(8, 5));
    expect(got).not.toContain(cell(5, 8)); // above the crossing: outside both triangles
    expect(got).not.toContain(cell(5, 2));
    // A pentagram's centre is wound twice: even, so outside.
    const star: [number, number][] = [];
    for (let k = 0; k < 5; k++) {
      const a = Math.PI / 2 + (k * 4 * Math.PI) / 5;
      star.push([4.5 + 4.4 * Math.cos(a), 4.5 + 4.4 * Math.sin(a)]);
    }
    const inStar = cellsInPolygon(lat, lon, star);
    expect(inStar).not.toContain(cell(4, 4));
    expect(inStar).not.toContain(cell(5, 5));
    expect(inStar).toContain(cell(4, 7)); // in the top point
    expect(inStar).toContain(cell(5, 7));
  });

  it('is empty with fewer than 3 distinct vertices or no area', () => {
    expect(cellsInPolygon(lat, lon, [])).toEqual([]);
    expect(cellsInPolygon(lat, lon, [[0, 0], [5, 5], [0, 0], [5, 5]])).toEqual([]);
    expect(cellsInPolygon(lat, lon, [[0, 2], [3, 2], [9, 2]])).toEqual([]);
  });

  it('rejects a non-finite vertex', () => {
    expect(() => cellsInPolygon(lat, lon, [[0, 0], [NaN, 5], [5, 0]])).toThrow(RangeError);
  });

  it('never selects a NaN centroid', () => {
    expect(cellsInPolygon([NaN, 1], [1, NaN], [[0, 0], [3, 0], [3, 3], [0, 3]])).toEqual([]);
  });

  it('agrees with a naive ray cast around horizontal edges inside the outline (a U)', () => {
    // The notch's floor y = 10 runs between two grid columns' worth of vertical edges: the
    // squares along it hold cells inside (below) and outside (above) the polygon.
    const u: [number, number][] = [[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [10, 10], [10, 30], [0, 30]];
    const pLat: number[] = [];
    const pLon: number[] = [];
    for (let y = -1.95; y < 31; y += 0.1) {
      for (let x = -1.95; x < 31; x += 0.1) {
        pLat.push(y);
        pLon.push(x);
      }
    }
    const expected = pLat.flatMap((y, i) => (naiveInside(pLon[i]!, y, u) ? [i] : []));
    expect(expected.length).toBeGreaterThan(50_000);
    expect(cellsInPolygon(pLat, pLon, u)).toEqual(expected);
  });

  it('agrees with a naive ray cast on a many-vertex wiggly polygon', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const n = 20_000;
    const pLat = new Float64Array(n);
    const pLon = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      pLat[i] = 30 + random() * 20;
      pLon[i] = -100 + random() * 30;
    }
    const polygon: [number, number][] = [];
    for (let k = 0; k < 500; k++) {
      const a = (k / 500) * 2 * Math.PI;
      const r = 6 + 3 * Math.sin(17 * a) + 2 * random();
      polygon.push([-85 + r * 1.3 * Math.cos(a), 40 + r * Math.sin(a)]);
    }
    const expected: number[] = [];
    for (let i = 0; i < n; i++) if (naiveInside(pLon[i]!, pLat[i]!, polygon)) expected.push(i);
    expect(expected.length).toBeGreaterThan(1000);
    expect(cellsInPolygon(pLat, pLon, polygon)).toEqual(expected);
    // A tangle of long, crossing edges: 80 random vertices over the same box.
    const tangle: [number, number][] = [];
    for (let k = 0; k < 80; k++) tangle.push([-100 + random() * 30, 30 + random() * 20]);
    const expectedTangle: number[] = [];
    for (let i = 0; i < n; i++) if (naiveInside(pLon[i]!, pLat[i]!, tangle)) expectedTangle.push(i);
    expect(expectedTangle.length).toBeGreaterThan(1000);
    expect(cellsInPolygon(pLat, pLon, tangle)).toEqual(expectedTangle);
  });
});

describe('cellsInRectangle', () => {
  const { lat, lon } = grid(10);
  it('selects the rectangle inclusively, corners in any order', () => {
    const expected = [12, 13, 14, 22, 23, 24];
    expect(cellsInRectangle(lat, lon, [2, 1], [4, 2])).toEqual(expected);
    expect(cellsInRectangle(lat, lon, [4, 2], [2, 1])).toEqual(expected);
    expect(cellsInRectangle(lat, lon, [2, 2], [4, 1])).toEqual(expected);
    expect(cellsInRectangle(lat, lon, [2.1, 1], [4, 2])).toEqual([13, 14, 23, 24]);
  });
  it('selects a single centroid for a degenerate rectangle on it, none off it', () => {
    expect(cellsInRectangle(lat, lon, [3, 3], [3, 3])).toEqual([33]);
    expect(cellsInRectangle(lat, lon, [3.5, 3.5], [3.5, 3.5])).toEqual([]);
  });
});
