import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alignmentFromPolygons } from '../../../shared/domain/import/alignment-from-polygons';
import { readGeojsonTerritories } from './read-geojson-territories';

const dir = mkdtempSync(join(tmpdir(), 'tessera-geojson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `content` (JSON-encoded unless a string) to a file in the temp dir; returns its path. */
function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const square = (w: number, s: number, size = 1) => [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]];
const feature = (properties: Record<string, unknown> | null, geometry: unknown) => ({ type: 'Feature', properties, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('readGeojsonTerritories', () => {
  it('reads Polygon and MultiPolygon features labelled by name, listing the properties', () => {
    const path = write('two.geojson', collection(
      feature({ name: 'North', code: 'N' }, { type: 'Polygon', coordinates: square(0, 1) }),
      feature({ name: 'South', code: 'S', rep: 'Ann' }, { type: 'MultiPolygon', coordinates: [square(0, 0), square(5, 0)] }),
    ));
    const result = readGeojsonTerritories(path);
    expect(result.features).toEqual([
      { label: 'North', polygons: [square(0, 1)] },
      { label: 'South', polygons: [square(0, 0), square(5, 0)] },
    ]);
    expect(result.properties).toEqual(['name', 'code', 'rep']);
    expect(result.issues).toEqual([]);
  });

  it('uses the chosen property, names a feature without it by its number, and merges equal labels', () => {
    const path = write('codes.geojson', collection(
      feature({ name: 'North', code: 7 }, { type: 'Polygon', coordinates: square(0, 1) }),
      feature({ name: 'South' }, { type: 'Polygon', coordinates: square(0, 0) }),
      feature({ name: 'North again', code: '7' }, { type: 'Polygon', coordinates: square(3, 3) }),
    ));
    const result = readGeojsonTerritories(path, 'code');
    expect(result.features).toEqual([
      { label: '7', polygons: [square(0, 1), square(3, 3)] },
      { label: '2', polygons: [square(0, 0)] },
    ]);
    expect(result.issues).toEqual([{ row: 2, column: 'code', value: '', reason: 'No code; the territory is named by its feature number.' }]);
  });

  it('picks the first label property present in order name, NAME, territory, …, id, ID', () => {
    const path = write('ids.geojson', collection(
      feature({ id: 'x1', Territory: 'T1' }, { type: 'Polygon', coordinates: square(0, 0) }),
      feature({ id: 'x2', Territory: 'T2' }, { type: 'Polygon', coordinates: square(1, 0) }),
    ));
    expect(readGeojsonTerritories(path).features.map((f) => f.label)).toEqual(['T1', 'T2']);
  });

  it('skips other geometries, missing geometries and malformed polygons with issues', () => {
    const path = write('mixed.geojson', collection(
      feature({ name: 'Dot' }, { type: 'Point', coordinates: [1, 2] }),
      feature({ name: 'Nothing' }, null),
      feature({ name: 'Bad' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] }),
      feature({ name: 'Mixed' }, { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, { type: 'Polygon', coordinates: square(2, 2) }] }),
      { type: 'Something' },
    ));
    const result = readGeojsonTerritories(path);
    expect(result.features).toEqual([{ label: 'Mixed', polygons: [square(2, 2)] }]);
    expect(result.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [1, 'geometry', 'Point'],
      [2, 'geometry', ''],
      [3, 'geometry', 'Polygon'],
      [4, 'geometry', 'LineString'],
      [5, '', 'Something'],
    ]);
    expect(result.issues[0]!.reason).toContain('Polygon or MultiPolygon');
  });

  it('reads a single Feature, a bare geometry, and a file with a byte-order mark', () => {
    expect(readGeojsonTerritories(write('one.geojson', feature({ NAME: 'Solo' }, { type: 'Polygon', coordinates: square(0, 0) }))).features.map((f) => f.label)).toEqual(['Solo']);
    const bare = readGeojsonTerritories(write('bare.json', '\uFEFF' + JSON.stringify({ type: 'MultiPolygon', coordinates: [square(0, 0)] })));
    expect(bare).toEqual({ features: [{ label: '1', polygons: [square(0, 0)] }], properties: [], issues: [] });
  });

  it('accepts longitudes past 180 (unwrapped across the antimeridian)', () => {
    const path = write('bering.geojson', feature({ name: 'Bering' }, { type: 'Polygon', coordinates: [[[170, 50], [190, 50], [190, 60], [170, 60], [170, 50]]] }));
    const { features } = readGeojsonTerritories(path);
    expect(Array.from(alignmentFromPolygons([55, 55, 55], [175, -175, 0], features).territoryOfCell)).toEqual([0, 0, -1]);
  });

  it('throws errors naming the file for missing, invalid, non-GeoJSON, projected and huge files', () => {
    expect(() => readGeojsonTerritories(join(dir, 'absent.geojson'))).toThrow('absent.geojson was not found.');
    expect(() => readGeojsonTerritories(write('broken.geojson', '{"type": "FeatureCollection", '))).toThrow(/^broken\.geojson is not valid JSON/);
    expect(() => readGeojsonTerritories(write('other.json', { foo: 1 }))).toThrow(/^other\.json is not GeoJSON/);
    expect(() => readGeojsonTerritories(write('list.json', [1, 2]))).toThrow('found an array');
    const projected = write('utm.geojson', collection(feature({ name: 'A' }, { type: 'Polygon', coordinates: [[[512345.6, 4100000], [512400, 4100000], [512400, 4100100], [512345.6, 4100000]]] })));
    expect(() => readGeojsonTerritories(projected)).toThrow('utm.geojson: coordinates look projected (x = 512345.6); export WGS84 (EPSG:4326).');
    const huge = write('huge.geojson', '');
    truncateSync(huge, 201 * 1024 * 1024); // sparse: nothing is written
    expect(() => readGeojsonTerritories(huge)).toThrow(/^huge\.geojson is 201 MB; .*at most 200 MB/);
  });
});
