import { polygonToCells, cellToLatLng } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { pointInPolygon } from './point-in-polygon';
import { clipPolygonToBox, inBox, wholeDegreeBox, widenBox, widenedBox } from './clip-to-box';

const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

describe('clipPolygonToBox', () => {
  it('keeps exactly the cells of the polygon whose centres lie in the box', () => {
    // An L-shaped polygon with a hole, clipped by a box that cuts through both.
    const polygon = [
      [[0, 0], [6, 0], [6, 2], [2, 2], [2, 6], [0, 6], [0, 0]],
      square(0.5, 0.5, 1.5, 1.5),
    ];
    const box = { west: 1, south: 1, east: 5, north: 5 };
    const clipped = clipPolygonToBox(polygon, box)!;
    const inBox = (c: string) => {
      const [lat, lon] = cellToLatLng(c);
      return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
    };
    const expected = polygonToCells(polygon, 5, true).filter(inBox).sort();
    const actual = polygonToCells(clipped, 5, true).sort();
    expect(expected.length).toBeGreaterThan(50);
    // Cells whose centre sits on the box edge may go either way; there are none at this resolution.
    expect(actual).toEqual(expected);
    for (const [lat, lon] of actual.map(cellToLatLng)) expect(pointInPolygon(lon, lat, polygon)).toBe(true);
  });

  it('returns null when the polygon lies outside the box, and drops holes clipped away', () => {
    expect(clipPolygonToBox([square(0, 0, 1, 1)], { west: 2, south: 2, east: 3, north: 3 })).toBeNull();
    const withHole = [square(0, 0, 10, 10), square(1, 1, 2, 2)];
    const clipped = clipPolygonToBox(withHole, { west: 5, south: 5, east: 20, north: 20 })!;
    expect(clipped).toHaveLength(1);
    const ring = clipped[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring.slice(1).map((p) => p.join(',')).sort()).toEqual(['10,10', '10,5', '5,10', '5,5']);
  });
});

describe('widenedBox', () => {
  it('widens by a share of the span, at least by the minimum, within the globe', () => {
    expect(widenedBox([10, 20], [100, 140], 0.25, 1)).toEqual({ south: 7.5, north: 22.5, west: 90, east: 150 });
    expect(widenedBox([89.5], [179.8], 0.25, 1)).toEqual({ south: 88.5, north: 90, west: 178.8, east: 180 });
    expect(widenedBox([], [], 0.25, 1)).toBeNull();
  });
});

describe('wholeDegreeBox and inBox', () => {
  it('rounds a box out to whole degrees, and tests points against it edges included', () => {
    const box = { south: 7.5, north: 22.5, west: -90.2, east: 150 };
    expect(wholeDegreeBox(box)).toEqual({ south: 7, north: 23, west: -91, east: 150 });
    expect(widenBox({ south: 10, north: 20, west: 100, east: 140 }, 0.25, 1)).toEqual({ south: 7.5, north: 22.5, west: 90, east: 150 });
    expect(widenBox({ south: Infinity, north: -Infinity, west: Infinity, east: -Infinity }, 0.25, 1)).toBeNull();
    expect(inBox(box, 7.5, 150)).toBe(true);
    expect(inBox(box, 7.49, 0)).toBe(false);
    expect(inBox(box, 10, 150.01)).toBe(false);
  });
});
