import { describe, expect, it } from 'vitest';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import { createPolygonIndex, pointInPolygon } from '../../../shared/domain/geo/point-in-polygon';
import { createRng } from '../../../shared/domain/random/create-rng';
import { landForPoints } from './land-for-points';

/** [west, south, east, north] over all polygons. */
function boundsOf(polygons: PolygonCoords[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polygons) {
    for (const [x, y] of p[0]!) {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    }
  }
  return b;
}

/** landForPoints over [lat, lon] pairs. */
function land(...points: [number, number][]) {
  return landForPoints(points.map((p) => p[0]), points.map((p) => p[1]));
}

describe('landForPoints', () => {
  it('gives mainland France for Paris and Lyon, not its overseas parts', () => {
    const { polygons, places } = land([48.8566, 2.3522], [45.764, 4.8357]);
    expect(places).toEqual(['France']);
    const [w, s, e, n] = boundsOf(polygons);
    expect(w).toBeGreaterThan(-6);
    expect(e).toBeLessThan(10);
    expect(s).toBeGreaterThan(41);
    expect(n).toBeLessThan(52);
    expect(polygons.some((p) => pointInPolygon(2.3522, 48.8566, p))).toBe(true);
  });

  it('gives Hawaii for Honolulu, not the rest of the United States', () => {
    const { polygons, places } = land([21.3099, -157.8581]);
    expect(places).toEqual(['Hawaii']);
    const [w, s, e, n] = boundsOf(polygons);
    expect(w).toBeGreaterThan(-161);
    expect(e).toBeLessThan(-154);
    expect(s).toBeGreaterThan(18);
    expect(n).toBeLessThan(23);
  });

  it('gives California for Los Angeles and San Diego', () => {
    const { polygons, places } = land([34.0522, -118.2437], [32.7157, -117.1611]);
    expect(places).toEqual(['California']);
    const [w, s, e, n] = boundsOf(polygons);
    expect(w).toBeGreaterThan(-125);
    expect(e).toBeLessThan(-114);
    expect(s).toBeGreaterThan(32);
    expect(n).toBeLessThan(42.1);
  });

  it('gives the Java parts of Indonesia for Jakarta and Surabaya', () => {
    // Surabaya a little inland: its centre lies on water at 1:50m.
    const { polygons, places } = land([-6.2088, 106.8456], [-7.29, 112.73]);
    expect(places).toEqual(['Indonesia']);
    const [w, s, e, n] = boundsOf(polygons);
    expect(w).toBeGreaterThan(105);
    expect(e).toBeLessThan(115);
    expect(s).toBeGreaterThan(-9);
    expect(n).toBeGreaterThan(-6.3);
    expect(n).toBeLessThan(-5);
    const java = polygons.filter((p) => pointInPolygon(106.8456, -6.2088, p) && pointInPolygon(112.73, -7.29, p));
    expect(java).toHaveLength(1);
  });

  it('lists each country once, sorted, for points in several', () => {
    expect(land([52.52, 13.405], [48.8566, 2.3522], [48.8, 2.3]).places).toEqual(['France', 'Germany']);
  });

  it('gives nothing for a point at sea or NaN', () => {
    expect(land([30, -40], [NaN, 10])).toEqual({ polygons: [], places: [], polygonOfPoint: Int32Array.from([-1, -1]) });
  });

  it('names the polygon holding each point, as an index over the polygons finds it', () => {
    const rng = createRng(11);
    const lat: number[] = [];
    const lon: number[] = [];
    for (let i = 0; i < 3000; i++) {
      lat.push(20 + 35 * rng.next());
      lon.push(-130 + 70 * rng.next());
    }
    lat.push(NaN, 48.8566, 21.3099);
    lon.push(0, 2.3522, -157.8581);
    const { polygons, polygonOfPoint } = landForPoints(lat, lon);
    const index = createPolygonIndex(polygons);
    expect(Array.from(polygonOfPoint)).toEqual(lat.map((la, i) => index.find(lon[i]!, la)));
    expect(polygonOfPoint.filter((p) => p >= 0).length).toBeGreaterThan(1000);
  });

  it('finds Chukotka east and west of the antimeridian, with pieces within ±180', () => {
    // Inland: Anadyr and Uelen themselves lie on water at 1:50m.
    const east = land([66, 178]);
    const west = land([67, -175]);
    expect(east.places).toEqual(['Russia']);
    expect(west.places).toEqual(['Russia']);
    for (const p of [...east.polygons, ...west.polygons]) for (const ring of p) for (const [x] of ring) expect(Math.abs(x!)).toBeLessThanOrEqual(180);
    expect(land([66, 0]).places).toEqual([]); // the Norwegian Sea, inside the uncut ring's box
  });

  it('looks up a million points spread over the United States in under 2 s', () => {
    const rng = createRng(5);
    const n = 1_000_000;
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lat[i] = 25 + 24 * rng.next();
      lon[i] = -124 + 57 * rng.next();
    }
    landForPoints([40], [-100]); // loads the boundaries
    const start = performance.now();
    const { places } = landForPoints(lat, lon);
    const ms = performance.now() - start;
    expect(places).toContain('Texas');
    expect(places).toContain('Canada');
    expect(places).toContain('Mexico');
    expect(ms).toBeLessThan(2000);
  });
});
