import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import type { TerritoryShape } from '../../../shared/domain/import/alignment-from-polygons';
import type { ImportIssue } from '../../../shared/domain/import/types';

/**
 * Reads last year's territories drawn as polygons from a GeoJSON file: a
 * FeatureCollection, a single Feature or a bare geometry, in WGS84 lon/lat.
 */

/** Largest file read: boundary files are small, and the whole file is parsed at once. */
const MAX_BYTES = 200 * 1024 * 1024;

/** Properties tried, in order, for a feature's label when none is chosen. */
const LABEL_CANDIDATES = ['name', 'NAME', 'territory', 'Territory', 'TERRITORY', 'id', 'ID'];

type Json = unknown;

export interface GeojsonTerritories {
  /** One per distinct label, in order of first appearance (features sharing a label are merged). */
  features: TerritoryShape[];
  /** Property names found on the features, in order of first appearance (for choosing the label). */
  properties: string[];
  /** Problems per feature: `row` is the 1-based feature number, `column` the property (or 'geometry'). */
  issues: ImportIssue[];
}

/**
 * Reads territory polygons from a GeoJSON file. A feature's label is its `labelProperty`
 * value or, when none is given, the value of the first of name / NAME / territory /
 * Territory / TERRITORY / id / ID that any feature has; a feature without one is named by
 * its 1-based number (with an issue when a label property is in use). Polygon and
 * MultiPolygon geometries (also inside a GeometryCollection) are read; other geometries
 * and malformed polygons are skipped with an issue, and a feature left without polygons
 * is dropped. Rings may be open or closed, in either winding; holes are kept.
 *
 * Longitudes up to ±360 are accepted (shapes unwrapped across the antimeridian); beyond
 * that, or a latitude beyond ±90, the file is taken to be in a projected system.
 *
 * @throws Error naming the file when it is missing, over 200 MB, not JSON, not GeoJSON,
 * or its coordinates look projected
 */
export function readGeojsonTerritories(path: string, labelProperty?: string): GeojsonTerritories {
  const file = basename(path);
  const root = parseFile(path, file);
  const raw = featuresOf(root, file);

  const properties: string[] = [];
  const seen = new Set<string>();
  for (const f of raw) {
    for (const key of Object.keys(propertiesOf(f))) {
      if (seen.has(key)) continue;
      seen.add(key);
      properties.push(key);
    }
  }
  const labelKey = labelProperty ?? LABEL_CANDIDATES.find((k) => seen.has(k));

  const issues: ImportIssue[] = [];
  const byLabel = new Map<string, PolygonCoords[]>();
  raw.forEach((f, k) => {
    const row = k + 1;
    if (!isObject(f) || f.type !== 'Feature') {
      issues.push({ row, column: '', value: String(isObject(f) ? f.type : f), reason: 'Not a GeoJSON Feature; skipped.' });
      return;
    }
    const value = labelKey === undefined ? undefined : propertiesOf(f)[labelKey];
    let label = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).trim() : '';
    if (label === '') {
      label = String(row);
      if (labelKey !== undefined) issues.push({ row, column: labelKey, value: '', reason: `No ${labelKey}; the territory is named by its feature number.` });
    }
    const polygons: PolygonCoords[] = [];
    collectPolygons(f.geometry, polygons, (value, reason) => issues.push({ row, column: 'geometry', value, reason }), file);
    if (polygons.length === 0) return;
    const list = byLabel.get(label);
    if (list) list.push(...polygons);
    else byLabel.set(label, polygons);
  });
  return { features: [...byLabel].map(([label, polygons]) => ({ label, polygons })), properties, issues };
}

/** The parsed JSON of the file. */
function parseFile(path: string, file: string): Json {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error(`${file} is not a file.`);
    size = stats.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${file} was not found.`);
    if (code === undefined) throw err;
    throw new Error(`${file} cannot be opened (${code}).`);
  }
  if (size > MAX_BYTES) {
    throw new Error(`${file} is ${Math.round(size / 1024 / 1024)} MB; territory boundary files can be at most 200 MB. Simplify the boundaries or split the file.`);
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as Json;
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}).`);
  }
}

/** The features of a FeatureCollection, a Feature, or a bare geometry as one feature. */
function featuresOf(root: Json, file: string): Json[] {
  if (isObject(root)) {
    if (root.type === 'FeatureCollection' && Array.isArray(root.features)) return root.features;
    if (root.type === 'Feature') return [root];
    if (typeof root.type === 'string' && GEOMETRY_TYPES.has(root.type)) return [{ type: 'Feature', properties: {}, geometry: root }];
  }
  const found = isObject(root) ? (typeof root.type === 'string' ? `type "${root.type}"` : 'an object without a GeoJSON type') : Array.isArray(root) ? 'an array' : typeof root;
  throw new Error(`${file} is not GeoJSON: expected a FeatureCollection, a Feature or a geometry, found ${found}.`);
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * Appends the polygons of a geometry to `out`, reporting what cannot be used.
 * @throws Error when a coordinate looks projected
 */
function collectPolygons(geometry: Json, out: PolygonCoords[], report: (value: string, reason: string) => void, file: string): void {
  if (geometry === null || geometry === undefined) return report('', 'No geometry; skipped.');
  if (!isObject(geometry)) return report(String(geometry), 'Not a GeoJSON geometry; skipped.');
  const type = String(geometry.type);
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometry.geometries)) return report(type, 'GeometryCollection without geometries; skipped.');
    for (const g of geometry.geometries) collectPolygons(g, out, report, file);
    return;
  }
  if (type !== 'Polygon' && type !== 'MultiPolygon') return report(type, `${type} geometry skipped: territories need Polygon or MultiPolygon.`);
  const list: Json[] = type === 'Polygon' ? [geometry.coordinates] : Array.isArray(geometry.coordinates) ? geometry.coordinates : [undefined];
  for (const coords of list) {
    const polygon = readPolygon(coords, file);
    if (polygon) out.push(polygon);
    else report(type, 'Malformed polygon coordinates (each ring needs at least 4 [lon, lat] positions); skipped.');
  }
}

/**
 * A polygon's rings as [lon, lat] arrays, or null when malformed.
 * @throws Error when a coordinate looks projected
 */
function readPolygon(coords: Json, file: string): PolygonCoords | null {
  if (!Array.isArray(coords) || coords.length === 0) return null;
  const rings: PolygonCoords = [];
  for (const ring of coords) {
    if (!Array.isArray(ring) || ring.length < 4) return null;
    const out: number[][] = [];
    for (const p of ring) {
      if (!Array.isArray(p) || p.length < 2) return null;
      const [x, y] = p;
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
      if (Math.abs(x) > 360 || Math.abs(y) > 90) {
        const shown = Math.abs(x) > 360 ? `x = ${x}` : `y = ${y}`;
        throw new Error(`${file}: coordinates look projected (${shown}); export WGS84 (EPSG:4326).`);
      }
      out.push([x, y]);
    }
    rings.push(out);
  }
  return rings;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function propertiesOf(f: Json): Record<string, Json> {
  return isObject(f) && isObject(f.properties) ? f.properties : {};
}
