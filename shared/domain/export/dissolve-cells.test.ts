import { cellArea, cellToBoundary, cellToLatLng, getPentagons, gridDisk, gridDiskDistances, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/create-rng';
import { cellsByTerritory, dissolveCells, normalizePolygon } from './dissolve-cells';
import type { PolygonRings, Position, Ring } from './types';
import { signedArea } from './ring-area';
import { inRing } from '../geo/point-in-ring';

/** h3's authalic Earth radius, km (what `cellArea` uses). */
const EARTH_RADIUS_KM = 6371.007180918475;


/** Area of a closed [lon, lat] ring on the sphere (equal-area cylindrical trapezoids), km². */
function sphericalArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += ((x2 - x1) * Math.PI) / 180 * (Math.sin((y1 * Math.PI) / 180) + Math.sin((y2 * Math.PI) / 180));
  }
  return (Math.abs(sum) / 2) * EARTH_RADIUS_KM ** 2;
}

function polygonsArea(polygons: PolygonRings[]): number {
  let total = 0;
  for (const [outer, ...holes] of polygons) {
    total += sphericalArea(outer!);
    for (const hole of holes) total -= sphericalArea(hole);
  }
  return total;
}

function cellsArea(cells: readonly string[]): number {
  return cells.reduce((sum, c) => sum + cellArea(c, 'km2'), 0);
}


/** How many of `polygons` contain [lon, lat] (inside the outer ring, in none of its holes). */
function containing(polygons: PolygonRings[], lon: number, lat: number): number {
  let count = 0;
  for (const [outer, ...holes] of polygons) {
    if (inRing(outer!, lon, lat) && !holes.some((h) => inRing(h, lon, lat))) count++;
  }
  return count;
}

/** RFC 7946 checks on every ring. */
function expectValid(polygons: PolygonRings[]): void {
  for (const polygon of polygons) {
    expect(polygon.length).toBeGreaterThan(0);
    polygon.forEach((ring, r) => {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (let i = 0; i < ring.length; i++) {
        const [x, y] = ring[i]!;
        expect(x >= -180 && x <= 180 && y >= -90 && y <= 90, `position ${x},${y}`).toBe(true);
        if (i > 0) {
          const [px, py] = ring[i - 1]!;
          expect(Math.abs(x - px)).toBeLessThanOrEqual(180);
          expect(px === x && py === y, 'consecutive duplicate').toBe(false);
        }
      }
      const area = signedArea(ring);
      if (r === 0) expect(area).toBeGreaterThan(0);
      else expect(area).toBeLessThan(0);
    });
  }
}

/** Longitude moved into −180 … 180. */
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** A point inside `cell`: on the way from its centre to a corner (`t` < 0.8 of it). */
function pointInCell(cell: string, corner: number, t: number): Position {
  const [lat, lng] = cellToLatLng(cell);
  const boundary = cellToBoundary(cell);
  const [vLat, vLng] = boundary[corner % boundary.length]!;
  const dLng = vLng! - lng + 360 * Math.round((lng - vLng!) / 360);
  return [wrap(lng + t * dLng), lat + t * (vLat! - lat)];
}

/**
 * Every cell of `cells` has points in exactly one polygon, and every cell of `others` has
 * points in none (centres and random points towards corners).
 */
function expectCovers(polygons: PolygonRings[], cells: readonly string[], others: readonly string[], seed = 1): void {
  const rng = createRng(seed);
  for (const [list, want] of [
    [cells, 1],
    [others, 0],
  ] as const) {
    for (const cell of list) {
      const [lat, lng] = cellToLatLng(cell);
      expect(containing(polygons, lng, lat), `centre of ${cell}`).toBe(want);
      const [x, y] = pointInCell(cell, rng.int(6), rng.next() * 0.8);
      expect(containing(polygons, x, y), `point ${x},${y} of ${cell}`).toBe(want);
    }
  }
}

/** The cells around `cells` (within `k` steps) that are not in it. */
function neighbours(cells: readonly string[], k = 1): string[] {
  const set = new Set(cells);
  const out = new Set<string>();
  for (const c of cells) for (const n of gridDisk(c, k)) if (!set.has(n)) out.add(n);
  return [...out];
}

describe('dissolveCells', () => {
  it('dissolves a ring of cells into one polygon with one hole, outer counter-clockwise', () => {
    const centre = latLngToCell(48.85, 2.35, 7);
    const inner = new Set(gridDisk(centre, 2));
    const ring = gridDisk(centre, 4).filter((c) => !inner.has(c));
    const polygons = dissolveCells(ring);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]).toHaveLength(2);
    expectValid(polygons);
    expect(polygonsArea(polygons) / cellsArea(ring)).toBeCloseTo(1, 3);
    expectCovers(polygons, ring, [...inner, ...neighbours(ring)]);
  });

  it('gives two polygons for two separate blobs, and nothing for no cells', () => {
    const a = gridDisk(latLngToCell(40, -100, 6), 2);
    const b = gridDisk(latLngToCell(41, -98, 6), 1);
    const polygons = dissolveCells([...a, ...b]);
    expect(polygons).toHaveLength(2);
    expect(polygons.every((p) => p.length === 1)).toBe(true);
    expectValid(polygons);
    expect(polygonsArea(polygons) / cellsArea([...a, ...b])).toBeCloseTo(1, 3);
    expect(dissolveCells([])).toEqual([]);
    // Duplicate cells are ignored.
    expect(dissolveCells([...a, ...a])).toHaveLength(1);
  });

  it('winds a single cell counter-clockwise and keeps its area', () => {
    const cell = latLngToCell(-33.9, 151.2, 9);
    const polygons = dissolveCells([cell]);
    expect(polygons).toHaveLength(1);
    expect(polygons[0]![0]).toHaveLength(7);
    expectValid(polygons);
    expect(polygonsArea(polygons) / cellArea(cell, 'km2')).toBeCloseTo(1, 3);
  });

  it('cuts a territory around Fiji at the antimeridian into pieces on both sides, area kept', () => {
    const cells = gridDisk(latLngToCell(-17.5, 179.9, 5), 6);
    const polygons = dissolveCells(cells);
    expectValid(polygons);
    const east = polygons.filter((p) => p[0]!.every(([x]) => x >= 0));
    const west = polygons.filter((p) => p[0]!.every(([x]) => x <= 0));
    expect(east.length).toBeGreaterThan(0);
    expect(west.length).toBeGreaterThan(0);
    expect(east.length + west.length).toBe(polygons.length);
    // Positions on the cut: 180 on the eastern-hemisphere piece, −180 on the western one.
    expect(east.some((p) => p[0]!.some(([x]) => x === 180))).toBe(true);
    expect(west.some((p) => p[0]!.some(([x]) => x === -180))).toBe(true);
    expect(Math.abs(polygonsArea(polygons) / cellsArea(cells) - 1)).toBeLessThan(0.01);
    expectCovers(polygons, cells, neighbours(cells));
  });

  it('cuts a hole that straddles the antimeridian, and keeps a hole on one side with its piece', () => {
    const centre = latLngToCell(-17.5, 180, 5);
    const inner = new Set(gridDisk(centre, 2));
    const annulus = gridDisk(centre, 7).filter((c) => !inner.has(c));
    const cut = dissolveCells(annulus);
    expectValid(cut);
    expect(cut.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs(polygonsArea(cut) / cellsArea(annulus) - 1)).toBeLessThan(0.01);
    expectCovers(cut, annulus, [...inner, ...neighbours(annulus)]);

    const holeCentre = latLngToCell(-17.5, 179.2, 5);
    const hole = new Set(gridDisk(holeCentre, 1));
    const holed = gridDisk(latLngToCell(-17.5, 179.9, 5), 9).filter((c) => !hole.has(c));
    const pieces = dissolveCells(holed);
    expectValid(pieces);
    const withHole = pieces.filter((p) => p.length > 1);
    expect(withHole).toHaveLength(1);
    expect(withHole[0]![0]!.every(([x]) => x > 0)).toBe(true);
    expect(Math.abs(polygonsArea(pieces) / cellsArea(holed) - 1)).toBeLessThan(0.01);
    expectCovers(pieces, holed, [...hole, ...neighbours(holed)]);
  });

  it('cuts a comb of fingers across the antimeridian into separate pieces, with no zero-width bridges', () => {
    const centre = latLngToCell(-17.5, 180, 5);
    const cells = gridDisk(centre, 14).filter((c) => {
      const [lat, lng] = cellToLatLng(c);
      const x = lng < 0 ? lng + 360 : lng; // continuous across 180
      return x < 179.4 || Math.floor((lat + 17.5 + 100) / 0.5) % 2 === 0;
    });
    const polygons = dissolveCells(cells);
    expectValid(polygons);
    const west = polygons.filter((p) => p[0]!.every(([x]) => x <= 0));
    expect(west.length).toBeGreaterThan(2);
    expect(Math.abs(polygonsArea(polygons) / cellsArea(cells) - 1)).toBeLessThan(0.01);
    expectCovers(polygons, cells, neighbours(cells));
    // Every stretch of boundary along the cut borders cells of the set (a bridge would not).
    const set = new Set(cells);
    let along = 0;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 1; i < ring.length; i++) {
          const [x1, y1] = ring[i - 1]!;
          const [x2, y2] = ring[i]!;
          if (Math.abs(x1) !== 180 || x1 !== x2) continue;
          along++;
          const inward = x1 === 180 ? 180 - 1e-4 : -180 + 1e-4;
          expect(set.has(latLngToCell((y1 + y2) / 2, inward, 5)), `edge ${x1},${y1} → ${y2}`).toBe(true);
        }
      }
    }
    expect(along).toBeGreaterThan(4);
  });

  it('closes a territory around the north pole along latitude 90 and cuts it at ±180', () => {
    const cells = gridDisk(latLngToCell(90, 0, 4), 3);
    const polygons = dissolveCells(cells);
    expectValid(polygons);
    expect(polygons.some((p) => p[0]!.some(([, y]) => y === 90))).toBe(true);
    expect(Math.abs(polygonsArea(polygons) / cellsArea(cells) - 1)).toBeLessThan(0.01);
    expectCovers(polygons, cells, neighbours(cells));
  });

  it('dissolves the neighbourhood of a pentagon', () => {
    const pentagon = getPentagons(5)[3]!;
    const cells = gridDisk(pentagon, 3);
    const polygons = dissolveCells(cells);
    expect(polygons).toHaveLength(1);
    expectValid(polygons);
    expect(Math.abs(polygonsArea(polygons) / cellsArea(cells) - 1)).toBeLessThan(0.01);
    expectCovers(polygons, cells, neighbours(cells));
  });

  describe('random cell sets: each cell in exactly one polygon, cells around in none', () => {
    const places: [string, number, number][] = [
      ['Kansas', 38.5, -98],
      ['Fiji', -17.5, 180],
      ['Chukotka', 66, -179.8],
      ['Chatham Islands', -44, -176.5],
      ['Oslo', 59.9, 10.7],
    ];
    for (const [name, lat, lng] of places) {
      it(name, () => {
        const rng = createRng(lat * 1000 + lng);
        const centre = latLngToCell(lat, lng, 6);
        const disk = gridDiskDistances(centre, 9).flat();
        for (let trial = 0; trial < 4; trial++) {
          let cells: string[];
          if (trial % 2 === 0) {
            // Connected: a random growth from the centre.
            const set = new Set([centre]);
            const frontier = [centre];
            const target = 40 + rng.int(120);
            while (set.size < target && frontier.length > 0) {
              const from = frontier[rng.int(frontier.length)]!;
              const next = gridDisk(from, 1)[rng.int(7)]!;
              if (!set.has(next)) {
                set.add(next);
                frontier.push(next);
              }
            }
            cells = [...set];
          } else {
            // Scattered: each cell of the disk with probability ½ (pieces, holes, cells touching).
            cells = disk.filter(() => rng.next() < 0.5);
          }
          const polygons = dissolveCells(cells);
          expectValid(polygons);
          expectCovers(polygons, cells, neighbours(cells), trial + 7);
          expect(Math.abs(polygonsArea(polygons) / cellsArea(cells) - 1)).toBeLessThan(0.001);
        }
      });
    }
  });
});

describe('normalizePolygon', () => {
  const planarArea = (polygons: PolygonRings[]) => polygons.reduce((sum, p) => sum + p.reduce((s, r) => s + signedArea(r), 0), 0) / 2;
  /** Each ring as its sorted set of "x,y" (ignoring where it starts and which way it runs). */
  const sorted = (polygons: PolygonRings[]) => polygons.map((p) => p.map((r) => r.slice(0, -1).map(([x, y]) => `${x},${y}`).sort()));
  const keys = (...rings: string[][]) => rings.map((r) => [r.slice().sort()]);

  it('rewinds rings and leaves a polygon off the antimeridian in place', () => {
    const cw: Ring = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ];
    const out = normalizePolygon([cw]);
    expectValid(out);
    expect(out).toEqual([[[...cw.slice().reverse(), [1, 0]]]]);
    // A ring along ±180 that does not cross it stays as it is.
    const edge: Ring = [
      [179, 0],
      [180, 0],
      [180, 1],
      [179, 1],
      [179, 0],
    ];
    expect(normalizePolygon([edge])).toEqual([[edge]]);
  });

  it('cuts a square written across 180 either way (running past it, or jumping)', () => {
    const past = normalizePolygon([
      [
        [179, 0],
        [181, 0],
        [181, 1],
        [179, 1],
      ],
    ]);
    const jumping = normalizePolygon([
      [
        [179, 0],
        [-179, 0],
        [-179, 1],
        [179, 1],
        [179, 0],
      ],
    ]);
    for (const out of [past, jumping]) {
      expectValid(out);
      expect(sorted(out)).toEqual(keys(['179,0', '179,1', '180,0', '180,1'], ['-179,0', '-179,1', '-180,0', '-180,1']));
    }
  });

  it('keeps a vertex on 180 that touches from inside, and splits the fingers that cross', () => {
    // An E: two arms cross 180, the middle one just touches it at (180, 2.5).
    const e: Ring = [
      [178, 0],
      [181, 0],
      [181, 1],
      [179, 1],
      [179, 2],
      [180, 2.5],
      [179, 3],
      [181, 3],
      [181, 4],
      [178, 4],
    ];
    const out = normalizePolygon([e]);
    expectValid(out);
    const east = out.filter((p) => p[0]!.every(([x]) => x >= 0));
    const west = out.filter((p) => p[0]!.every(([x]) => x <= 0));
    expect(east).toHaveLength(1);
    expect(west).toHaveLength(2);
    expect(east[0]![0]).toContainEqual([180, 2.5]);
    expect(sorted(west)).toEqual(keys(['-180,0', '-180,1', '-179,0', '-179,1'], ['-180,3', '-180,4', '-179,3', '-179,4']));
    expect(planarArea(out)).toBeCloseTo(planarArea([[[...e, e[0]!]]]), 9);
  });

  it('handles a vertex on 180 touching from outside, and an edge along 180', () => {
    const touching = normalizePolygon([
      [
        [181, 0],
        [182, 0],
        [182, 2],
        [181, 2],
        [180, 1],
      ],
    ]);
    expectValid(touching);
    expect(sorted(touching)).toEqual(keys(['-178,0', '-178,2', '-179,0', '-179,2', '-180,1']));

    const along = normalizePolygon([
      [
        [179, 0],
        [181, 0],
        [181, 1],
        [180, 1],
        [180, 2],
        [179, 2],
      ],
    ]);
    expectValid(along);
    expect(along).toHaveLength(2);
    expect(planarArea(along)).toBeCloseTo(3, 9);
    expect(sorted(along.filter((p) => p[0]![0]![0] < 0))).toEqual(keys(['-180,0', '-180,1', '-179,0', '-179,1']));
  });

  it('cuts a hole that straddles 180 into both pieces, and keeps one on a side with its piece', () => {
    const outer: Ring = [
      [178, -2],
      [182, -2],
      [182, 2],
      [178, 2],
    ];
    const straddling = normalizePolygon([
      outer,
      [
        [179.5, -1],
        [180.5, -1],
        [180.5, 1],
        [179.5, 1],
      ],
    ]);
    expectValid(straddling);
    expect(straddling.map((p) => p.length)).toEqual([1, 1]);
    expect(planarArea(straddling)).toBeCloseTo(14, 9);
    expect(containing(straddling, 179.9, 0)).toBe(0);
    expect(containing(straddling, -179.9, 0)).toBe(0);
    expect(containing(straddling, -179.9, 1.5)).toBe(1);

    const west = normalizePolygon([
      outer,
      [
        [-179.5, -1],
        [-179.2, -1],
        [-179.2, 1],
        [-179.5, 1],
      ],
    ]);
    expectValid(west);
    expect(west.map((p) => p.length)).toEqual([1, 2]);
    expect(west[1]![0]!.every(([x]) => x < 0)).toBe(true);
    expect(planarArea(west)).toBeCloseTo(16 - 0.6, 9);
  });

  it('still gives pieces within −180 … 180 for a ring that crosses itself (invalid input)', () => {
    const bowTie: Ring = [
      [179.5, 0],
      [181, 2],
      [181, 0],
      [179.5, 1],
    ];
    const out = normalizePolygon([bowTie]);
    expect(out.length).toBeGreaterThan(0);
    for (const ring of out.flat()) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [x] of ring) expect(Math.abs(x)).toBeLessThanOrEqual(180);
    }
  });

  it('closes a ring around a pole along latitude 90', () => {
    const ring: Ring = [0, 45, 90, 135, 180, -135, -90, -45].map((lon) => [lon, 80] as Position);
    const out = normalizePolygon([ring]);
    expectValid(out);
    expect(out).toHaveLength(1);
    expect(containing(out, 0, 89)).toBe(1);
    expect(containing(out, 170, 85)).toBe(1);
    expect(containing(out, 0, 79)).toBe(0);
    expect(planarArea(out)).toBeCloseTo(360 * 10, 6);
  });
});

describe('cellsByTerritory', () => {
  it('groups cells by territory, skips unassigned ones, and gives [] to a territory without cells', () => {
    const a = gridDisk(latLngToCell(40, -100, 6), 1);
    const b = gridDisk(latLngToCell(41, -98, 6), 1);
    const loose = latLngToCell(30, -90, 6);
    const h3 = [...a, loose, ...b];
    const territoryOfCell = Int32Array.from([...a.map(() => 7), -1, ...b.map(() => 3)]);
    const result = cellsByTerritory(h3, territoryOfCell, [3, 7, 9]);
    expect([...result.keys()]).toEqual([3, 7, 9]);
    expect(result.get(7)).toEqual(a);
    expect(result.get(3)).toEqual(b);
    expect(result.get(9)).toEqual([]);
    expect(() => cellsByTerritory(h3, new Int32Array(2), [1])).toThrow(RangeError);
  });
});
