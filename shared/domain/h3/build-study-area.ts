import { cellToLatLng, latLngToCell, polygonToCells } from 'h3-js';
import type { H3Cell } from '../model/ids';

/** GeoJSON-style polygon rings, [lon, lat] degrees, outer ring first then holes. */
export type PolygonCoords = number[][][];

export interface StudyAreaCells {
  resolution: number;
  /** H3 cells in ascending index order (which keeps cells of one parent together). */
  h3: H3Cell[];
  /** Centroid latitude / longitude per cell, degrees. */
  lat: Float64Array;
  lon: Float64Array;
}

/**
 * Builds the study area: every cell whose centre lies in one of `polygons`, plus every
 * cell that holds one of `points` (so no account is ever outside the map), with empty
 * cells included. The result is sorted, so the same input always yields the same order.
 *
 * @param polygons land polygons in [lon, lat] degrees
 * @param points extra locations ([lat, lon] pairs flattened: lat0, lon0, lat1, …)
 * @param resolution H3 resolution 0–15
 * @throws RangeError on an invalid resolution
 */
export function buildStudyArea(polygons: PolygonCoords[], points: ArrayLike<number>, resolution: number): StudyAreaCells {
  if (!Number.isInteger(resolution) || resolution < 0 || resolution > 15) {
    throw new RangeError(`H3 resolution must be an integer 0–15, got ${resolution}.`);
  }
  const set = new Set<H3Cell>();
  for (const polygon of polygons) {
    for (const cell of polygonToCells(polygon, resolution, true)) set.add(cell);
  }
  for (let i = 0; i + 1 < points.length; i += 2) {
    set.add(latLngToCell(points[i]!, points[i + 1]!, resolution));
  }
  const h3 = [...set].sort();
  const lat = new Float64Array(h3.length);
  const lon = new Float64Array(h3.length);
  h3.forEach((cell, i) => {
    const [la, lo] = cellToLatLng(cell);
    lat[i] = la;
    lon[i] = lo;
  });
  return { resolution, h3, lat, lon };
}
