import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/domain/random/create-rng';
import { growStudyArea } from './grow-study-area';
import { landCells, startLandCells } from './land-cells';

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

describe('landCells', () => {
  it('grows the same study area when worked out beforehand (on another thread) as inside growStudyArea', async () => {
    const { lat, lon, cells } = points(3000);
    const inside = growStudyArea([], cells, lat, lon, 5)!;
    const land = await startLandCells(lat, lon, 5);
    expect(land).toEqual(landCells(lat, lon, 5));
    const before = growStudyArea([], cells, lat, lon, 5, land)!;
    expect(before.h3).toEqual(inside.h3);
    expect(before.places).toEqual(inside.places);
    expect(Array.from(before.graph.neighbors)).toEqual(Array.from(inside.graph.neighbors));
    expect(Array.from(before.component)).toEqual(Array.from(inside.component));
    expect(inside.places).toContain('Colorado');
  });
});
