import { describe, expect, it } from 'vitest';
import { csr } from '../../../test/helpers/csr';
import { connectedComponents } from '../graph/connected-components';
import { greatCircleKm } from '../geo/great-circle';
import { homeOutside, minimalHexPerimeter, territoryShapes, type ShapeInput } from './territory-shape';

/** A shape input over the given graph with neutral defaults (unit areas, no accounts, no homes). */
function input(
  n: number,
  edges: readonly (readonly [number, number])[],
  territoryOfCell: readonly number[],
  territoryIds: readonly number[],
  extra: Partial<ShapeInput> = {},
): ShapeInput {
  const graph = csr(n, edges);
  return {
    territoryOfCell: Int32Array.from(territoryOfCell),
    ...graph,
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    areaKm2: new Float64Array(n).fill(1),
    cellAccounts: new Float64Array(n),
    studyComponent: connectedComponents(graph).component,
    territoryIds,
    homes: new Map(),
    ...extra,
  };
}

/**
 * A 2×3 patch of hexes, the second row shifted half a cell right:
 *    0   1   2
 *      3   4   5
 */
const PATCH_EDGES = [[0, 1], [1, 2], [3, 4], [4, 5], [0, 3], [1, 3], [1, 4], [2, 4], [2, 5]] as const;

/** Edges of a W×H hex grid in odd-row offset layout (odd rows shifted right). */
function hexGridEdges(w: number, h: number): [number, number][] {
  const edges: [number, number][] = [];
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const i = r * w + c;
      if (c + 1 < w) edges.push([i, i + 1]);
      if (r + 1 < h) {
        const cols = r % 2 === 0 ? [c - 1, c] : [c, c + 1];
        for (const cc of cols) if (cc >= 0 && cc < w) edges.push([i, (r + 1) * w + cc]);
      }
    }
  }
  return edges;
}

const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

describe('minimalHexPerimeter', () => {
  it('matches the perimeters of the most compact hex blobs', () => {
    expect(minimalHexPerimeter(0)).toBe(0);
    expect(minimalHexPerimeter(1)).toBe(6);
    expect(minimalHexPerimeter(2)).toBe(10);
    expect(minimalHexPerimeter(3)).toBe(12);
    expect(minimalHexPerimeter(7)).toBe(18);
    expect(minimalHexPerimeter(19)).toBe(30);
    expect(minimalHexPerimeter(37)).toBe(42);
  });

  it('rejects negative and fractional counts', () => {
    expect(() => minimalHexPerimeter(-1)).toThrow(RangeError);
    expect(() => minimalHexPerimeter(1.5)).toThrow(RangeError);
  });
});

describe('greatCircleKm', () => {
  it('measures known distances', () => {
    expect(greatCircleKm(0, 0, 1, 0)).toBeCloseTo(111.195, 3);
    expect(greatCircleKm(10, 20, 10, 20)).toBe(0);
    expect(greatCircleKm(0, 0, 0, 180)).toBeCloseTo(6371.0088 * Math.PI, 6);
    const nyToLa = greatCircleKm(40.7128, -74.006, 34.0522, -118.2437);
    expect(Math.abs(nyToLa - 3936)).toBeLessThan(5);
    expect(greatCircleKm(34.0522, -118.2437, 40.7128, -74.006)).toBeCloseTo(nyToLa, 9);
  });
});

describe('territoryShapes', () => {
  it('counts pieces, boundary sides and compactness on a 2×3 patch', () => {
    // Territory 1 = {0, 5} (two separate cells), territory 2 = {1, 2, 3, 4}.
    const rows = territoryShapes(input(6, PATCH_EDGES, [1, 2, 2, 2, 2, 1], [1, 2]));
    expect(rows[0]).toEqual({
      territoryId: 1,
      areaKm2: 2,
      pieces: 2,
      contiguityBreaks: 1,
      compactness: (10 / 12) ** 2,
      boundaryEdges: 12,
      meanDistanceKm: null,
      maxDistanceKm: null,
      homeGapKm: null,
    });
    // 4 cells, 5 internal edges: 24 − 10 = 14 sides = Pmin(4), a perfect blob.
    expect(rows[1]).toMatchObject({ territoryId: 2, areaKm2: 4, pieces: 1, contiguityBreaks: 0, boundaryEdges: 14, compactness: 1 });
  });

  it('gives a single cell compactness 1 and a 3-cell line (12/14)²', () => {
    const single = territoryShapes(input(1, [], [4], [4]))[0]!;
    expect(single).toMatchObject({ pieces: 1, contiguityBreaks: 0, boundaryEdges: 6, compactness: 1 });
    const line = territoryShapes(input(3, [[0, 1], [1, 2]], [4, 4, 4], [4]))[0]!;
    expect(line.boundaryEdges).toBe(14);
    expect(line.compactness).toBeCloseTo((12 / 14) ** 2, 12);
  });

  it('does not count islands of the study area as contiguity breaks', () => {
    // Islands {0, 1} and {2, 3}. Territory 7 = {0, 1, 2}: one piece per island. Territory 9 = {3}.
    const rows = territoryShapes(input(4, [[0, 1], [2, 3]], [7, 7, 7, 9], [7, 9]));
    expect(rows[0]).toMatchObject({ territoryId: 7, pieces: 2, contiguityBreaks: 0, boundaryEdges: 16 });
    expect(rows[1]).toMatchObject({ territoryId: 9, pieces: 1, contiguityBreaks: 0, boundaryEdges: 6 });

    // On one island a gap is a break: line 0-1-2-3 with territory 7 = {0, 3}, plus a piece on another island.
    const gapped = territoryShapes(input(5, [[0, 1], [1, 2], [2, 3]], [7, 8, 8, 7, 7], [7]))[0]!;
    expect(gapped).toMatchObject({ pieces: 3, contiguityBreaks: 1 });
  });

  it('weights distances from the rep home by accounts', () => {
    // Cells along the meridian at 0°, 1°, 2°, 3° N; home at 0°, 0°. The 3° cell holds no accounts.
    const rows = territoryShapes(
      input(5, [[0, 1], [1, 2], [2, 3], [3, 4]], [1, 1, 1, 1, 2], [1, 2, 3], {
        lat: [0, 1, 2, 3, 4],
        lon: [0, 0, 0, 0, 0],
        cellAccounts: [2, 1, 1, 0, 5],
        homes: new Map([[1, { lat: 0, lon: 0 }], [2, null]]),
      }),
    );
    // (2·0 + 1·1° + 1·2°) / 4 accounts = 0.75°; the farthest cell with accounts is at 2°.
    expect(rows[0]!.meanDistanceKm).toBeCloseTo(0.75 * KM_PER_DEGREE, 6);
    expect(rows[0]!.maxDistanceKm).toBeCloseTo(2 * KM_PER_DEGREE, 6);
    // Vacant (null home) and absent-from-the-map territories get no distances.
    expect(rows[1]).toMatchObject({ territoryId: 2, meanDistanceKm: null, maxDistanceKm: null });
    expect(rows[2]).toMatchObject({ territoryId: 3, meanDistanceKm: null, maxDistanceKm: null });
  });

  it("measures how far the rep's home lies from the territory's nearest cell, empty cells included", () => {
    // Cells along the meridian at 0°–4° N. Territory 1 = {0, 1} with its home at 0.1° N (inside);
    // territory 2 = {2, 3, 4} with its home at 0° (outside, 2° from its nearest cell, which holds no account).
    const rows = territoryShapes(
      input(5, [[0, 1], [1, 2], [2, 3], [3, 4]], [1, 1, 2, 2, 2], [1, 2], {
        lat: [0, 1, 2, 3, 4],
        lon: [0, 0, 0, 0, 0],
        cellAccounts: [1, 1, 0, 0, 3],
        homes: new Map([[1, { lat: 0.1, lon: 0 }], [2, { lat: 0, lon: 0 }]]),
      }),
    );
    expect(rows[0]!.homeGapKm).toBeCloseTo(0.1 * KM_PER_DEGREE, 6);
    expect(rows[1]!.homeGapKm).toBeCloseTo(2 * KM_PER_DEGREE, 6);
    expect(rows[1]!.maxDistanceKm).toBeCloseTo(4 * KM_PER_DEGREE, 6);
  });

  it('calls a home outside when it lies further from every cell than a cell centre can be from its edge', () => {
    // H3 res-6 cells: about 36 km², circumradius 3.7 km; 1.2 × that is 4.5 km.
    const shape = { areaKm2: 3600, cells: 100 };
    expect(homeOutside({ ...shape, homeGapKm: 2 })).toBe(false);
    expect(homeOutside({ ...shape, homeGapKm: 4.4 })).toBe(false);
    expect(homeOutside({ ...shape, homeGapKm: 6.4 })).toBe(true);
    expect(homeOutside({ ...shape, homeGapKm: null })).toBe(false);
    expect(homeOutside({ areaKm2: 0, cells: 0, homeGapKm: 5 })).toBe(false);
  });

  it('reports no distances for a territory with a home but no accounts', () => {
    const row = territoryShapes(
      input(2, [[0, 1]], [1, 1], [1], { lat: [1, 2], lon: [0, 0], homes: new Map([[1, { lat: 0, lon: 0 }]]) }),
    )[0]!;
    expect(row).toMatchObject({ pieces: 1, meanDistanceKm: null, maxDistanceKm: null });
  });

  it('ignores unassigned cells and unlisted territories, and keeps the requested order', () => {
    // Line 0-1-2-3-4: cell 0 unassigned, cell 4 in territory 5 which is not reported.
    const rows = territoryShapes(
      input(5, [[0, 1], [1, 2], [2, 3], [3, 4]], [-1, 1000, 1000, 3, 5], [1000, 42, 3], {
        areaKm2: [10, 1.5, 2.5, 4, 8],
      }),
    );
    expect(rows.map((r) => r.territoryId)).toEqual([1000, 42, 3]);
    expect(rows[0]).toMatchObject({ areaKm2: 4, pieces: 1, boundaryEdges: 10, compactness: 1 });
    expect(rows[1]).toEqual({
      territoryId: 42,
      areaKm2: 0,
      pieces: 0,
      contiguityBreaks: 0,
      compactness: null,
      boundaryEdges: 0,
      meanDistanceKm: null,
      maxDistanceKm: null,
      homeGapKm: null,
    });
    expect(rows[2]).toMatchObject({ areaKm2: 4, pieces: 1, boundaryEdges: 6 });
  });

  it('handles territory ids too large for a dense lookup', () => {
    const big = 5_000_000;
    const rows = territoryShapes(input(4, [[0, 1], [1, 2], [2, 3]], [big, 1, big, -1], [1, big, -1]));
    expect(rows[0]).toMatchObject({ territoryId: 1, pieces: 1, boundaryEdges: 6 });
    expect(rows[1]).toMatchObject({ territoryId: big, pieces: 2, contiguityBreaks: 1, boundaryEdges: 12 });
    // -1 marks unassigned cells, never a territory, even when asked for.
    expect(rows[2]).toMatchObject({ territoryId: -1, pieces: 0, compactness: null });
  });

  it('agrees with a per-territory recount on a striped hex grid', () => {
    const w = 12;
    const h = 9;
    const edges = hexGridEdges(w, h);
    // Stripes of 3 columns cycling through 4 territories (so territories 1..3 come back in
    // separate pieces), with every 7th cell left unassigned.
    const owner = Array.from({ length: w * h }, (_, i) => (i % 7 === 3 ? -1 : (Math.floor((i % w) / 3) % 3) + 1));
    const rows = territoryShapes(input(w * h, edges, owner, [1, 2, 3]));
    const { offsets, neighbors } = csr(w * h, edges);
    for (const row of rows) {
      const cells = owner.flatMap((t, i) => (t === row.territoryId ? [i] : []));
      let boundary = 0;
      for (const i of cells) {
        let same = 0;
        for (let e = offsets[i]!; e < offsets[i + 1]!; e++) if (owner[neighbors[e]!] === row.territoryId) same++;
        boundary += 6 - same;
      }
      const sub = csr(
        w * h,
        edges.filter(([a, b]) => owner[a] === row.territoryId && owner[b] === row.territoryId),
      );
      const labels = connectedComponents(sub).component;
      const pieces = new Set(cells.map((i) => labels[i])).size;
      expect(row.boundaryEdges).toBe(boundary);
      expect(row.pieces).toBe(pieces);
      expect(row.contiguityBreaks).toBe(pieces - 1);
      expect(row.areaKm2).toBe(cells.length);
      expect(row.compactness).toBeCloseTo((minimalHexPerimeter(cells.length) / boundary) ** 2, 12);
    }
    expect(rows[0]!.pieces).toBeGreaterThan(1);
  });

  it('rejects per-cell arrays that do not match the cell count', () => {
    expect(() => territoryShapes(input(3, [], [1, 1, 1], [1], { lat: [0, 0] }))).toThrow(RangeError);
    expect(() => territoryShapes({ ...input(3, [], [1, 1, 1], [1]), offsets: new Int32Array(3) })).toThrow(RangeError);
  });
});
