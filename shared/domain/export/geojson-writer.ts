/** Territory boundaries as a GeoJSON FeatureCollection (RFC 7946). */
import type { BoundaryFeature, PolygonRings } from './types';

/**
 * A coordinate in degrees rounded to 7 decimals (≈ 1 cm), in plain notation without
 * trailing zeros: 12.5, -0.0000001, 180 (never 1e-7, never -0).
 */
export function formatCoordinate(value: number): string {
  const scaled = Math.round(value * 1e7);
  if (scaled === 0 || !Number.isFinite(scaled)) return '0';
  const abs = Math.abs(scaled);
  const whole = Math.floor(abs / 1e7);
  const fraction = abs - whole * 1e7;
  const sign = scaled < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(7, '0').replace(/0+$/, '')}`;
}

/** `[[x,y],…]` of one ring. */
function ringJson(ring: readonly (readonly number[])[]): string {
  const parts = new Array<string>(ring.length);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    parts[i] = `[${formatCoordinate(p[0]!)},${formatCoordinate(p[1]!)}]`;
  }
  return `[${parts.join(',')}]`;
}

function polygonJson(polygon: PolygonRings): string {
  return `[${polygon.map(ringJson).join(',')}]`;
}

/** The geometry member's value: null, a Polygon for one piece, else a MultiPolygon. */
function geometryJson(polygons: readonly PolygonRings[]): string {
  const pieces = polygons.filter((p) => p.length > 0);
  if (pieces.length === 0) return 'null';
  if (pieces.length === 1) return `{"type":"Polygon","coordinates":${polygonJson(pieces[0]!)}}`;
  return `{"type":"MultiPolygon","coordinates":[${pieces.map(polygonJson).join(',')}]}`;
}

/** A property value: strings and finite numbers as JSON, anything else null. */
function valueJson(value: string | number | null): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isFinite(value)) return JSON.stringify(value);
  return 'null';
}

/**
 * A GeoJSON FeatureCollection (RFC 7946: WGS84 longitude/latitude, no `crs` member) with a
 * top-level `name` (a foreign member) and one Feature per territory, one per line:
 * `id` = territoryId (left out when not a finite number);
 * geometry a Polygon when the territory has one piece, a MultiPolygon for several, null
 * for none; properties = `attributes` in order (a repeated key keeps its first value),
 * then `color` unless an attribute already has that key. Coordinates are written as they
 * are given (see `dissolveCells` for valid winding and antimeridian cuts), rounded to
 * 7 decimals in plain notation. Non-finite numbers are written as null.
 * @example boundariesGeoJson(features, { name: 'Territories — Plan A' })
 */
export function boundariesGeoJson(features: BoundaryFeature[], options: { name: string }): string {
  const parts: string[] = [];
  for (const feature of features) {
    const seen = new Set<string>();
    const props: string[] = [];
    for (const { key, value } of feature.attributes) {
      if (seen.has(key)) continue;
      seen.add(key);
      props.push(`${JSON.stringify(key)}:${valueJson(value)}`);
    }
    if (!seen.has('color')) props.push(`"color":${JSON.stringify(feature.color)}`);
    const id = Number.isFinite(feature.territoryId) ? `"id":${JSON.stringify(feature.territoryId)},` : '';
    parts.push(`{"type":"Feature",${id}"properties":{${props.join(',')}},"geometry":${geometryJson(feature.polygons)}}`);
  }
  const list = parts.length === 0 ? '[]' : `[\n${parts.join(',\n')}\n]`;
  return `{"type":"FeatureCollection","name":${JSON.stringify(options.name)},"features":${list}}\n`;
}
