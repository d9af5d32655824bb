import { cellToChildren, cellToParent, getRes0Cells, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from '../h3/build-adjacency';
import { finerStudyArea, sortedIndexOf } from './finer-study-area';
import { gridOfCells, studyAreaAtResolution, studyAreaWithGridAt } from './resolution-study-area';

/** The fast path against the generic one (h3-js cell by cell). */
function expectSameAsGeneric(old: string[], from: number, extra: string[] = []) {
  const fast = finerStudyArea(old, buildAdjacency(old), from, extra);
  expect(fast).not.toBeNull();
  const h3 = studyAreaAtResolution(old, from, from + 1, extra);
  const generic = gridOfCells(h3);
  expect(fast!.h3).toEqual(h3);
  expect([...fast!.graph.offsets]).toEqual([...generic.graph.offsets]);
  expect([...fast!.graph.neighbors]).toEqual([...generic.graph.neighbors]);
  expect([...fast!.lat]).toEqual([...generic.lat]);
  const oldIndex = new Map(old.map((c, i) => [c, i]));
  fast!.h3.forEach((c, i) => expect(fast!.parent[i]).toBe(oldIndex.get(cellToParent(c, from)) ?? -1));
}

describe('finerStudyArea', () => {
  it('matches h3-js over the whole globe (every pentagon and icosahedron edge) at res 0 → 1 → 2 → 3', () => {
    let cells = getRes0Cells();
    for (let res = 0; res < 3; res++) {
      expectSameAsGeneric(cells, res);
      cells = cells.flatMap((c) => cellToChildren(c, res + 1));
    }
  });

  it('matches h3-js on regions at fine resolutions, unsorted, with extra cells far and near', () => {
    for (const [lat, lon, res] of [[40, -100, 6], [64, -20, 5], [-30, 140, 7], [0, 0, 8], [80, 10, 9], [51.5, -0.1, 10]] as const) {
      const disk = gridDisk(latLngToCell(lat, lon, res), 12).reverse();
      const far = gridDisk(latLngToCell(lat, lon, res + 1), 60).slice(-20);
      const near = gridDisk(latLngToCell(lat, lon, res + 1), 31).slice(-30);
      expectSameAsGeneric(disk, res, [...far, ...near, cellToChildren(disk[0]!, res + 1)[0]!]);
    }
  });

  it('finds cells in a sorted array', () => {
    const sorted = ['a', 'c', 'e'];
    expect(['a', 'b', 'c', 'e', 'f'].map((c) => sortedIndexOf(sorted, c))).toEqual([0, -1, 1, 2, -1]);
  });
});

describe('studyAreaWithGridAt', () => {
  it('gives the same study area on the fast path (one step finer) as on the generic one', () => {
    const old = gridDisk(latLngToCell(45, 7, 5), 6);
    const fast = studyAreaWithGridAt(old, buildAdjacency(old), 5, 6);
    expect(fast.parent).not.toBeNull();
    const generic = gridOfCells(studyAreaAtResolution(old, 5, 6));
    expect([...fast.component]).toEqual([...generic.component]);
    expect([...fast.areaKm2]).toEqual([...generic.areaKm2]);
    const twoSteps = studyAreaWithGridAt(old, buildAdjacency(old), 5, 7);
    expect(twoSteps.parent).toBeNull();
    expect(twoSteps.h3).toHaveLength(old.length * 49);
  });

  it('going coarser, lists the same cells as studyAreaAtResolution and maps each old cell to its parent', () => {
    const old = gridDisk(latLngToCell(45, 7, 6), 9);
    const extra = [latLngToCell(10, 10, 5)];
    const coarse = studyAreaWithGridAt(old, buildAdjacency(old), 6, 5, extra);
    expect(coarse.h3).toEqual(studyAreaAtResolution(old, 6, 5, extra));
    expect(coarse.parent).toBeNull();
    old.forEach((c, i) => expect(coarse.image![i]).toBe(coarse.h3.indexOf(cellToParent(c, 5))));
    expect([...coarse.image!].filter((v) => v < 0).length).toBeGreaterThan(0);
    expect([...coarse.graph.neighbors]).toEqual([...buildAdjacency(coarse.h3).neighbors]);
  });
});
