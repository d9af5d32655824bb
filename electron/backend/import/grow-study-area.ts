import { cellToLatLng, polygonToCells } from 'h3-js';
import { buildAdjacency } from '../../../shared/domain/h3/build-adjacency';
import { cellAreasKm2 } from '../../../shared/domain/h3/cell-areas';
import { connectedComponents } from '../../../shared/domain/graph/connected-components';
import { clipPolygonToBox, widenedBox, type Box } from '../../../shared/domain/geo/clip-to-box';
import { createPolygonIndex } from '../../../shared/domain/geo/point-in-polygon';
import type { PolygonCoords } from '../../../shared/domain/h3/build-study-area';
import { landForPoints } from './land-for-points';
import type { StudyAreaGrowth } from './prepared';

/** Land is taken within the records' bounding box widened by this share of its span … */
const MARGIN_SHARE = 0.25;
/** … and by at least this many degrees. */
const MIN_MARGIN_DEG = 1;
/**
 * A land part holding less than this share of the records (points that spill over a
 * border at 1:50m, a few accounts abroad) gives only the land near its own records.
 */
const SPILL_SHARE = 0.002;

/**
 * Grows the study area so every record lies in it: the land of the countries (US:
 * states) the records outside it fall in, within their bounding box widened by a margin
 * (a land part holding only a few records: near those records), plus every cell that
 * holds a record. A new workspace grows from nothing this way. New cells come after the
 * current ones (indices are append-only), sorted among themselves.
 * @returns null when every record already lies in the study area
 */
export function growStudyArea(existing: readonly string[], recordCells: readonly string[], lat: ArrayLike<number>, lon: ArrayLike<number>, resolution: number): StudyAreaGrowth | null {
  const known = new Set(existing);
  const outside: number[] = [];
  for (let i = 0; i < recordCells.length; i++) if (!known.has(recordCells[i]!)) outside.push(i);
  if (outside.length === 0) return null;

  const oLat = Float64Array.from(outside, (i) => lat[i]!);
  const oLon = Float64Array.from(outside, (i) => lon[i]!);
  const { polygons, places } = landForPoints(oLat, oLon);
  const boxes = partBoxes(polygons, oLat, oLon);
  const added = new Set<string>();
  polygons.forEach((polygon, p) => {
    const clipped = clipPolygonToBox(polygon, boxes[p]!);
    if (!clipped) return;
    for (const cell of polygonToCells(clipped, resolution, true)) if (!known.has(cell)) added.add(cell);
  });
  for (const i of outside) added.add(recordCells[i]!);

  const h3 = [...added].sort();
  const newLat = new Float64Array(h3.length);
  const newLon = new Float64Array(h3.length);
  h3.forEach((cell, i) => {
    const [la, lo] = cellToLatLng(cell);
    newLat[i] = la;
    newLon[i] = lo;
  });
  const graph = buildAdjacency([...existing, ...h3]);
  return { h3, lat: newLat, lon: newLon, areaKm2: cellAreasKm2(h3), graph, component: connectedComponents(graph).component, places };
}

/** The box each land part is clipped to: the records' widened box, or for a part with few records, the box around those. */
function partBoxes(polygons: readonly PolygonCoords[], lat: Float64Array, lon: Float64Array): Box[] {
  const overall = widenedBox(lat, lon, MARGIN_SHARE, MIN_MARGIN_DEG)!;
  const index = createPolygonIndex(polygons);
  const members = polygons.map(() => ({ lat: [] as number[], lon: [] as number[] }));
  for (let i = 0; i < lat.length; i++) {
    const p = index.find(lon[i]!, lat[i]!);
    if (p < 0) continue;
    members[p]!.lat.push(lat[i]!);
    members[p]!.lon.push(lon[i]!);
  }
  return members.map((m) => {
    if (m.lat.length === 0 || m.lat.length >= SPILL_SHARE * lat.length) return overall;
    return widenedBox(m.lat, m.lon, MARGIN_SHARE, MIN_MARGIN_DEG)!;
  });
}
