import { cellArea, cellToLatLng, latLngToCell, polygonToCells, splitLongToH3Index } from 'h3-js';
import { landForPoints } from './land-for-points';
import { clipPolygonToBox, widenedBox } from '../../../shared/domain/geo/clip-to-box';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/domain/random/create-rng';
import { growStudyArea } from './grow-study-area';
import { LandCellsBuilder, landCells } from './land-cells';
import { PointPlacer, startPointPlacer } from './place-points';

function points(n: number) {
  const rng = createRng(5);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Around Colorado, with a few across the border in Wyoming (a small land part).
    lat[i] = i % 500 === 0 ? 41.2 + 0.05 * rng.next() : 38 + 2 * rng.next();
    lon[i] = -106 + 3 * rng.next();
  }
  return { lat, lon, cells: Array.from(lat, (la, i) => latLngToCell(la, lon[i]!, 5)) };
}

describe('PointPlacer', () => {
  it('places points given in batches in their cells, and grows the same study area from its land as growStudyArea alone', async () => {
    const { lat, lon, cells } = points(100_000);
    const placer = startPointPlacer(5, true);
    // Uneven batches, past the placer's first buffer size.
    for (let from = 0; from < lat.length; from += 7_777) placer.add(lat.slice(from, from + 7_777), lon.slice(from, from + 7_777));
    const placed = await placer.finish();
    expect(Array.from(placed.hi, (hi, i) => splitLongToH3Index(placed.lo[i]! >>> 0, hi))).toEqual(cells);
    expect(placed.land).toEqual(landCells(lat, lon, 5));
    const inside = growStudyArea([], cells, lat, lon, 5)!;
    const before = growStudyArea([], cells, lat, lon, 5, placed.land!)!;
    expect(before.h3).toEqual(inside.h3);
    expect(before.places).toEqual(inside.places);
    expect(Array.from(before.graph.neighbors)).toEqual(Array.from(inside.graph.neighbors));
    expect(Array.from(before.component)).toEqual(Array.from(inside.component));
    expect(inside.places).toContain('Colorado');
  });

  it('works out no land unless asked', () => {
    const { lat, lon } = points(10);
    const placer = new PointPlacer(5, false);
    placer.add(lat, lon);
    expect(placer.finish().land).toBeNull();
  });
});

describe('landCells', () => {
  it('is the cells whose centres lie in the land taken and in its box, with their centres and areas', () => {
    // All of one land part (Colorado, no spill): its cells are those of the part clipped to the widened box.
    const lat = Float64Array.from({ length: 400 }, (_, i) => 38 + (i % 20) * 0.05);
    const lon = Float64Array.from({ length: 400 }, (_, i) => -106 + Math.floor(i / 20) * 0.05);
    const land = landCells(lat, lon, 5);
    const { polygons } = landForPoints(lat, lon);
    const box = widenedBox(lat, lon, 0.25, 1)!;
    const expected = polygons.flatMap((p) => {
      const clipped = clipPolygonToBox(p, box);
      return clipped ? polygonToCells(clipped, 5, true) : [];
    });
    expect(new Set(land.cells)).toEqual(new Set(expected));
    land.cells.forEach((cell, i) => {
      expect([land.lat[i], land.lon[i]]).toEqual(cellToLatLng(cell));
      expect(land.areaKm2[i]).toBe(cellArea(cell, 'km2'));
    });
    expect(land.places).toEqual(['Colorado']);
  });

  it('gives the same land whether worked out ahead between batches or all at the end', () => {
    const { lat, lon } = points(30_000);
    const ahead = new LandCellsBuilder(5);
    for (let from = 0; from < lat.length; from += 4_000) {
      ahead.add(lat.subarray(from, from + 4_000), lon.subarray(from, from + 4_000));
      ahead.prefetch();
    }
    expect(ahead.result()).toEqual(landCells(lat, lon, 5));
  });
});
