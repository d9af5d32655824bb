import { describe, expect, it } from 'vitest';
import type { PolygonCoords } from '../h3/build-study-area';
import { createRng } from '../random/create-rng';
import { createPolygonIndex, pointInPolygon, splitAtAntimeridian } from './point-in-polygon';

/** Plain even–odd ray cast over every edge of every ring, the reference. */
function naive(x: number, y: number, polygon: PolygonCoords): boolean {
  let odd = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) odd = !odd;
    }
  }
  return odd;
}

/** A star-shaped ring of n vertices around (cx, cy), jagged (radius 50–100 %) or coast-like (smooth, 2 % noise). */
function blob(random: () => number, cx: number, cy: number, radius: number, n: number, jagged = true): number[][] {
  const phase = 6 * random();
  const ring = Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n;
    const r = radius * (jagged ? 0.5 + 0.5 * random() : 0.75 + 0.2 * Math.sin(3 * a + phase) + 0.02 * random());
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  return [...ring, ring[0]!];
}

describe('pointInPolygon', () => {
  const square: PolygonCoords = [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],
  ];

  it('is true inside the outer ring and false in a hole or outside', () => {
    expect(pointInPolygon(1, 1, square)).toBe(true);
    expect(pointInPolygon(5, 5, square)).toBe(false);
    expect(pointInPolygon(11, 5, square)).toBe(false);
    expect(pointInPolygon(5, -1, square)).toBe(false);
    expect(pointInPolygon(NaN, 1, square)).toBe(false);
  });

  it('accepts open rings in either winding', () => {
    expect(pointInPolygon(1, 1, [[[0, 0], [0, 2], [2, 2], [2, 0]]])).toBe(true);
    expect(pointInPolygon(3, 1, [[[0, 0], [0, 2], [2, 2], [2, 0]]])).toBe(false);
  });

  it('agrees with a plain ray cast on random wiggly polygons with holes', () => {
    const rng = createRng(7);
    const random = () => rng.next();
    for (let t = 0; t < 20; t++) {
      const polygon = [blob(random, 0, 0, 20, 3 + Math.floor(random() * 200)), blob(random, 2, 1, 4, 12)];
      for (let k = 0; k < 500; k++) {
        const x = -25 + 50 * random();
        const y = -25 + 50 * random();
        expect(pointInPolygon(x, y, polygon)).toBe(naive(x, y, polygon));
      }
    }
  });

  it('reads a ring that jumps across ±180 (world-atlas style) as crossing the antimeridian', () => {
    // Like Chukotka: east along lat 60 to 179.9, then on at −180 … −170 and back.
    const chukotka: PolygonCoords = [[[170, 60], [179.9, 60], [-180, 60], [-170, 60], [-170, 70], [-180, 70], [179.9, 70], [170, 70], [170, 60]]];
    expect(pointInPolygon(175, 65, chukotka)).toBe(true);
    expect(pointInPolygon(-175, 65, chukotka)).toBe(true);
    expect(pointInPolygon(0, 65, chukotka)).toBe(false);
    expect(pointInPolygon(-165, 65, chukotka)).toBe(false);
    expect(pointInPolygon(160, 65, chukotka)).toBe(false);
  });

  it('reads longitudes past 180 the same way, holes included', () => {
    const past: PolygonCoords = [
      [[170, 60], [190, 60], [190, 70], [170, 70], [170, 60]],
      [[-176, 64], [-174, 64], [-174, 66], [-176, 66], [-176, 64]], // a hole at 184 … 186
    ];
    expect(pointInPolygon(175, 65, past)).toBe(true);
    expect(pointInPolygon(-172, 65, past)).toBe(true);
    expect(pointInPolygon(-175, 65, past)).toBe(false);
    expect(pointInPolygon(185, 65, past)).toBe(false);
    expect(pointInPolygon(0, 65, past)).toBe(false);
  });

  it('leaves a ring round a pole (Antarctica closes along lat −89.999) as it is', () => {
    const coast = Array.from({ length: 37 }, (_, k) => [178 - k * 9.9444, -70 + 3 * Math.sin(k)]);
    const antarctica: PolygonCoords = [[[-180, -89.999], [178, -89.999], ...coast, [-180, -70], [-180, -89.999]]];
    expect(splitAtAntimeridian(antarctica)).toEqual([antarctica]);
    expect(pointInPolygon(0, -80, antarctica)).toBe(true);
    expect(pointInPolygon(0, -60, antarctica)).toBe(false);
  });
});

describe('splitAtAntimeridian', () => {
  it('returns a polygon that does not cross as the same object', () => {
    const p: PolygonCoords = [[[0, 0], [1, 0], [1, 1], [0, 0]]];
    expect(splitAtAntimeridian(p)[0]).toBe(p);
  });

  it('cuts a crossing polygon into pieces within −180 … 180 with their holes', () => {
    const pieces = splitAtAntimeridian([
      [[170, 60], [190, 60], [190, 70], [170, 70], [170, 60]],
      [[184, 64], [186, 64], [186, 66], [184, 66], [184, 64]],
    ]);
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) for (const ring of piece) for (const [x] of ring) expect(Math.abs(x!)).toBeLessThanOrEqual(180);
    expect(pieces[0]).toHaveLength(1);
    expect(pieces[1]).toHaveLength(2);
  });

  it('tolerates empty and tiny rings', () => {
    expect(pointInPolygon(5, 5, [[[0, 60], [190, 60], [190, 70], [0, 60]], []])).toBe(false);
    expect(pointInPolygon(0, 0, [[]])).toBe(false);
    expect(createPolygonIndex([[], [[[0, 0], [1, 1]]]]).find(0.5, 0.5)).toBe(-1);
  });

  it('shifts a polygon wholly past 180 back by 360', () => {
    expect(splitAtAntimeridian([[[185, 0], [186, 0], [186, 1], [185, 0]]])).toEqual([[[[-175, 0], [-174, 0], [-174, 1], [-175, 0]]]]);
  });
});

describe('createPolygonIndex', () => {
  it('returns the first polygon holding the point, or −1', () => {
    const a: PolygonCoords = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]];
    const b: PolygonCoords = [[[2, 2], [6, 2], [6, 6], [2, 6], [2, 2]]];
    const index = createPolygonIndex([a, b]);
    expect(index.find(1, 1)).toBe(0);
    expect(index.find(3, 3)).toBe(0);
    expect(index.find(3, 3, 0)).toBe(1);
    expect(index.find(5, 5)).toBe(1);
    expect(index.find(5, 5, 1)).toBe(-1);
    expect(index.find(8, 8)).toBe(-1);
    expect(index.find(NaN, 1)).toBe(-1);
  });

  it('finds pieces on both sides of the antimeridian and wraps longitudes', () => {
    const index = createPolygonIndex([[[[170, 60], [190, 60], [190, 70], [170, 70], [170, 60]]]]);
    expect(index.find(175, 65)).toBe(0);
    expect(index.find(-175, 65)).toBe(0);
    expect(index.find(185, 65)).toBe(0);
    expect(index.find(0, 65)).toBe(-1);
  });

  it('agrees with the plain ray cast over many random polygons', () => {
    const rng = createRng(11);
    const random = () => rng.next();
    const polygons: PolygonCoords[] = [];
    for (let k = 0; k < 60; k++) polygons.push([blob(random, -170 + 340 * random(), -80 + 160 * random(), 1 + 15 * random(), 5 + Math.floor(random() * 300))]);
    const index = createPolygonIndex(polygons);
    for (let k = 0; k < 5_000; k++) {
      const x = -180 + 360 * random();
      const y = -90 + 180 * random();
      expect(index.find(x, y)).toBe(polygons.findIndex((p) => naive(x, y, p)));
    }
  });

  it('answers 1M lookups over 250 detailed polygons quickly', () => {
    const rng = createRng(3);
    const random = () => rng.next();
    const polygons: PolygonCoords[] = [];
    for (let row = 0; row < 10; row++) {
      for (let col = 0; col < 25; col++) polygons.push([blob(random, -170 + col * 14, -60 + row * 13, 7, 400, false)]);
    }
    const index = createPolygonIndex(polygons);
    const xs = Float64Array.from({ length: 1_000_000 }, () => -180 + 360 * random());
    const ys = Float64Array.from({ length: 1_000_000 }, () => -70 + 140 * random());
    const start = performance.now();
    let hits = 0;
    for (let i = 0; i < xs.length; i++) if (index.find(xs[i]!, ys[i]!) >= 0) hits++;
    const ms = performance.now() - start;
    expect(hits).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(2000);
  });
});
