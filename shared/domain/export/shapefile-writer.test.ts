import { strFromU8, unzipSync } from 'fflate';
import { gridDisk, latLngToCell } from 'h3-js';
import { open } from 'shapefile';
import { describe, expect, it } from 'vitest';
import { dissolveCells } from './dissolve-cells';
import { boundariesShapefile, dbfFieldNames, WGS84_PRJ } from './shapefile-writer';
import type { BoundaryFeature, PolygonRings } from './types';
import { zipFiles } from './zip-files';

const longNote = `a${'é'.repeat(150)}`; // 301 UTF-8 bytes: cut to 253, before the é that would straddle byte 254

const annulus = (() => {
  const centre = latLngToCell(47.4, 8.5, 6);
  const inner = new Set(gridDisk(centre, 1));
  return dissolveCells(gridDisk(centre, 3).filter((c) => !inner.has(c)));
})();
const fiji = dissolveCells(gridDisk(latLngToCell(-17.5, 179.9, 5), 6));
/** A square given clockwise, the wrong way round for GeoJSON: the writer turns it by area, not by trust. */
const square: PolygonRings[] = [
  [
    [
      [10, 10],
      [10, 11],
      [11, 11],
      [11, 10],
      [10, 10],
    ],
  ],
];

const features: BoundaryFeature[] = [
  {
    territoryId: 1,
    name: 'Zürich Nord',
    color: '#ff8000',
    attributes: [
      { key: 'Territory name', value: 'Zürich Nord' },
      { key: 'Territory id', value: 1 },
      { key: 'Revenue (USD)', value: 1234.5 },
      { key: 'Größe', value: 12 },
      { key: 'الاسم', value: 'منطقة الشمال' },
      { key: '名前', value: '华北区' },
      { key: 'note', value: longNote },
      { key: 'empty', value: null },
      { key: 'huge', value: 1e25 },
    ],
    polygons: annulus,
  },
  {
    territoryId: 2,
    name: 'Fiji',
    color: '#0000ff',
    attributes: [
      { key: 'Territory name', value: 'Fiji' },
      { key: 'Territory id', value: 2 },
      { key: 'Revenue (USD)', value: 0.125 },
      { key: 'Größe', value: 'large' },
      { key: 'empty', value: null },
    ],
    polygons: fiji,
  },
  {
    territoryId: 3,
    name: 'Nothing',
    color: '#00ff00',
    attributes: [
      { key: 'Territory id', value: 3 },
      { key: 'Revenue (USD)', value: -3 },
      { key: 'Territory name', value: 'Nothing' },
      { key: 'huge', value: Number.NaN },
    ],
    polygons: [],
  },
  {
    territoryId: 4,
    name: 'Square',
    color: '#123456',
    attributes: [{ key: 'Territory name', value: 'Square' }],
    polygons: square,
  },
];

const date = new Date(2025, 2, 7);
const { files, fields } = boundariesShapefile(features, { baseName: 'territories', date });

/** The reader's polygons of one geometry, rings turned back to GeoJSON winding. */
function readPolygons(geometry: { type: string; coordinates: unknown } | null): PolygonRings[] {
  if (!geometry) return [];
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as PolygonRings[];
  return polygons.map((p) => p.map((ring) => ring.slice().reverse()));
}

function expectSameRings(actual: PolygonRings[], expected: PolygonRings[]): void {
  expect(actual.map((p) => p.map((r) => r.length))).toEqual(expected.map((p) => p.map((r) => r.length)));
  actual.forEach((polygon, p) =>
    polygon.forEach((ring, r) =>
      ring.forEach(([x, y], k) => {
        const [ex, ey] = expected[p]![r]![k]!;
        expect(Math.abs(x - ex)).toBeLessThan(1e-9);
        expect(Math.abs(y - ey)).toBeLessThan(1e-9);
      }),
    ),
  );
}

describe('dbfFieldNames', () => {
  it('makes upper-case ASCII names of at most 10 characters, starting with a letter, unique', () => {
    expect(dbfFieldNames(['Territory name', 'Territory id', 'Größe', 'Ærø straße', 'name', 'NAME', 'Name', 'name_1'])).toEqual([
      'TERRITORY_',
      'TERRITOR_1',
      'GROSSE',
      'AERO_STRAS',
      'NAME',
      'NAME_2',
      'NAME_3',
      'NAME_1',
    ]);
    // A name that fits whole is kept even when a longer key cut to 10 would take it.
    expect(dbfFieldNames(['territory_id', 'territory', 'rep_id', 'rep'])).toEqual(['TERRITORY_', 'TERRITORY', 'REP_ID', 'REP']);
    expect(dbfFieldNames(['2024 sales', '_x_', 'الاسم', '名前', '', 'a b-c.d'])).toEqual(['F_2024_SAL', 'X', 'FIELD', 'FIELD_1', 'FIELD_2', 'A_B_C_D']);
    const many = dbfFieldNames(Array.from({ length: 12 }, () => 'Revenue per account'));
    expect(new Set(many.map((n) => n.toUpperCase())).size).toBe(12);
    for (const n of many) expect(n).toMatch(/^[A-Z][A-Z0-9_]{0,9}$/);
    expect(many[11]).toBe('REVENUE_11');
  });
});

describe('boundariesShapefile', () => {
  it('writes the five files and reports the field names', () => {
    expect(Object.keys(files).sort()).toEqual(['territories.cpg', 'territories.dbf', 'territories.prj', 'territories.shp', 'territories.shx']);
    expect(strFromU8(files['territories.prj']!)).toBe(WGS84_PRJ);
    expect(strFromU8(files['territories.cpg']!)).toBe('UTF-8');
    expect(fields).toEqual([
      { key: 'Territory name', dbfName: 'TERRITORY_' },
      { key: 'Territory id', dbfName: 'TERRITOR_1' },
      { key: 'Revenue (USD)', dbfName: 'REVENUE_US' },
      { key: 'Größe', dbfName: 'GROSSE' },
      { key: 'الاسم', dbfName: 'FIELD' },
      { key: '名前', dbfName: 'FIELD_1' },
      { key: 'note', dbfName: 'NOTE' },
      { key: 'empty', dbfName: 'EMPTY' },
      { key: 'huge', dbfName: 'HUGE' },
    ]);
  });

  it('reads back with an independent reader: geometries, attributes, a null shape', async () => {
    const source = await open(files['territories.shp']!, files['territories.dbf']!, { encoding: 'utf-8' });
    const read: { properties: Record<string, unknown> | null; geometry: { type: string; coordinates: unknown } | null }[] = [];
    for (let r = await source.read(); !r.done; r = await source.read()) read.push(r.value as (typeof read)[number]);
    expect(read).toHaveLength(4);

    expectSameRings(readPolygons(read[0]!.geometry), annulus);
    expect(readPolygons(read[0]!.geometry)[0]).toHaveLength(2); // the hole stays with its polygon
    expectSameRings(readPolygons(read[1]!.geometry), fiji);
    expect(read[1]!.geometry!.type).toBe('MultiPolygon');
    expect(read[2]!.geometry).toBeNull();
    // The clockwise input square comes back counter-clockwise (as a GeoJSON outer ring).
    expectSameRings(readPolygons(read[3]!.geometry), [[square[0]![0]!.slice().reverse()]]);

    expect(read[0]!.properties).toEqual({
      TERRITORY_: 'Zürich Nord',
      TERRITOR_1: 1,
      REVENUE_US: 1234.5,
      GROSSE: '12',
      FIELD: 'منطقة الشمال',
      FIELD_1: '华北区',
      NOTE: longNote.slice(0, 127),
      EMPTY: null,
      HUGE: '1e+25',
    });
    expect(read[1]!.properties).toMatchObject({ TERRITORY_: 'Fiji', TERRITOR_1: 2, REVENUE_US: 0.125, GROSSE: 'large', NOTE: null, HUGE: null });
    expect(read[2]!.properties).toMatchObject({ TERRITORY_: 'Nothing', TERRITOR_1: 3, REVENUE_US: -3, GROSSE: null, HUGE: null });
    expect(read[3]!.properties).toMatchObject({ TERRITORY_: 'Square', TERRITOR_1: null, REVENUE_US: null });
  });

  it('lays out the .shp and .shx headers and records per the specification', () => {
    const shp = files['territories.shp']!;
    const shx = files['territories.shx']!;
    const sv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
    const xv = new DataView(shx.buffer, shx.byteOffset, shx.byteLength);
    for (const [v, bytes] of [
      [sv, shp.byteLength],
      [xv, shx.byteLength],
    ] as const) {
      expect(v.getInt32(0, false)).toBe(9994);
      expect(v.getInt32(24, false) * 2).toBe(bytes);
      expect(v.getInt32(28, true)).toBe(1000);
      expect(v.getInt32(32, true)).toBe(5);
    }
    expect(shx.byteLength).toBe(100 + 8 * features.length);

    const all = features.flatMap((f) => f.polygons.flat(2));
    const box = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
    expect([0, 1, 2, 3].map((i) => sv.getFloat64(36 + 8 * i, true))).toEqual(box);
    expect([0, 1, 2, 3].map((i) => xv.getFloat64(36 + 8 * i, true))).toEqual(box);

    let at = 100;
    features.forEach((f, i) => {
      const offset = xv.getInt32(100 + 8 * i, false) * 2;
      const length = xv.getInt32(104 + 8 * i, false) * 2;
      expect(offset).toBe(at);
      expect(sv.getInt32(at, false)).toBe(i + 1);
      expect(sv.getInt32(at + 4, false) * 2).toBe(length);
      const type = sv.getInt32(at + 8, true);
      if (f.polygons.length === 0) {
        expect(type).toBe(0);
        expect(length).toBe(4);
      } else {
        expect(type).toBe(5);
        const points = f.polygons.flat(2);
        const recordBox = [0, 1, 2, 3].map((k) => sv.getFloat64(at + 12 + 8 * k, true));
        expect(recordBox).toEqual([
          Math.min(...points.map((p) => p[0])),
          Math.min(...points.map((p) => p[1])),
          Math.max(...points.map((p) => p[0])),
          Math.max(...points.map((p) => p[1])),
        ]);
        expect(sv.getInt32(at + 44, true)).toBe(f.polygons.flat().length);
        expect(sv.getInt32(at + 48, true)).toBe(points.length);
      }
      at += 8 + length;
    });
    expect(at).toBe(shp.byteLength);
  });

  it('writes a dBASE III table: version, date, counts, field types and widths', () => {
    const dbf = files['territories.dbf']!;
    const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
    expect(dbf[0]).toBe(0x03);
    expect([dbf[1], dbf[2], dbf[3]]).toEqual([125, 3, 7]);
    expect(v.getUint32(4, true)).toBe(4);
    const headerBytes = v.getUint16(8, true);
    const recordBytes = v.getUint16(10, true);
    expect(headerBytes).toBe(32 + 32 * fields.length + 1);
    expect(dbf[headerBytes - 1]).toBe(0x0d);
    expect(dbf[29]).toBe(0);
    const descriptors = fields.map((_, i) => {
      const at = 32 + 32 * i;
      return { type: String.fromCharCode(dbf[at + 11]!), width: dbf[at + 16]!, decimals: dbf[at + 17]! };
    });
    expect(descriptors).toEqual([
      { type: 'C', width: 'Zürich Nord'.length + 1, decimals: 0 },
      { type: 'N', width: 1, decimals: 0 },
      { type: 'N', width: 8, decimals: 3 },
      { type: 'C', width: 5, decimals: 0 },
      { type: 'C', width: 23, decimals: 0 },
      { type: 'C', width: 9, decimals: 0 },
      { type: 'C', width: 254, decimals: 0 },
      { type: 'C', width: 1, decimals: 0 },
      { type: 'C', width: 5, decimals: 0 },
    ]);
    expect(recordBytes).toBe(1 + descriptors.reduce((s, d) => s + d.width, 0));
    expect(dbf.byteLength).toBe(headerBytes + 4 * recordBytes + 1);
    expect(dbf[dbf.byteLength - 1]).toBe(0x1a);
    // Numbers right-aligned, text left-aligned, blanks for null.
    const record = (r: number) => strFromU8(dbf.subarray(headerBytes + r * recordBytes, headerBytes + (r + 1) * recordBytes));
    expect(record(2).startsWith(' Nothing     3  -3.000     ')).toBe(true);
  });

  it('writes an empty shapefile for no features', async () => {
    const empty = boundariesShapefile([], { baseName: 'none', date });
    expect(empty.files['none.shp']!.byteLength).toBe(100);
    expect(empty.files['none.shx']!.byteLength).toBe(100);
    expect(empty.fields).toEqual([]);
    const source = await open(empty.files['none.shp']!, empty.files['none.dbf']!, { encoding: 'utf-8' });
    expect((await source.read()).done).toBe(true);
  });
});

describe('zipFiles', () => {
  it('zips the files under their names', () => {
    const unzipped = unzipSync(zipFiles(files));
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort());
    for (const [name, bytes] of Object.entries(files)) expect(unzipped[name]).toEqual(bytes);
  });
});
