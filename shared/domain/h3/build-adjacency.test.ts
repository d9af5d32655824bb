import { cellToLatLng, getPentagons, getRes0Cells, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
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

/** The adjacency as it was first built: gridDisk(cell, 1) of every cell, looked up by text. */
function adjacencyByGridDisk(h3: readonly string[]): { offsets: number[]; neighbors: number[] } {
  const index = new Map(h3.map((c, i) => [c, i]));
  const offsets = [0];
  const neighbors: number[] = [];
  h3.forEach((cell, i) => {
    const row = gridDisk(cell, 1).map((c) => index.get(c) ?? -1).filter((j) => j >= 0 && j !== i).sort((a, b) => a - b);
    neighbors.push(...row);
    offsets.push(neighbors.length);
  });
  return { offsets, neighbors };
}

function expectSameAsGridDisk(h3: readonly string[]): void {
  const g = buildAdjacency(h3);
  const want = adjacencyByGridDisk(h3);
  expect(Array.from(g.offsets)).toEqual(want.offsets);
  expect(Array.from(g.neighbors)).toEqual(want.neighbors);
}

describe('buildAdjacency equals the gridDisk adjacency', () => {
  it('around every pentagon, at several resolutions', () => {
    for (const res of [1, 4, 7]) expectSameAsGridDisk(getPentagons(res).flatMap((p) => gridDisk(p, 4)));
  });

  it('across icosahedron faces and base cells: a band of cells around the globe, with holes', () => {
    const rng = createRng(3);
    // A band along the equator over 300° of longitude (many base cells and faces), about a third of its cells dropped.
    const cells = [
      ...polygonToCells([[[-179.9, -8], [-60, -8], [-60, 8], [-179.9, 8], [-179.9, -8]]], 3, true),
      ...polygonToCells([[[-60, -8], [60, -8], [60, 8], [-60, 8], [-60, -8]]], 3, true),
      ...polygonToCells([[[60, -8], [120, -8], [120, 8], [60, 8], [60, -8]]], 3, true),
    ];
    expect(cells.length).toBeGreaterThan(1000);
    expectSameAsGridDisk([...new Set(cells)].filter(() => rng.next() > 0.33).sort());
  });

  it('on every base cell and its children (all 122, pentagons included)', () => {
    const res0 = getRes0Cells();
    expectSameAsGridDisk(res0);
    expectSameAsGridDisk([...new Set(res0.flatMap((c) => gridDisk(latLngToCell(...cellToLatLng(c), 2), 2)))]);
  });

  it('on random cells at random resolutions, in any order', () => {
    const rng = createRng(11);
    for (const res of [0, 2, 5, 6, 9, 12, 15]) {
      const seeds = Array.from({ length: 60 }, () => latLngToCell((Math.asin(2 * rng.next() - 1) * 180) / Math.PI, rng.next() * 360 - 180, res));
      const cells = [...new Set(seeds.flatMap((c) => gridDisk(c, 2)))].filter(() => rng.next() > 0.2);
      for (let i = cells.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [cells[i], cells[j]] = [cells[j]!, cells[i]!];
      }
      expectSameAsGridDisk(cells);
    }
  });

  it('on cells not written as h3-js writes them (upper case), by text', () => {
    const cells = gridDisk(latLngToCell(51.5, -0.12, 6), 2).sort();
    const g = buildAdjacency(cells.map((c) => c.toUpperCase()));
    expect(g.neighbors.length).toBe(0); // gridDisk answers in lower case: no neighbour is found by text
    expect(Array.from(buildAdjacency(cells).neighbors)).toEqual(adjacencyByGridDisk(cells).neighbors);
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
