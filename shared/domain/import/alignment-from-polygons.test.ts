import { describe, expect, it } from 'vitest';
import type { PolygonCoords } from '../h3/build-study-area';
import { alignmentFromPolygons } from './alignment-from-polygons';

/** Axis-aligned rectangle [west, south, east, north] as a polygon. */
const box = (w: number, s: number, e: number, n: number): PolygonCoords => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

describe('alignmentFromPolygons', () => {
  it('assigns each centroid to the feature holding it, first feature on overlaps', () => {
    // Centroids (lon, lat): (1,1) in A only, (3,1) in A and B, (5,1) in B, (9,9) nowhere, (5,5) in B's second polygon.
    const lon = [1, 3, 5, 9, 5];
    const lat = [1, 1, 1, 9, 5];
    const result = alignmentFromPolygons(lat, lon, [
      { label: 'A', polygons: [box(0, 0, 4, 2)] },
      { label: 'B', polygons: [box(2, 0, 6, 2), box(4, 4, 6, 6)] },
    ]);
    expect(Array.from(result.territoryOfCell)).toEqual([0, 0, 1, -1, 1]);
    expect(result.uncovered).toBe(1);
    expect(result.overlapping).toBe(1);
  });

  it('does not count a cell held by two polygons of one feature as overlapping', () => {
    const result = alignmentFromPolygons([1], [1], [{ label: 'A', polygons: [box(0, 0, 2, 2), box(0, 0, 3, 3)] }, { label: 'B', polygons: [] }]);
    expect(Array.from(result.territoryOfCell)).toEqual([0]);
    expect(result.overlapping).toBe(0);
  });

  it('respects holes and territories across the antimeridian', () => {
    const ring: PolygonCoords = [[[170, 50], [190, 50], [190, 60], [170, 60], [170, 50]], [[174, 54], [176, 54], [176, 56], [174, 56], [174, 54]]];
    const result = alignmentFromPolygons([55, 55, 55, 55], [172, 175, -172, 0], [{ label: 'Bering', polygons: [ring] }]);
    expect(Array.from(result.territoryOfCell)).toEqual([0, -1, 0, -1]);
    expect(result.uncovered).toBe(2);
  });

  it('gives every cell −1 without features', () => {
    const result = alignmentFromPolygons([1, 2], [1, 2], []);
    expect(Array.from(result.territoryOfCell)).toEqual([-1, -1]);
    expect(result).toMatchObject({ uncovered: 2, overlapping: 0 });
  });
});
