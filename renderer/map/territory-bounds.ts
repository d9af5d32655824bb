import type { MapCells } from '../stores/use-app-store';

/**
 * [west, south, east, north] of a territory's cell centroids, padded by about one cell
 * so edge cells show whole; null when the territory has no cells.
 */
export function territoryBounds(cells: MapCells, territoryOfCell: Int32Array, territoryId: number): [number, number, number, number] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (let i = 0; i < territoryOfCell.length; i++) {
    if (territoryOfCell[i] !== territoryId) continue;
    w = Math.min(w, cells.lon[i]!);
    e = Math.max(e, cells.lon[i]!);
    s = Math.min(s, cells.lat[i]!);
    n = Math.max(n, cells.lat[i]!);
  }
  if (w === Infinity) return null;
  // H3 average edge length in degrees of latitude, roughly: 0.1 at res 6, ×√7 per coarser level.
  const pad = 0.1 * Math.sqrt(7) ** (6 - cells.resolution);
  return [w - pad, s - pad, e + pad, n + pad];
}
