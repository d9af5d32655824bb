import type { PolygonCoords } from '../h3/build-study-area';
import { createPolygonIndex } from '../geo/point-in-polygon';

/** One territory drawn as polygons (e.g. a feature of a GeoJSON file). */
export interface TerritoryShape {
  label: string;
  polygons: PolygonCoords[];
}

/**
 * Assigns cells to territories drawn as polygons (last year's territory boundaries):
 * a cell goes to the feature whose polygons hold its centroid. Where features overlap
 * the first one wins. Polygons crossing the antimeridian are handled (see
 * `point-in-polygon`).
 *
 * @param cellLat centroid latitude per cell, degrees
 * @param cellLon centroid longitude per cell, degrees
 * @param features the territories; their order decides overlaps
 * @returns `territoryOfCell`: index into `features` per cell, −1 where none holds it;
 * `uncovered`: cells in no feature; `overlapping`: cells in more than one feature
 */
export function alignmentFromPolygons(
  cellLat: ArrayLike<number>,
  cellLon: ArrayLike<number>,
  features: readonly TerritoryShape[],
): { territoryOfCell: Int32Array; uncovered: number; overlapping: number } {
  const polygons: PolygonCoords[] = [];
  const featureOf: number[] = [];
  const lastPolygon: number[] = []; // per feature: index of its last polygon (−1 none yet)
  features.forEach((f, k) => {
    for (const p of f.polygons) {
      polygons.push(p);
      featureOf.push(k);
    }
    lastPolygon.push(polygons.length - 1);
  });
  const index = createPolygonIndex(polygons);
  const territoryOfCell = new Int32Array(cellLat.length).fill(-1);
  let uncovered = 0;
  let overlapping = 0;
  for (let c = 0; c < cellLat.length; c++) {
    const p = index.find(cellLon[c]!, cellLat[c]!);
    if (p < 0) {
      uncovered++;
      continue;
    }
    const f = featureOf[p]!;
    territoryOfCell[c] = f;
    // Another feature holds the cell too when a polygon after this feature's last does.
    if (index.find(cellLon[c]!, cellLat[c]!, lastPolygon[f]!) >= 0) overlapping++;
  }
  return { territoryOfCell, uncovered, overlapping };
}
