import { pointBounds, type Bounds } from '../../shared/domain/geo/point-bounds';
import type { MapCells } from '../stores/use-app-store';

/**
 * [west, south, east, north] of a territory's cell centroids, padded by about one cell
 * so edge cells show whole; null when the territory has no cells.
 */
export function territoryBounds(cells: MapCells, territoryOfCell: Int32Array, territoryId: number): Bounds | null {
  const b = pointBounds(cells.lat, cells.lon, (i) => territoryOfCell[i] === territoryId);
  if (!b) return null;
  // H3 average edge length in degrees of latitude, roughly: 0.1 at res 6, ×√7 per coarser level.
  const pad = 0.1 * Math.sqrt(7) ** (6 - cells.resolution);
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}
