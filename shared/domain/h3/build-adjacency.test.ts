import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from './build-adjacency';
import { buildStudyArea } from './build-study-area';

describe('buildAdjacency', () => {
  it('links each interior hexagon to its 6 neighbours, symmetrically', () => {
    const centre = latLngToCell(51.5, -0.12, 8);
    const cells = gridDisk(centre, 2).sort();
    const g = buildAdjacency(cells);
    const i = cells.indexOf(centre);
    expect(g.offsets[i + 1]! - g.offsets[i]!).toBe(6);
    for (let v = 0; v < cells.length; v++) {
      for (let e = g.offsets[v]!; e < g.offsets[v + 1]!; e++) {
        const w = g.neighbors[e]!;
        const back = Array.from(g.neighbors.subarray(g.offsets[w]!, g.offsets[w + 1]!));
        expect(back).toContain(v);
      }
    }
    // 19 cells: 6 interior-ring cells with 6 neighbours, 12 outer ones with 3 or 4, the centre 6.
    expect(g.neighbors.length).toBe(2 * 42);
  });
});

describe('buildStudyArea', () => {
  it('covers a polygon, adds cells holding outside points, and sorts', () => {
    const square = [[[10, 10], [10.5, 10], [10.5, 10.5], [10, 10.5], [10, 10]]];
    const area = buildStudyArea([square], [20, 20], 6);
    expect(area.h3.length).toBeGreaterThan(50);
    expect(area.h3).toContain(latLngToCell(20, 20, 6));
    expect([...area.h3].sort()).toEqual(area.h3);
    expect(area.lat.length).toBe(area.h3.length);
  });

  it('rejects a bad resolution', () => {
    expect(() => buildStudyArea([], [], 16)).toThrow(RangeError);
  });
});
