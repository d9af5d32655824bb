import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { dissolveCells } from './dissolve-cells';
import { boundariesGeoJson, formatCoordinate } from './geojson-writer';
import type { BoundaryFeature, PolygonRings } from './types';

function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}

function annulus(lat: number, lng: number): PolygonRings[] {
  const centre = latLngToCell(lat, lng, 6);
  const inner = new Set(gridDisk(centre, 1));
  return dissolveCells(gridDisk(centre, 3).filter((c) => !inner.has(c)));
}

const features: BoundaryFeature[] = [
  {
    territoryId: 4,
    name: 'North "A"',
    color: '#ff8000',
    attributes: [
      { key: 'territory', value: 'North "A" — Nord/北' },
      { key: 'Revenue (USD)', value: 1234.5 },
      { key: 'rep', value: null },
      { key: 'accounts', value: 17 },
    ],
    polygons: annulus(45, 5),
  },
  {
    territoryId: 9,
    name: 'Fiji',
    color: '#0000ff',
    attributes: [
      { key: 'territory', value: 'Fiji' },
      { key: 'Revenue (USD)', value: Number.NaN },
    ],
    polygons: dissolveCells(gridDisk(latLngToCell(-17.5, 179.9, 5), 6)),
  },
  { territoryId: 12, name: 'Empty', color: '#00ff00', attributes: [{ key: 'territory', value: 'Empty' }], polygons: [] },
  {
    territoryId: 13,
    name: 'Tiny',
    color: '#123456',
    attributes: [
      { key: 'color', value: 'own' },
      { key: 'color', value: 'repeated' },
    ],
    polygons: [
      [
        [
          [0.00000001, -0.00000001],
          [0.0000123, 0],
          [0.0000123, 0.00000049],
          [0.00000001, -0.00000001],
        ],
      ],
    ],
  },
];

describe('formatCoordinate', () => {
  it('rounds to 7 decimals in plain notation', () => {
    expect(formatCoordinate(12.3456789012)).toBe('12.3456789');
    expect(formatCoordinate(-179.99999999)).toBe('-180');
    expect(formatCoordinate(180)).toBe('180');
    expect(formatCoordinate(1e-8)).toBe('0');
    expect(formatCoordinate(-1e-8)).toBe('0');
    expect(formatCoordinate(1.23e-7)).toBe('0.0000001');
    expect(formatCoordinate(-6e-8)).toBe('-0.0000001');
    expect(formatCoordinate(0.5)).toBe('0.5');
    expect(formatCoordinate(-0.1)).toBe('-0.1');
    expect(formatCoordinate(89.00000004)).toBe('89');
  });
});

describe('boundariesGeoJson', () => {
  const text = boundariesGeoJson(features, { name: 'Plan <A> "2025"' });
  const json = JSON.parse(text) as {
    type: string;
    name: string;
    features: { type: string; id: number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[];
  };

  it('writes a FeatureCollection with a name and no crs, one Feature per territory', () => {
    expect(json.type).toBe('FeatureCollection');
    expect(json.name).toBe('Plan <A> "2025"');
    expect('crs' in json).toBe(false);
    expect(json.features.map((f) => f.type)).toEqual(['Feature', 'Feature', 'Feature', 'Feature']);
    expect(json.features.map((f) => f.id)).toEqual([4, 9, 12, 13]);
  });

  it('writes attributes in order, then the colour; non-finite numbers as null', () => {
    const [a, b, , d] = json.features;
    expect(Object.entries(a!.properties)).toEqual([
      ['territory', 'North "A" — Nord/北'],
      ['Revenue (USD)', 1234.5],
      ['rep', null],
      ['accounts', 17],
      ['color', '#ff8000'],
    ]);
    expect(b!.properties).toEqual({ territory: 'Fiji', 'Revenue (USD)': null, color: '#0000ff' });
    // An attribute named color wins over the territory colour; a repeated key keeps its first value.
    expect(d!.properties).toEqual({ color: 'own' });
    expect(text.match(/"color"/g)).toHaveLength(4);
  });

  it('writes Polygon for one piece, MultiPolygon for several, null for none', () => {
    expect(json.features.map((f) => f.geometry?.type ?? null)).toEqual(['Polygon', 'MultiPolygon', null, 'Polygon']);
    expect(json.features[0]!.geometry!.coordinates).toHaveLength(2); // outer ring and hole
  });

  it('keeps every ring valid RFC 7946, coordinates rounded to 7 decimals without exponents', () => {
    expect(text).not.toMatch(/\d[eE][+-]?\d/);
    const polygonsOf = (g: { type: string; coordinates: unknown }) =>
      (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    let rings = 0;
    json.features.forEach((f, i) => {
      if (!f.geometry) return;
      const written = polygonsOf(f.geometry);
      const source = features[i]!.polygons;
      expect(written).toHaveLength(source.length);
      written.forEach((polygon, p) => {
        polygon.forEach((ring, r) => {
          rings++;
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [x, y] of ring as [number, number][]) {
            expect(x >= -180 && x <= 180 && y >= -90 && y <= 90).toBe(true);
          }
          if (i !== 3) {
            if (r === 0) expect(signedArea(ring)).toBeGreaterThan(0);
            else expect(signedArea(ring)).toBeLessThan(0);
          }
          ring.forEach(([x, y], k) => {
            const [sx, sy] = source[p]![r]![k]!;
            expect(Math.abs(x! - sx)).toBeLessThanOrEqual(5e-8 + 1e-12);
            expect(Math.abs(y! - sy)).toBeLessThanOrEqual(5e-8 + 1e-12);
          });
        });
      });
    });
    expect(rings).toBeGreaterThan(3);
    expect(text).toContain('"geometry":{"type":"Polygon","coordinates":[[[0,0],[0.0000123,0],[0.0000123,0.0000005],[0,0]]]}}');
  });

  it('writes an empty collection', () => {
    expect(JSON.parse(boundariesGeoJson([], { name: 'none' }))).toEqual({ type: 'FeatureCollection', name: 'none', features: [] });
  });
});
